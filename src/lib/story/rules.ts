/**
 * Editorial rules ("Honesty of the story" in the design notes), run by the build on every chapter
 * once its frontmatter is valid and its passages resolve: a chapter that breaks one fails the
 * build, naming the file and the field, as a misquoted passage does. The schema (content/schema.ts)
 * has already refused unknown ids, bad bounds and over-long fields; these rules check what a
 * reader would be misled by: a claim without a citation, a figure no cited passage gives, a map
 * that does not show what the text says.
 *
 * Every check returns a list of problems (empty when the content is fine) instead of throwing,
 * so fixtures can assert the exact problem and the build can report the first.
 */
import type { Bbox, ChapterMeta } from '$lib/content/schema';
import { BASIS_MARK } from '$lib/content/basis';
import { yearMissing } from '$lib/content/dates';
import { LIMITS } from '$lib/content/limits';
import { sentencesOf } from '$lib/content/text';
import { TOKEN } from './render';
import { checkShown, type ShownContext } from './shown';

export { sentencesOf };

/**
 * Marks a sentence whose figures are ours (a span of years, a distance measured on the map)
 * rather than a source's: the one mark of what Frontera computed (content/basis.ts).
 */
export const COMPUTED_MARKER = `(${BASIS_MARK.ours})`;

export type Rule = 'citation' | 'paragraph-citation' | 'figure' | 'words' | 'map-state' | 'shown' | 'date' | 'copied' | 'source-citations';

export interface Problem {
	/** The chapter file, or seeds/sources.yaml for the rule over the whole story. */
	file: string;
	/** The frontmatter field, or "body". */
	field: string;
	/** Line of the file, where the problem has one. */
	line?: number;
	rule: Rule;
	message: string;
}

export interface PlaceInfo {
	name: string;
	kind: string;
	/** [longitude, latitude] */
	coordinates: [number, number];
}

/** What the rules check a chapter against. */
export interface RulesContext extends ShownContext {
	/** Every passage the story defines (shared ones and chapters' own), by id. */
	passages: ReadonlyMap<string, { source: string; exact: string }>;
	/** The gazetteer, by place id. */
	places: ReadonlyMap<string, PlaceInfo>;
	/** Layer feature id → id of the layer that draws it. */
	features: ReadonlyMap<string, string>;
	/** Layer feature id → its bounding box, to check a highlighted feature is in the frame. */
	featureBounds: ReadonlyMap<string, Bbox>;
	/** Source id → its full text, to find prose copied from a source outside a quote. */
	sourceTexts: ReadonlyMap<string, string>;
	/** The extent of the basemap (countries.geojson): a camera frame outside it shows nothing. */
	extent: Bbox;
}

export interface ChapterContent {
	file: string;
	meta: ChapterMeta;
	/** The Markdown body, with its citation tokens. */
	body: string;
	/** Line of the file the body starts on. */
	bodyLine: number;
	/** The camera frame: the chapter's bounds, or the frame the build derives from its places. */
	frame: Bbox;
}

export interface Citation {
	form: 'quote' | 'q' | 'note';
	id: string;
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The citation tokens of a body, in order. */
export function citationsIn(body: string): Citation[] {
	return [...body.matchAll(TOKEN)].map((m) => ({
		form: m[1] === 'quote' ? 'quote' : m[1] === 'q' ? 'q' : 'note',
		id: (m[2] ?? m[3])!
	}));
}

/** The body with every citation token removed: our own words only (quoted text lives in the tokens). */
export function stripCitations(body: string): string {
	return body.replace(TOKEN, '');
}

/** Paragraphs of a body (blank-line separated), tokens kept, whitespace collapsed, with the line each starts on. */
export function paragraphsOf(body: string, firstLine = 1): { text: string; line: number }[] {
	const found: { text: string; line: number }[] = [];
	let offset = 0;
	for (const raw of body.split(/(\n\s*\n)/)) {
		const text = collapse(raw);
		if (text && !/^\n\s*\n$/.test(raw)) {
			const lead = raw.length - raw.trimStart().length;
			found.push({ text, line: firstLine + body.slice(0, offset + lead).split('\n').length - 1 });
		}
		offset += raw.length;
	}
	return found;
}

/** Number of words of our own prose: quoted passages, citation tokens and Markdown marks excluded. */
export function proseWords(body: string): number {
	return stripCitations(body)
		.replace(/[*_`>#]/g, ' ')
		.split(/\s+/)
		.filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

const SCALE = '(?:\\s(?:thousand|million|billion|trillion)\\b)?';
const NUM = '\\d+(?:,\\d{3})*(?:\\.\\d+)?';
/**
 * A figure: a money amount (US$1.5 billion, $20 million), a percentage (40 percent, 20%), or a
 * number of two or more digits (78,733, 100,000, 1.5, 2014; "1930s" gives 1930). Single digits
 * count only as money or percentages. Longest forms first, so "$20 million" is one figure.
 */
const FIGURE = new RegExp(
	[
		`(?:US)?\\$\\s?${NUM}${SCALE}`,
		`(?<![\\d.,])${NUM}\\s?(?:%|percent\\b|per cent\\b)`,
		`(?<![\\d.,])\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?`,
		`(?<![\\d.,])\\d+\\.\\d+`,
		`(?<![\\d.,])\\d{2,}`
	].join('|'),
	'g'
);

/** The figures in a text, in order, whitespace collapsed. */
export function figuresIn(text: string): string[] {
	return [...collapse(text).matchAll(FIGURE)].map((m) => m[0]);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * True when `figure` occurs verbatim in `passage` (whitespace collapsed) as a whole figure:
 * "20" is not found in "2016", nor "1.5" in "11.5" or "1.55".
 */
export function figureInPassage(figure: string, passage: string): boolean {
	const re = new RegExp(`(?<![\\d])${escapeRegExp(collapse(figure))}(?![\\d]|[.,]\\d)`);
	return re.test(collapse(passage));
}

/** The ids of the passages a chapter cites: its frontmatter `citations` and those referenced in its body. */
export function citedPassageIds(chapter: Pick<ChapterContent, 'meta' | 'body'>): string[] {
	return [...new Set([...chapter.meta.citations.map((c) => c.id), ...citationsIn(chapter.body).map((c) => c.id)])];
}

/** Words for comparing prose with a source: lower case, curly quotes and apostrophes straightened. */
function comparableWords(text: string): string[] {
	return text
		.toLowerCase()
		.replace(/[’‘]/g, "'")
		.split(/[^\p{L}\p{N}'$%]+/u)
		.filter(Boolean);
}

/** Every run of `n` words of a source, to look prose up in. */
export function wordRuns(source: string, n: number = LIMITS.copiedWords): Set<string> {
	const words = comparableWords(source);
	const runs = new Set<string>();
	for (let i = 0; i + n <= words.length; i++) runs.add(words.slice(i, i + n).join(' '));
	return runs;
}

/**
 * The first run of `n` or more consecutive words of `prose` that also occurs, word for word, in
 * the source whose `wordRuns` are given (case and punctuation aside), or null. Our paraphrase may
 * share a phrase with a source; a whole sentence copied outside a quote is not paraphrase.
 */
export function copiedRun(prose: string, runs: ReadonlySet<string>, n: number = LIMITS.copiedWords): string | null {
	const words = comparableWords(prose);
	for (let i = 0; i + n <= words.length; i++) {
		const run = words.slice(i, i + n).join(' ');
		if (runs.has(run)) return run;
	}
	return null;
}

/** Figures of `text` (a field of the chapter) that no cited passage gives and no computed marker covers. */
export function unsupportedFigures(text: string, passages: string[]): string[] {
	const missing: string[] = [];
	for (const sentence of sentencesOf(text)) {
		if (sentence.includes(COMPUTED_MARKER)) continue;
		for (const figure of figuresIn(sentence)) if (!passages.some((p) => figureInPassage(figure, p))) missing.push(figure);
	}
	return missing;
}

const contains = ([w, s, e, n]: Bbox, [lon, lat]: [number, number]) => lon >= w && lon <= e && lat >= s && lat <= n;
const overlaps = (a: Bbox, b: Bbox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Kinds of place drawn as a labelled marker; states are drawn by shading; countries not at all. */
const MARKER_KINDS = new Set(['city', 'town', 'crossing', 'shelter', 'region']);

/** Does the chapter's map show what it names? (The schema has checked that every id exists.) */
export function checkMapState({ meta, frame }: ChapterContent, ctx: RulesContext): [field: string, message: string][] {
	const problems: [string, string][] = [];
	const field = meta.bounds ? 'bounds' : 'places';
	if (!overlaps(frame, ctx.extent))
		return [[field, `the camera frame [${frame.join(', ')}] lies outside the map's data [${ctx.extent.join(', ')}]: bounds are [west, south, east, north] in degrees`]];
	for (const id of meta.highlight) {
		const place = ctx.places.get(id);
		const layer = ctx.features.get(id);
		if (layer && !meta.layers.includes(layer)) problems.push(['highlight', `"${id}" belongs to layer "${layer}", which the chapter does not show`]);
		if (place?.kind === 'country') problems.push(['highlight', `"${id}" is a country, which the map cannot draw highlighted`]);
		if (place && MARKER_KINDS.has(place.kind) && !meta.places.includes(id))
			problems.push(['highlight', `"${id}" is not among the chapter's places, so no marker is drawn for it`]);
	}
	for (const id of new Set([...meta.places, ...meta.highlight])) {
		const place = ctx.places.get(id);
		if (place && !contains(frame, place.coordinates))
			problems.push([field, `the camera frame [${frame.join(', ')}] leaves out ${id} at [${place.coordinates.join(', ')}]`]);
	}
	for (const id of meta.highlight) {
		const box = ctx.featureBounds.get(id);
		if (box && !overlaps(frame, box)) problems.push([field, `the camera frame [${frame.join(', ')}] does not reach highlighted feature "${id}"`]);
	}
	return problems;
}

/** All problems of one chapter. `runs` are the sources' word runs (wordRuns), by source id. */
export function checkChapter(chapter: ChapterContent, ctx: RulesContext, runs: ReadonlyMap<string, ReadonlySet<string>> = new Map()): Problem[] {
	const { file, meta, body, bodyLine } = chapter;
	const problems: Problem[] = [];
	const add = (rule: Rule, field: string, message: string, line?: number) =>
		problems.push(line === undefined ? { file, field, rule, message } : { file, field, line, rule, message });

	if (citationsIn(body).length === 0) add('citation', 'body', 'cites no passage: every chapter needs at least one [^id], {{q:id}} or {{quote:id}}', bodyLine);

	const paragraphs = paragraphsOf(body, bodyLine);
	paragraphs.forEach(({ text, line }, i) => {
		if (citationsIn(text).length === 0) add('paragraph-citation', 'body', `paragraph ${i + 1} cites no passage: "${text.slice(0, 60)}…"`, line);
	});

	const cited = citedPassageIds(chapter).flatMap((id) => {
		const passage = ctx.passages.get(id);
		return passage ? [{ id, exact: passage.exact }] : [];
	});
	const passages = cited.map((p) => p.exact);
	const fields: [string, string][] = [
		['title', meta.title],
		['body', stripCitations(body)],
		['mapText', meta.mapText],
		['description', meta.description]
	];
	for (const [field, text] of fields)
		for (const figure of unsupportedFigures(text, passages))
			add('figure', field, `"${figure}" is in no passage the chapter cites; cite one that gives it, or mark the sentence ${COMPUTED_MARKER}`);

	for (const [source, sourceRuns] of runs)
		for (const { text, line } of paragraphs) {
			const run = copiedRun(stripCitations(text), sourceRuns);
			if (run)
				add('copied', 'body', `copies ${LIMITS.copiedWords}+ words of ${source} outside a quote: "${run}…"; paraphrase it or quote the passage`, line);
		}

	const words = proseWords(body);
	const { min, max } = LIMITS.proseWords;
	if (words < min || words > max) add('words', 'body', `${words} words of own prose; a chapter has ${min} to ${max}`, bodyLine);

	for (const [field, message] of checkMapState(chapter, ctx)) add('map-state', field, message);
	for (const [field, message] of checkShown(meta, cited, ctx)) add('shown', field, message);

	// A chapter's date comes from its passages, or it says how it is known (as reported in …).
	const year = meta.dateBasis ? null : yearMissing([meta.when.from, meta.when.to], passages.join('\n'));
	if (year)
		add('date', 'when', `${year} is in no passage the chapter cites; cite one that gives it, or say in dateBasis how the date is known ("As reported in …", or how it is inferred)`);
	return problems;
}

/** Citation tokens in all chapter bodies, counted by the source of the passage they cite. */
export function citationsBySource(chapters: Pick<ChapterContent, 'body'>[], ctx: Pick<RulesContext, 'passages'>): Map<string, number> {
	const counts = new Map<string, number>();
	for (const chapter of chapters)
		for (const { id } of citationsIn(chapter.body)) {
			const source = ctx.passages.get(id)?.source;
			if (source) counts.set(source, (counts.get(source) ?? 0) + 1);
		}
	return counts;
}

/** Every chapter's problems, and the story-wide rule: each source is cited at least LIMITS.sourceCitations times. */
export function checkStory(chapters: ChapterContent[], sourceIds: string[], ctx: RulesContext): Problem[] {
	const runs = new Map([...ctx.sourceTexts].map(([id, text]) => [id, wordRuns(text)]));
	const problems = chapters.flatMap((c) => checkChapter(c, ctx, runs));
	const counts = citationsBySource(chapters, ctx);
	const least = LIMITS.sourceCitations;
	for (const id of sourceIds) {
		const n = counts.get(id) ?? 0;
		if (n < least)
			problems.push({
				file: 'seeds/sources.yaml',
				field: id,
				rule: 'source-citations',
				message: `is cited ${n} time${n === 1 ? '' : 's'} in the chapters; each source at least ${least} times`
			});
	}
	return problems;
}
