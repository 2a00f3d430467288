import type { FeatureCollection } from 'geojson';
import { parse } from 'yaml';
import type { StaticMapData } from '$lib/map/staticmap.server';
import { parseSources } from '$lib/sources/corpus';
import { buildStory, type Story } from '$lib/story/build';
import { pageData } from '$lib/story/page-data';
import { sourcePage, sourceSummaries, type SourcePage, type SourceSummary } from '$lib/story/source-pages';
import type { StoryData } from '$lib/story/types';

/**
 * The one build-time loader. Vite reads every content, seed and geo file once, through
 * import.meta.glob (so `npm run dev` reloads when one changes); they are parsed and built into
 * the story once per build, and every page, the source reader and the still maps read from the
 * one object this returns. Nothing here reaches the browser.
 */
export interface Site {
	story: Story;
	/** What the story pages send to the browser. */
	data: StoryData;
	/** The geo data the still maps are drawn from: the renderer caches its work by object. */
	stillMaps: StaticMapData;
	sources: SourceSummary[];
	sourcePage(id: string): SourcePage | undefined;
}

const raw = (files: Record<string, unknown>) => files as Record<string, string>;
const chapters = raw(import.meta.glob('/src/content/chapters/*.md', { query: '?raw', import: 'default', eager: true }));
const content = raw(import.meta.glob('/src/content/passages.yaml', { query: '?raw', import: 'default', eager: true }));
const seeds = raw(import.meta.glob(['/seeds/*.txt', '/seeds/sources.yaml'], { query: '?raw', import: 'default', eager: true }));
const geo = raw(import.meta.glob(['/geo/*.geojson', '/geo/gazetteer.json'], { query: '?raw', import: 'default', eager: true }));

function readJson(path: string): unknown {
	const text = geo[path];
	if (text === undefined) throw new Error(`${path.slice(1)} is missing: run npm run geo`);
	try {
		return JSON.parse(text);
	} catch (error) {
		throw new Error(`${path.slice(1)}: is not valid JSON: ${(error as Error).message}`);
	}
}

function load(): Site {
	const seedTexts = Object.fromEntries(
		Object.entries(seeds)
			.filter(([path]) => path.endsWith('.txt'))
			.map(([path, text]) => [path.replace('/seeds/', ''), text])
	);
	const states = readJson('/geo/states.geojson') as FeatureCollection;
	const countries = readJson('/geo/countries.geojson') as FeatureCollection;
	const story = buildStory({
		chapters,
		sources: parseSources(seeds['/seeds/sources.yaml'] ?? '', seedTexts),
		passages: { file: 'src/content/passages.yaml', raw: parse(content['/src/content/passages.yaml'] ?? '[]') },
		gazetteer: { file: 'geo/gazetteer.json', raw: readJson('/geo/gazetteer.json') },
		states,
		countries,
		layerFiles: Object.fromEntries(Object.entries(geo).map(([path, text]) => [path.replace('/geo/', ''), text]))
	});
	return {
		story,
		data: pageData(story),
		stillMaps: { states, countries, features: story.features, places: story.places },
		sources: sourceSummaries(story),
		sourcePage: (id) => sourcePage(story, id)
	};
}

let loaded: Site | undefined;

/** The site's content, loaded and checked on first use; a content error fails the build here. */
export function site(): Site {
	loaded ??= load();
	return loaded;
}
