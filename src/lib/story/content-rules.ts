/**
 * Editorial rules for the story's content ("Honesty of the story" in the design notes), as pure
 * functions over a chapter's raw frontmatter and Markdown body. The build (build.ts) already
 * refuses malformed content: unknown ids, quotes not found verbatim, bad bounds. These rules
 * check what the build lets through but a reader would be misled by: a chapter without a
 * citation, a figure no cited passage gives, a map that does not show what the text says.
 *
 * Every check returns a list of problems (empty when the content is fine) instead of throwing,
 * so a test can report them all at once and fixtures can assert the exact problem.
 */
import type { Bbox } from '$lib/content/schema';

/** The three citation forms of render.ts: {{quote:id}}, {{q:id}} and [^id]. */
const TOKEN = /\{\{(quote|q):([^}\s]*)\}\}|\[\^([^\]\s]*)\]/g;

/** Marks a sentence whose figures we computed from the geo data rather than took from a source. */
export const COMPUTED_MARKER = '(computed from the map data)';

export const TITLE_MAX = 60;
/** A run of this many words copied from a source is a copied sentence, and belongs in a quote. */
export const COPIED_WORDS = 12;
export const PROSE_WORDS = { min: 80, max: 220 } as const;

export type Rule =
	| 'citation'
	| 'unknown-passage'
	| 'paragraph-citation'
	| 'figure'
	| 'words'
	| 'title'
	| 'map-state'
	| 'copied'
	| 'source-citations';

export interface Problem {
	/** The chapter file, or "(story)" for rules over the whole story. */
	file: string;
	rule: Rule;
	message: string;
}

export interface PlaceInfo {
	kind: string;
	/** [longitude, latitude] */
	coordinates: [number, number];
}

/** What the rules check a chapter against. */
export interface RulesContext {
	/** Every passage the story defines (shared ones and chapters' own), by id. */
	passages: ReadonlyMap<string, { source: string; exact: string }>;
	/** The gazetteer, by place id. */
	places: ReadonlyMap<string, PlaceInfo>;
	/** Ids of the layer registry. */
	layers: ReadonlySet<string>;
	/** Layer feature id → id of the layer that draws it. */
	features: ReadonlyMap<string, string>;
	/** Layer feature id → its bounding box, to check a highlighted feature is in the frame. Optional. */
	featureBounds?: ReadonlyMap<string, Bbox>;
	/** Source id → its full text, to find prose copied from a source outside a quote. Optional. */
	sourceTexts?: ReadonlyMap<string, string>;
}

export interface ChapterContent {
	file: string;
	/** The frontmatter as parsed YAML, before validation fills in defaults. */
	data: Record<string, unknown>;
	/** The Markdown body, with its citation tokens. */
	body: string;
	/**
	 * The camera frame the build derives from `places` when the chapter sets no `bounds`
	 * (ChapterView.view.bounds). Without it, a chapter with no `bounds` has no frame to check.
	 */
	derivedBounds?: Bbox;
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

/** Paragraphs of a body (blank-line separated), tokens kept, whitespace collapsed, empty ones dropped. */
export function paragraphsOf(body: string): string[] {
	return body
		.split(/\n\s*\n/)
		.map(collapse)
		.filter(Boolean);
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

/**
 * Sentences of a text, roughly: split after . ! ? (and a closing quote or bracket) followed by
 * a space and a capital, digit or opening quote. Good enough to scope the computed marker.
 */
export function sentencesOf(text: string): string[] {
	return collapse(text)
		.split(/(?<=[.!?][”’")\]]?)\s+(?=[\p{Lu}\p{N}“‘"(])/u)
		.filter(Boolean);
}

/** The ids of the passages a chapter cites: its frontmatter `citations` and those referenced in its body. */
export function citedPassageIds(chapter: Pick<ChapterContent, 'data' | 'body'>): string[] {
	const own = Array.isArray(chapter.data.citations)
		? chapter.data.citations.map((c) => (c && typeof c === 'object' ? (c as { id?: unknown }).id : undefined)).filter((id): id is string => typeof id === 'string')
		: [];
	return [...new Set([...own, ...citationsIn(chapter.body).map((c) => c.id)])];
}

/** Text of a cited passage: resolved by the build, or the frontmatter quote of a chapter's own passage. */
function passageText(id: string, chapter: ChapterContent, ctx: RulesContext): string | undefined {
	const resolved = ctx.passages.get(id)?.exact;
	if (resolved !== undefined) return resolved;
	const own = Array.isArray(chapter.data.citations) ? chapter.data.citations.find((c) => (c as { id?: unknown })?.id === id) : undefined;
	const quote = (own as { quote?: unknown } | undefined)?.quote;
	return typeof quote === 'string' ? quote : undefined;
}

/** Words for comparing prose with a source: lower case, curly quotes and apostrophes straightened. */
function comparableWords(text: string): string[] {
	return text
		.toLowerCase()
		.replace(/[’‘]/g, "'")
		.split(/[^\p{L}\p{N}'$%]+/u)
		.filter(Boolean);
}

/**
 * The first run of `n` or more consecutive words of `prose` that also occurs, word for word, in
 * `source` (case and punctuation aside), or null. Our paraphrase may share a phrase with a
 * source; a whole sentence copied outside a quote is not paraphrase.
 */
export function copiedRun(prose: string, source: string, n = COPIED_WORDS): string | null {
	const src = comparableWords(source);
	const grams = new Set<string>();
	for (let i = 0; i + n <= src.length; i++) grams.add(src.slice(i, i + n).join(' '));
	const words = comparableWords(prose);
	for (let i = 0; i + n <= words.length; i++) {
		const gram = words.slice(i, i + n).join(' ');
		if (grams.has(gram)) return gram;
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

const isBbox = (b: unknown): b is Bbox => Array.isArray(b) && b.length === 4 && b.every((n) => typeof n === 'number' && Number.isFinite(n));

function bboxProblem(b: unknown): string | null {
	if (!isBbox(b)) return 'must be [west, south, east, north], four finite numbers';
	const [w, s, e, n] = b;
	if (w < -180 || e > 180) return `longitudes ${w}, ${e} must lie in -180…180`;
	if (s < -85 || n > 85) return `latitudes ${s}, ${n} must lie in -85…85`;
	if (w >= e) return `west ${w} must be less than east ${e}`;
	if (s >= n) return `south ${s} must be less than north ${n}`;
	return null;
}

const contains = ([w, s, e, n]: Bbox, [lon, lat]: [number, number]) => lon >= w && lon <= e && lat >= s && lat <= n;
const overlaps = (a: Bbox, b: Bbox) => a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];

/** Kinds of place drawn as a labelled marker; states are drawn by shading; countries not at all. */
const MARKER_KINDS = new Set(['city', 'town', 'crossing', 'shelter', 'region']);

/** Is the chapter's map state complete and does it show what it names? */
export function checkMapState(chapter: ChapterContent, ctx: RulesContext): string[] {
	const { data } = chapter;
	const problems: string[] = [];
	const idList = (field: string): string[] | null => {
		const value = data[field];
		if (value === undefined || value === null) {
			problems.push(`${field} is missing (list the ids; [] for none)`);
			return null;
		}
		if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) {
			problems.push(`${field} must be a list of ids`);
			return null;
		}
		return value as string[];
	};

	const places = idList('places');
	if (places && places.length === 0) problems.push('places is empty: name the places that frame the camera');
	for (const id of places ?? []) if (!ctx.places.has(id)) problems.push(`places: "${id}" is not in the gazetteer`);

	const layers = idList('layers');
	for (const id of layers ?? []) if (!ctx.layers.has(id)) problems.push(`layers: "${id}" is not a registered layer`);

	const highlight = idList('highlight');
	for (const id of highlight ?? []) {
		const place = ctx.places.get(id);
		const layer = ctx.features.get(id);
		if (!place && !layer) {
			problems.push(`highlight: "${id}" is neither a place nor a layer feature`);
			continue;
		}
		if (layer && layers && !layers.includes(layer))
			problems.push(`highlight: "${id}" belongs to layer "${layer}", which the chapter does not show`);
		if (place?.kind === 'country') problems.push(`highlight: "${id}" is a country, which the map cannot draw highlighted`);
		if (place && MARKER_KINDS.has(place.kind) && places && !places.includes(id))
			problems.push(`highlight: "${id}" is not among the chapter's places, so no marker is drawn for it`);
	}

	if (typeof data.mapText !== 'string' || !data.mapText.trim()) problems.push('mapText is missing or empty');

	if (data.maxZoom !== undefined && (typeof data.maxZoom !== 'number' || data.maxZoom < 1 || data.maxZoom > 16))
		problems.push('maxZoom must be a number from 1 to 16');

	const explicit = data.bounds !== undefined && data.bounds !== null;
	const bounds = explicit ? data.bounds : chapter.derivedBounds;
	if (bounds === undefined) problems.push('no camera frame: set bounds, or pass the frame the build derives from places');
	else {
		const bad = bboxProblem(bounds);
		if (bad) problems.push(`${explicit ? 'bounds' : 'derived camera frame'} ${bad}`);
		else {
			const frame = bounds as Bbox;
			const framed = new Set([...(places ?? []), ...(highlight ?? []).filter((id) => ctx.places.has(id))]);
			for (const id of framed) {
				const place = ctx.places.get(id);
				if (place && !contains(frame, place.coordinates))
					problems.push(`camera frame [${frame.join(', ')}] leaves out ${id} at [${place.coordinates.join(', ')}]`);
			}
			for (const id of highlight ?? []) {
				const box = ctx.featureBounds?.get(id);
				if (box && !overlaps(frame, box)) problems.push(`camera frame [${frame.join(', ')}] does not reach highlighted feature "${id}"`);
			}
		}
	}
	return problems;
}

/** All problems of one chapter. */
export function checkChapter(chapter: ChapterContent, ctx: RulesContext): Problem[] {
	const { file, data, body } = chapter;
	const problems: Problem[] = [];
	const add = (rule: Rule, message: string) => problems.push({ file, rule, message });

	const tokens = citationsIn(body);
	if (tokens.length === 0) add('citation', 'the body cites no passage: every chapter needs at least one [^id], {{q:id}} or {{quote:id}}');
	for (const { id } of tokens) if (passageText(id, chapter, ctx) === undefined) add('unknown-passage', `"${id}" is not a defined passage`);

	paragraphsOf(body).forEach((paragraph, i) => {
		if (citationsIn(paragraph).length === 0) add('paragraph-citation', `paragraph ${i + 1} cites no passage: "${paragraph.slice(0, 60)}…"`);
	});

	const passages = citedPassageIds(chapter)
		.map((id) => passageText(id, chapter, ctx))
		.filter((t): t is string => t !== undefined);
	const fields: [string, unknown][] = [
		['title', data.title],
		['body', stripCitations(body)],
		['mapText', data.mapText],
		['description', data.description]
	];
	for (const [field, text] of fields) {
		if (typeof text !== 'string') continue;
		for (const figure of unsupportedFigures(text, passages))
			add('figure', `${field}: "${figure}" is in no passage the chapter cites; cite one that gives it, or mark the sentence ${COMPUTED_MARKER}`);
	}

	for (const [source, text] of ctx.sourceTexts ?? [])
		for (const paragraph of paragraphsOf(stripCitations(body))) {
			const run = copiedRun(paragraph, text);
			if (run) add('copied', `prose copies ${COPIED_WORDS}+ words of ${source} outside a quote: "${run}…"; paraphrase it or quote the passage`);
		}

	const words = proseWords(body);
	if (words < PROSE_WORDS.min || words > PROSE_WORDS.max)
		add('words', `${words} words of own prose; a chapter has ${PROSE_WORDS.min} to ${PROSE_WORDS.max}`);

	if (typeof data.title !== 'string' || !data.title.trim()) add('title', 'title is missing');
	else if (data.title.trim().length > TITLE_MAX) add('title', `title is ${data.title.trim().length} characters; at most ${TITLE_MAX}`);

	for (const message of checkMapState(chapter, ctx)) add('map-state', message);
	return problems;
}

/** Citation tokens in all chapter bodies, counted by the source of the passage they cite. */
export function citationsBySource(chapters: ChapterContent[], ctx: RulesContext): Map<string, number> {
	const counts = new Map<string, number>();
	for (const chapter of chapters)
		for (const { id } of citationsIn(chapter.body)) {
			const source = ctx.passages.get(id)?.source;
			if (source) counts.set(source, (counts.get(source) ?? 0) + 1);
		}
	return counts;
}

/** Every chapter's problems, and the story-wide rule: each source is cited at least twice. */
export function checkStory(chapters: ChapterContent[], sourceIds: string[], ctx: RulesContext): Problem[] {
	const problems = chapters.flatMap((c) => checkChapter(c, ctx));
	const counts = citationsBySource(chapters, ctx);
	for (const id of sourceIds) {
		const n = counts.get(id) ?? 0;
		if (n < 2) problems.push({ file: '(story)', rule: 'source-citations', message: `source "${id}" is cited ${n} time${n === 1 ? '' : 's'}; each source at least twice` });
	}
	return problems;
}
