import { ContentError } from './errors';
import { LIMITS } from './limits';
import { parsePeriod, SLUG, type Period } from './dates';

export type Bbox = [west: number, south: number, east: number, north: number];

/** A passage quoted or cited by a chapter, as a W3C TextQuoteSelector on a source. */
export interface CitationSpec {
	/** Id other content refers to the passage by: lower-case words joined by hyphens. */
	id: string;
	/** Id of the source in seeds/sources.yaml. */
	source: string;
	/** The exact words, as in the source (whitespace may differ). */
	quote: string;
	/** Words just before the quote, needed only when the quote occurs more than once. */
	prefix?: string;
	/** Words just after the quote, needed only when the quote occurs more than once. */
	suffix?: string;
	/** Who speaks, when the source names the speaker ("Gerónimo Gutiérrez, Mexico's ambassador"). */
	speaker?: string;
	/**
	 * An editor's note shown, marked as ours, wherever the passage is quoted: for a passage that
	 * carries an error of its source ("1948 to 2016 is 68 years, not almost 60").
	 */
	note?: string;
}

/** A chapter's frontmatter once validated. */
export interface ChapterMeta {
	slug: string;
	title: string;
	/** When the chapter takes place. */
	when: Period;
	/**
	 * How its date is known, where the year is in no passage the chapter cites: "as reported in
	 * …", or how it is inferred. Shown beside the date.
	 */
	dateBasis?: string;
	/** Gazetteer ids whose locations frame the camera. */
	places: string[];
	/** Explicit camera bounds, overriding the frame derived from `places`. */
	bounds: Bbox | null;
	/** Closest zoom the camera may reach for this chapter. */
	maxZoom: number;
	/** The complete set of thematic layers visible in this chapter. */
	layers: string[];
	/** Ids of places or layer features drawn with emphasis. */
	highlight: string[];
	/** What the map shows, in words: for screen readers and the no-map fallback. */
	mapText: string;
	/** One or two sentences for search results and share cards. */
	description: string;
	citations: CitationSpec[];
}

/** What a chapter may refer to; anything else is an error. */
export interface SchemaContext {
	places: ReadonlySet<string>;
	layers: ReadonlySet<string>;
	/** Ids that may be highlighted: places and layer features. */
	highlightable: ReadonlySet<string>;
}

const FIELDS = new Set([
	'slug', 'title', 'when', 'dateBasis', 'places', 'bounds', 'maxZoom', 'layers', 'highlight', 'mapText',
	'description', 'citations'
]);
const CITATION_FIELDS = new Set(['id', 'source', 'quote', 'prefix', 'suffix', 'speaker', 'note']);

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

class Fields {
	constructor(
		readonly file: string,
		readonly data: Record<string, unknown>,
		readonly path = ''
	) {}

	fail(field: string, message: string): never {
		throw new ContentError(this.file, this.path + field, message);
	}

	string(field: string, opts: { optional?: boolean; pattern?: RegExp; max?: number } = {}): string | undefined {
		const value = this.data[field];
		if (value === undefined || value === null) {
			if (opts.optional) return undefined;
			this.fail(field, 'is required');
		}
		// YAML reads 2014 as a number; dates and ids are text here.
		const text = typeof value === 'number' ? String(value) : value;
		if (typeof text !== 'string') this.fail(field, `must be text, not ${typeof value}`);
		const trimmed = text.trim();
		if (!trimmed) this.fail(field, 'must not be empty');
		if (opts.pattern && !opts.pattern.test(trimmed)) this.fail(field, `"${trimmed}" does not match ${opts.pattern}`);
		if (opts.max && trimmed.length > opts.max) this.fail(field, `is ${trimmed.length} characters; at most ${opts.max}`);
		return trimmed;
	}

	idList(field: string, known: ReadonlySet<string>, what: string, opts: { nonEmpty?: boolean } = {}): string[] {
		const value = this.data[field];
		if (value === undefined || value === null) this.fail(field, `is required (list the ${what}s; [] for none)`);
		if (!Array.isArray(value)) this.fail(field, `must be a list of ${what} ids`);
		if (opts.nonEmpty && value.length === 0) this.fail(field, `must name at least one ${what}`);
		const seen = new Set<string>();
		return value.map((item, i) => {
			if (typeof item !== 'string') this.fail(`${field}[${i}]`, `must be a ${what} id`);
			if (!known.has(item)) this.fail(`${field}[${i}]`, `unknown ${what} "${item}"`);
			if (seen.has(item)) this.fail(`${field}[${i}]`, `"${item}" is listed twice`);
			seen.add(item);
			return item;
		});
	}
}

function validateBounds(f: Fields): Bbox | null {
	const value = f.data.bounds;
	if (value === undefined || value === null) return null;
	if (!Array.isArray(value) || value.length !== 4 || !value.every((n) => typeof n === 'number' && Number.isFinite(n)))
		f.fail('bounds', 'must be [west, south, east, north] in degrees');
	const [w, s, e, n] = value as Bbox;
	// [south, west, north, east] is the usual slip: latitudes first, as on paper maps.
	const inRange = (lons: number[], lats: number[]) => lons.every((x) => x >= -180 && x <= 180) && lats.every((y) => y >= -85 && y <= 85);
	const swapped = !inRange([w, e], [s, n]) && inRange([s, n], [w, e]) ? `; it looks like [south, west, north, east]: write [${s}, ${w}, ${n}, ${e}]` : '';
	for (const [name, lon] of [['west', w], ['east', e]] as const)
		if (lon < -180 || lon > 180) f.fail('bounds', `${name} ${lon} is outside -180…180${swapped}`);
	for (const [name, lat] of [['south', s], ['north', n]] as const)
		if (lat < -85 || lat > 85) f.fail('bounds', `${name} ${lat} is outside -85…85${swapped}`);
	if (w >= e) f.fail('bounds', `west ${w} must be less than east ${e}`);
	if (s >= n) f.fail('bounds', `south ${s} must be less than north ${n}`);
	return [w, s, e, n];
}

/**
 * Validates a list of citation specs: a chapter's `citations` field, or the shared passage file.
 * `field` is the name of the list in error messages ("citations", or "" for a file's root).
 */
export function parseCitations(value: unknown, file: string, field: string): CitationSpec[] {
	if (value === undefined || value === null) return [];
	const f: Fields = new Fields(file, {});
	const at = (i: number) => (field ? `${field}[${i}]` : `[${i}]`);
	if (!Array.isArray(value)) f.fail(field || '(root)', 'must be a list of { id, source, quote }');
	return value.map((item, i) => {
		if (!isRecord(item)) f.fail(at(i), 'must be a mapping with id, source and quote');
		const c: Fields = new Fields(file, item, `${at(i)}.`);
		for (const key of Object.keys(item)) if (!CITATION_FIELDS.has(key)) c.fail(key, 'is not a citation field');
		const spec: CitationSpec = {
			id: c.string('id', { pattern: SLUG })!,
			source: c.string('source', { pattern: SLUG })!,
			quote: c.string('quote')!
		};
		for (const key of ['prefix', 'suffix', 'speaker', 'note'] as const) {
			const text = c.string(key, { optional: true });
			if (text) spec[key] = text;
		}
		return spec;
	});
}

/**
 * Checks a chapter's frontmatter and returns it typed. Throws a ContentError naming the file
 * and the field at the first problem. `fallbackSlug` comes from the file name.
 */
export function validateChapter(data: unknown, file: string, fallbackSlug: string, ctx: SchemaContext): ChapterMeta {
	if (!isRecord(data)) throw new ContentError(file, 'frontmatter', 'must be a YAML mapping of fields');
	const f: Fields = new Fields(file, data);
	for (const key of Object.keys(data)) if (!FIELDS.has(key)) f.fail(key, `is not a chapter field (expected one of ${[...FIELDS].join(', ')})`);

	const slug = f.string('slug', { optional: true, pattern: SLUG }) ?? fallbackSlug;
	if (!SLUG.test(slug)) f.fail('slug', `"${slug}" from the file name is not a valid slug; set slug explicitly`);

	const whenText = f.string('when')!;
	const when = parsePeriod(whenText);
	if (typeof when === 'string') f.fail('when', when);

	const maxZoomValue = data.maxZoom ?? 7;
	const zoom = LIMITS.maxZoom;
	if (typeof maxZoomValue !== 'number' || !Number.isFinite(maxZoomValue) || maxZoomValue < zoom.min || maxZoomValue > zoom.max)
		f.fail('maxZoom', `must be a number from ${zoom.min} to ${zoom.max}`);

	const places = f.idList('places', ctx.places, 'place', { nonEmpty: true });
	const bounds = validateBounds(f);

	const mapText = f.string('mapText', { max: LIMITS.mapTextChars })!;
	const dateBasis = f.string('dateBasis', { optional: true, max: LIMITS.descriptionChars });
	return {
		slug,
		title: f.string('title', { max: LIMITS.titleChars })!,
		when,
		...(dateBasis && { dateBasis }),
		places,
		bounds,
		maxZoom: maxZoomValue,
		layers: f.idList('layers', ctx.layers, 'layer'),
		highlight: data.highlight === undefined ? [] : f.idList('highlight', ctx.highlightable, 'highlightable place or feature'),
		mapText,
		description: f.string('description', { optional: true, max: LIMITS.descriptionChars }) ?? mapText,
		citations: parseCitations(data.citations, file, 'citations')
	};
}
