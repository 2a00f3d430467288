import { ContentError } from '$lib/content/errors';
import type { CitationSpec } from '$lib/content/schema';
import { bodyText, overlapsExcluded, type Source } from './corpus';
import { resolveQuote } from './selectors';

/** A span of a source body that the story cites, resolved to offsets into the seed file. */
export interface Passage {
	/** Also the passage's anchor in the source reader: /sources/<source>/#<id>. */
	id: string;
	source: string;
	/** The words exactly as the seed file has them (its own whitespace). */
	exact: string;
	start: number;
	end: number;
	/** Who speaks in the passage, when the source names someone. */
	speaker?: string;
	/** Our editor's note on the passage (a source's error, say); shown marked as ours, as text. */
	note?: string;
	/** Where the passage was defined, for error messages. */
	definedIn: string;
}

/** Resolves a citation against its source, or throws naming the file, the quote and the reason. */
export function resolvePassage(spec: CitationSpec, sources: ReadonlyMap<string, Source>, file: string, field: string): Passage {
	const source = sources.get(spec.source);
	if (!source) throw new ContentError(file, `${field}.source`, `unknown source id "${spec.source}" (known: ${[...sources.keys()].join(', ')})`);
	const result = resolveQuote(bodyText(source), { exact: spec.quote, prefix: spec.prefix, suffix: spec.suffix });
	if (!result.ok) {
		const shown = spec.quote.length > 80 ? `${spec.quote.slice(0, 77)}…` : spec.quote;
		// A quote copied from the wrong document is a common slip: say where it is.
		const elsewhere = [...sources.values()].find((s) => s.id !== source.id && resolveQuote(bodyText(s), { exact: spec.quote }).ok);
		const hint = elsewhere && /^not found/.test(result.reason) ? `; it is in ${elsewhere.id}: set source: ${elsewhere.id}` : '';
		throw new ContentError(file, `${field}.quote`, `"${shown}" in ${spec.source}: ${result.reason}${hint}`);
	}
	const start = source.body.start + result.position.start;
	const end = source.body.start + result.position.end;
	if (overlapsExcluded(source, start, end))
		throw new ContentError(file, `${field}.quote`, `"${spec.quote.slice(0, 60)}" in ${spec.source}: runs across a caption or other text outside the article`);
	const passage: Passage = { id: spec.id, source: source.id, exact: source.text.slice(start, end), start, end, definedIn: file };
	if (spec.speaker) passage.speaker = spec.speaker;
	if (spec.note) passage.note = spec.note;
	return passage;
}

/** The URL of a passage in the source reader. */
export function passageHref(passage: Pick<Passage, 'id' | 'source'>): string {
	return `/sources/${passage.source}/#${passage.id}`;
}
