import { parseSources, type Source } from './corpus';

// Raw file contents, read at build time: the seed files are never transformed.
const texts = import.meta.glob('/seeds/*.txt', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const metadata = import.meta.glob('/seeds/sources.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

let cached: Source[] | undefined;

/** The five sources, validated against their files. */
export function loadSources(): Source[] {
	if (!cached) {
		const files = Object.fromEntries(Object.entries(texts).map(([path, text]) => [path.replace('/seeds/', ''), text]));
		cached = parseSources(metadata['/seeds/sources.yaml'] ?? '', files);
	}
	return cached;
}
