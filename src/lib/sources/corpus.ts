import { ContentError } from '$lib/content/errors';
import { readYamlFile } from '$lib/content/frontmatter';
import { SLUG } from '$lib/content/dates';
import { dateProblem } from '$lib/content/dates';

/** Someone whose words a source reports. */
export interface Speaker {
	/** As the source names them; null when it does not (the KPBS interviewer). */
	name: string | null;
	/** Their role as the source gives it, when it does. */
	role?: string;
}

/** A source document: a seed file kept byte for byte, and what we know about it. */
export interface Source {
	id: string;
	/** File name in seeds/. */
	file: string;
	title: string;
	/** Publication that carried it; null when the saved text does not say. */
	outlet: string | null;
	authors: string[];
	/** ISO date at the precision the text supports, for sorting. */
	date: string;
	/** The date as a reader should see it ("October or November 2018"). */
	dateLabel: string;
	/** Whether the date is stated or how it was inferred. */
	dateBasis: string;
	language: string;
	kind: string;
	/** People whose words the document reports: one person (or body) per entry. */
	speakers: Speaker[];
	notes: string;
	/** The whole file, exactly as saved. */
	text: string;
	/**
	 * The article body as [start, end) offsets into `text`; everything else is site furniture.
	 * `exclude` lists furniture inside the body (a photo caption, a logo's text), also [start, end).
	 */
	body: { start: number; end: number; exclude: { start: number; end: number }[] };
}

const FIELDS = ['id', 'file', 'title', 'outlet', 'authors', 'date', 'dateLabel', 'dateBasis', 'language', 'kind', 'speakers', 'body', 'notes'];

/**
 * Parses seeds/sources.yaml against the seed files (`files` maps a file name to its text).
 * Throws a ContentError naming the entry and field at the first problem.
 */
export function parseSources(yamlText: string, files: Record<string, string>, file = 'seeds/sources.yaml'): Source[] {
	const raw = readYamlFile(yamlText, file);
	if (!Array.isArray(raw)) throw new ContentError(file, '(root)', 'must be a list of sources');
	const ids = new Set<string>();
	return raw.map((entry: unknown, i) => {
		const where = (field: string) => `[${i}].${field}`;
		const fail = (field: string, message: string): never => {
			throw new ContentError(file, where(field), message);
		};
		if (typeof entry !== 'object' || entry === null) fail('', 'must be a mapping');
		const s = entry as Record<string, unknown>;
		for (const key of Object.keys(s)) if (!FIELDS.includes(key)) fail(key, 'is not a source field');
		const text = (field: string): string => {
			const v = s[field];
			if (typeof v !== 'string' || !v.trim()) return fail(field, 'must be non-empty text');
			return v.trim();
		};
		const list = (field: string): string[] => {
			const v = s[field] ?? [];
			if (!Array.isArray(v) || !v.every((x) => typeof x === 'string')) return fail(field, 'must be a list of text');
			return v as string[];
		};
		// One mapping per person. A YAML flow list of bare text would split "Name, role" at the
		// comma into two "speakers", so bare text is refused.
		const speakers = (): Speaker[] => {
			const v = s.speakers ?? [];
			if (!Array.isArray(v)) return fail('speakers', 'must be a list of { name, role }');
			return v.map((item: unknown, j) => {
				const at = `speakers[${j}]`;
				if (typeof item !== 'object' || item === null || Array.isArray(item))
					return fail(at, `must be a mapping { name, role }, one person per entry, not ${JSON.stringify(item)}`);
				const r = item as Record<string, unknown>;
				for (const key of Object.keys(r)) if (key !== 'name' && key !== 'role') fail(`${at}.${key}`, 'is not a speaker field (name, role)');
				const name = r.name ?? null;
				if (name !== null && (typeof name !== 'string' || !name.trim())) fail(`${at}.name`, 'must be non-empty text, or null when the source does not name them');
				if (r.role !== undefined && (typeof r.role !== 'string' || !r.role.trim())) fail(`${at}.role`, 'must be non-empty text');
				if (name === null && r.role === undefined) fail(at, 'an unnamed speaker needs a role');
				const speaker: Speaker = { name: name === null ? null : (name as string).trim() };
				if (typeof r.role === 'string') speaker.role = r.role.trim();
				return speaker;
			});
		};
		const id = text('id');
		if (!SLUG.test(id)) fail('id', `"${id}" must be lower-case words joined by hyphens`);
		if (ids.has(id)) fail('id', `"${id}" is used twice`);
		ids.add(id);
		const fileName = text('file');
		const content = files[fileName];
		if (content === undefined) fail('file', `seeds/${fileName} does not exist`);
		if (/[\u{10000}-\u{10FFFF}]/u.test(content!)) fail('file', 'holds characters outside the BMP; offsets would not be code points');
		const date = String(s.date ?? '');
		const problem = dateProblem(date);
		if (problem) fail('date', problem);
		const body = s.body as Record<string, unknown> | undefined;
		if (!body || typeof body.start !== 'number' || typeof body.end !== 'number')
			return fail('body', 'must give start and end offsets');
		const { start, end } = body as { start: number; end: number };
		if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= content!.length))
			fail('body', `[${start}, ${end}) is not a range inside the file (length ${content!.length})`);
		const slice = content!.slice(start, end);
		if (typeof body.startsWith === 'string' && !slice.startsWith(body.startsWith))
			fail('body.startsWith', `the body starts "${slice.slice(0, 40)}…", not "${body.startsWith}"`);
		if (typeof body.endsWith === 'string' && !slice.endsWith(body.endsWith))
			fail('body.endsWith', `the body ends "…${slice.slice(-40)}", not "${body.endsWith}"`);
		const exclude = Array.isArray(body.exclude) ? body.exclude : body.exclude === undefined ? [] : fail('body.exclude', 'must be a list');
		const excluded = (exclude as unknown[]).map((item, j) => {
			const at = `body.exclude[${j}]`;
			const r = item as Record<string, unknown>;
			if (typeof r?.start !== 'number' || typeof r.end !== 'number' || !(start < r.start && r.start < r.end && r.end < end))
				return fail(at, 'must be a { start, end } range strictly inside the body');
			const cut = content!.slice(r.start, r.end);
			if (typeof r.startsWith === 'string' && !cut.startsWith(r.startsWith))
				fail(`${at}.startsWith`, `the excluded text starts "${cut.slice(0, 40)}…", not "${r.startsWith}"`);
			return { start: r.start, end: r.end };
		});
		excluded.sort((a, b) => a.start - b.start);
		excluded.forEach((r, j) => {
			if (j > 0 && r.start < excluded[j - 1]!.end) fail('body.exclude', 'ranges overlap');
		});
		const outlet = s.outlet === null ? null : text('outlet');
		return {
			id,
			file: fileName,
			title: text('title'),
			outlet,
			authors: list('authors'),
			date,
			dateLabel: text('dateLabel'),
			dateBasis: text('dateBasis'),
			language: text('language'),
			kind: text('kind'),
			speakers: speakers(),
			notes: text('notes'),
			text: content!,
			body: { start, end, exclude: excluded }
		};
	});
}

/**
 * The article body of a source, without site furniture. Furniture inside the body becomes
 * line breaks of the same length, so offsets into the body stay offsets into the file and the
 * furniture reads as a paragraph break.
 */
export function bodyText(source: Source): string {
	const { start, end, exclude } = source.body;
	let text = source.text.slice(start, end);
	for (const r of exclude) text = text.slice(0, r.start - start) + '\n'.repeat(r.end - r.start) + text.slice(r.end - start);
	return text;
}

/** Whether [start, end) of the file touches furniture excluded from the body. */
export function overlapsExcluded(source: Source, start: number, end: number): boolean {
	return source.body.exclude.some((r) => start < r.end && r.start < end);
}

/** "Outlet, date" or "date" when the outlet is unknown: how a quote is attributed. */
export function attribution(source: Source): string {
	return [source.outlet ?? 'unnamed outlet', source.dateLabel].join(', ');
}

/** A source's metadata, without its texts: what pages about a source send to the browser. */
export type SourceMeta = Omit<Source, 'text' | 'body'>;

export const sourceMeta = ({ text: _text, body: _body, ...rest }: Source): SourceMeta => rest;
