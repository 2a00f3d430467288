import { fileURLToPath } from 'node:url';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { BASIS_MARK } from '$lib/content/basis';
import { ContentError } from '$lib/content/errors';
import { attribution, bodyText, parseSources, type Source } from './corpus';
import { resolveQuote } from './selectors';
import { ROOT, SOURCES_FILE, seedFileNames, seedFiles, sourcesYaml } from '../../../tests/unit/real-story';

const files = seedFiles();
const sources = parseSources(sourcesYaml(), files);
/** The metadata as written, read independently of parseSources. */
const metadata = parse(sourcesYaml()) as Record<string, unknown>[];

const byFile = (prefix: string): Source => {
	const source = sources.find((s) => s.file.startsWith(prefix));
	if (!source) throw new Error(`no source for seeds/${prefix}*`);
	return source;
};

/** Where `found` (an offset into the raw file) lies relative to the body. */
function expectOutsideBody(source: Source, offset: number, what: string) {
	expect(offset, `${what} is not in seeds/${source.file} at all`).toBeGreaterThanOrEqual(0);
	const excluded = source.body.exclude.some((r) => offset >= r.start && offset < r.end);
	const outside = offset < source.body.start || offset >= source.body.end || excluded;
	expect(outside, `${what} (offset ${offset}) lies inside the body [${source.body.start}, ${source.body.end}) of ${source.id}`).toBe(true);
}

describe('parseSources on the real metadata', () => {
	it('reads five sources with unique ids, one per seed file', () => {
		expect(sources).toHaveLength(5);
		expect(new Set(sources.map((s) => s.id)).size).toBe(5);
		expect(sources.map((s) => s.file).sort()).toEqual(seedFileNames());
	});

	it('keeps every seed file byte for byte as its text', () => {
		for (const source of sources) {
			expect(Buffer.from(source.text, 'utf8').equals(readFileSync(join(ROOT, 'seeds', source.file)))).toBe(true);
		}
	});

	it('cuts bodies that begin and end as the metadata says, without surrounding whitespace', () => {
		for (const [i, source] of sources.entries()) {
			const body = metadata[i]!.body as { start: number; end: number; startsWith?: string; endsWith?: string; exclude?: { start: number; end: number }[] };
			expect([source.body.start, source.body.end]).toEqual([body.start, body.end]);
			expect(source.body.exclude.map((r) => [r.start, r.end])).toEqual((body.exclude ?? []).map((r) => [r.start, r.end]));
			const slice = source.text.slice(body.start, body.end);
			// Excluded furniture reads as line breaks of the same length; everything else is the file.
			const text = bodyText(source);
			expect(text.length).toBe(slice.length);
			for (let k = 0; k < slice.length; k++) {
				const inExcluded = source.body.exclude.some((r) => body.start + k >= r.start && body.start + k < r.end);
				if (text[k] !== (inExcluded ? '\n' : slice[k])) throw new Error(`${source.id}: bodyText differs from the file at ${body.start + k}`);
			}
			expect(slice.startsWith(body.startsWith!), source.id).toBe(true);
			expect(slice.endsWith(body.endsWith!), source.id).toBe(true);
			expect(slice.trim()).toBe(slice);
		}
	});

	it('keeps null outlets and attributes them plainly', () => {
		const moctezuma = sources.find((s) => s.id === 'moctezuma-2022')!;
		expect(moctezuma.outlet).toBeNull();
		expect(attribution(moctezuma)).toBe('unnamed outlet, January 17, 2022');
		expect(attribution(sources.find((s) => s.id === 'kpbs-2018')!)).toBe('KPBS, October or November 2018');
	});
});

// Known site furniture of each seed: a string found with indexOf/lastIndexOf (or a RegExp for
// a line of its own), and why it is furniture.
const FURNITURE: Record<string, [string, (text: string) => number][]> = {
	'000': [
		['"Skip to main content"', (t) => t.indexOf('Skip to main content')],
		['"LATEST UPDATES" banner', (t) => t.indexOf('LATEST UPDATES: Tracking COVID-19')],
		['photo credit "Credit: PBS NewsHour"', (t) => t.indexOf('Credit: PBS NewsHour')],
		['photo caption "Above: …"', (t) => t.indexOf('Above: Mexico')],
		['closing video caption', (t) => t.indexOf('responds to questions about the legality and morality')],
		['"San Diego News Now podcast branding"', (t) => t.indexOf('San Diego News Now podcast branding')],
		['newsletter prompt', (t) => t.indexOf('Need help keeping up with the news')],
		['reCAPTCHA notice', (t) => t.indexOf('This site is protected by reCAPTCHA')]
	],
	'001': [
		['headline', (t) => t.indexOf('Mexico seeks to become')],
		['"Trending News on PVDN"', (t) => t.indexOf('Trending News on PVDN')],
		['the repeated first paragraph', (t) => t.lastIndexOf('Mexico is often considered a transit country for migrants.')],
		['"Continue reading"', (t) => t.indexOf('Continue reading')],
		['the author line', (t) => t.indexOf('Luis Gómez Romero, Senior Lecturer')],
		['"originally published" notice', (t) => t.indexOf('This article was originally published on The Conversation')],
		['a trending story about sargassum', (t) => t.indexOf('Sargassum Crisis')],
		['"Scroll to Top"', (t) => t.indexOf('Scroll to Top')]
	],
	'002': [
		['headline', (t) => t.indexOf('Mexico: We’ll Go to the U.N.')],
		['byline', (t) => t.indexOf('Susan Jones | February 24, 2017')],
		['"Font Size"', (t) => t.indexOf('Font Size')],
		['photo credit', (t) => t.indexOf('(Photo:')],
		['"mrc merch"', (t) => t.indexOf('mrc merch')]
	],
	'003': [
		['"Skip to main content"', (t) => t.indexOf('Skip to main content')],
		['"Immigration" section label', (t) => t.search(/^Immigration$/m)],
		['standfirst', (t) => t.indexOf('Mexico does not work for the U.S. Instead')],
		['"Updated:" line', (t) => t.indexOf('Updated: January 18, 2022')]
	],
	'004': [
		['"REUTERS/ Jorge Cabrera"', (t) => t.indexOf('REUTERS/ Jorge Cabrera')],
		['footnote "[1] Kirk Semple"', (t) => t.indexOf('[1] Kirk Semple')],
		['footnote [9]', (t) => t.indexOf('[9] El gobierno de México')],
		['a local file path in the references', (t) => t.indexOf('file:///Users/User/Desktop')]
	]
};

describe('how each source is dated', () => {
	const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
	const MESES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];
	/** Whether a text gives this day of this month, in English or Spanish, in any usual order. */
	const gives = (text: string, day: string, month: number) =>
		[`${MONTHS[month]} ${day}`, `${day} ${MONTHS[month]}`, `${day} de ${MESES[month]}`].some((d) => new RegExp(`\\b${d}\\b`, 'i').test(text));

	it('marks a date its text does not give (public record, as the inauguration of 1 December 2018) as general knowledge', () => {
		let checked = 0;
		for (const s of sources)
			for (const m of s.dateBasis.matchAll(/\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}\b/g)) {
				if (gives(s.text, m[1]!, MONTHS.indexOf(m[2]!))) continue;
				checked++;
				const after = s.dateBasis.slice(m.index + m[0].length, m.index + m[0].length + 60).replace(/\s+/g, ' ');
				expect(after, `${s.id}: "${m[0]}" is in none of its text`).toContain(`(${BASIS_MARK.general})`);
			}
		// The two that the sources' texts do not give: 1 December 2018 (KPBS), 11 June 2018 (The Conversation).
		expect(checked).toBe(2);
	});
});

describe('site furniture lies outside each body', () => {
	it('covers every seed', () => {
		expect(Object.keys(FURNITURE).sort()).toEqual(seedFileNames().map((f) => f.slice(0, 3)));
	});

	for (const [prefix, lines] of Object.entries(FURNITURE)) {
		it.each(lines)(`seeds/${prefix}: %s`, (what, find) => {
			const source = byFile(prefix);
			expectOutsideBody(source, find(source.text), what);
		});
	}

	it('seeds/001: the first paragraph is inside the body, its repeat after "Continue reading" is not', () => {
		const source = byFile('001');
		const paragraph = 'Mexico is often considered a transit country for migrants.';
		const first = source.text.indexOf(paragraph);
		const repeat = source.text.lastIndexOf(paragraph);
		expect(repeat).toBeGreaterThan(first);
		expect(first).toBeGreaterThanOrEqual(source.body.start);
		expect(first).toBeLessThan(source.body.end);
		expect(repeat).toBeGreaterThan(source.text.indexOf('Continue reading') - 200);
		// So the paragraph is a unique quote of the body, though the file holds it twice.
		expect(resolveQuote(bodyText(source), { exact: paragraph }).ok).toBe(true);
	});

	// Furniture in the middle of an article is excluded by body.exclude ranges.
	describe('furniture inside the body of seeds/001 (conversation-2018)', () => {
		const source = byFile('001');

		it('the photo caption and credit above "The Programa Frontera Sur targets…" are outside the body', () => {
			expectOutsideBody(source, source.text.indexOf('AP Photo/Rebecca Blackwell'), 'photo credit "AP Photo/Rebecca Blackwell"');
			expectOutsideBody(
				source,
				source.text.indexOf('The U.S. has funded Mexico to increase enforcement along its southern border with Guatemala.'),
				'photo caption'
			);
		});

		it('"The Conversation" logo text glued to the last paragraph is outside the body', () => {
			expectOutsideBody(source, source.text.indexOf('The ConversationFor the next president'), 'logo text "The Conversation"');
		});

		it('the last sentence of the article can be quoted', () => {
			const last = 'For the next president, complying with Mexico’s new humanitarian law will mean passing policies that truly take migrants’ rights seriously.';
			expect(source.text).toContain(last);
			expect(resolveQuote(bodyText(source), { exact: last })).toMatchObject({ ok: true });
		});
	});
});

// ---------------------------------------------------------------------------------------------

type Entry = Record<string, unknown> & { body: Record<string, unknown> };

/** Runs parseSources on the real metadata after `edit`, expecting a ContentError at [index].field. */
function expectBadMetadata(edit: (entries: Entry[], texts: Record<string, string>) => void, index: number, field: string, reason: RegExp) {
	const entries = parse(sourcesYaml()) as Entry[];
	const texts = seedFiles();
	edit(entries, texts);
	let thrown: unknown;
	try {
		parseSources(stringify(entries), texts);
	} catch (error) {
		thrown = error;
	}
	expect(thrown, 'the bad metadata was accepted').toBeInstanceOf(ContentError);
	const error = thrown as ContentError;
	const where = `[${index}].${field}`;
	expect(error.message).toContain(SOURCES_FILE);
	expect(error.message).toContain(field);
	expect(error.message.startsWith(`${SOURCES_FILE}: ${where}: `), error.message).toBe(true);
	expect(error.message).toMatch(reason);
}

describe('speakers', () => {
	it('lists one person per entry, with the role apart from the name', () => {
		for (const source of sources)
			for (const speaker of source.speakers) {
				expect(speaker.name ?? speaker.role, source.id).toBeTruthy();
				// A role read as a name ("Mexican Ambassador to the U.S.") is the old bug.
				if (speaker.name) expect(speaker.name, source.id).not.toMatch(/ambassador|secretary|lecturer|interviewer/i);
			}
		const kpbs = sources.find((s) => s.id === 'kpbs-2018')!;
		expect(kpbs.speakers).toEqual([
			{ name: 'Gerónimo Gutiérrez', role: 'Mexico’s Ambassador to the U.S.' },
			{ name: null, role: 'KPBS interviewer, not named in the saved text' }
		]);
	});

	it('names the Americas Program, which signed the letter its editor’s note introduces', () => {
		const letter = sources.find((s) => s.id === 'open-letter-2018')!;
		expect(letter.text.slice(letter.body.start, letter.body.end)).toContain('Programa de las Américas;');
		expect(letter.speakers.find((s) => s.name === 'Americas Program')?.role).toMatch(/signator/);
	});
});

describe('parseSources refuses bad metadata, naming seeds/sources.yaml and the field', () => {
	it('the real metadata survives the YAML round trip of the fixtures', () => {
		const entries = parse(sourcesYaml()) as Entry[];
		expect(parseSources(stringify(entries), seedFiles())).toEqual(sources);
	});

	it.each<[string, (e: Entry[], t: Record<string, string>) => void, number, string, RegExp]>([
		['wrong startsWith', (e) => (e[1]!.body.startsWith = 'Mexico is rarely considered'), 1, 'body.startsWith', /the body starts "Mexico is often considered/],
		['startsWith off by one character', (e) => (e[0]!.body.start = (e[0]!.body.start as number) + 1), 0, 'body.startsWith', /not "As President Trump demands"/],
		['wrong endsWith', (e) => (e[2]!.body.endsWith = 'mrc merch'), 2, 'body.endsWith', /not "mrc merch"/],
		['range past the end of the file', (e, t) => (e[3]!.body.end = t[e[3]!.file as string]!.length + 1), 3, 'body', /is not a range inside the file \(length \d+\)/],
		['range that ends before it starts', (e) => ((e[4]!.body.start = 500), (e[4]!.body.end = 400)), 4, 'body', /\[500, 400\) is not a range/],
		['negative start', (e) => (e[0]!.body.start = -1), 0, 'body', /is not a range/],
		['fractional offset', (e) => (e[0]!.body.end = 4214.5), 0, 'body', /is not a range/],
		['offsets as text', (e) => (e[0]!.body.start = '406'), 0, 'body', /must give start and end offsets/],
		['no body', (e) => delete (e[0] as Record<string, unknown>).body, 0, 'body', /must give start and end offsets/],
		['unknown file', (e) => (e[2]!.file = '005_nope.txt'), 2, 'file', /seeds\/005_nope\.txt does not exist/],
		['a file with characters outside the BMP', (_e, t) => (t[seedFileNames()[0]!] = `😀${t[seedFileNames()[0]!]}`), 0, 'file', /outside the BMP/],
		['duplicate id', (e) => (e[3]!.id = e[0]!.id), 3, 'id', new RegExp(`"${String(metadata[0]!.id)}" is used twice`)],
		['invalid id', (e) => (e[1]!.id = 'The Conversation'), 1, 'id', /lower-case words joined by hyphens/],
		['invalid date (month 13)', (e) => (e[1]!.date = '2018-13'), 1, 'date', /month 13 does not exist/],
		['invalid date (2017-02-29)', (e) => (e[2]!.date = '2017-02-29'), 2, 'date', /day 29 does not exist/],
		['date in words', (e) => (e[0]!.date = 'October 2018'), 0, 'date', /is not a date/],
		['missing date', (e) => delete e[4]!.date, 4, 'date', /is not a date/],
		['unknown field', (e) => (e[0]!.publisher = 'KPBS'), 0, 'publisher', /is not a source field/],
		['empty title', (e) => (e[1]!.title = ' '), 1, 'title', /must be non-empty text/],
		['authors not a list', (e) => (e[2]!.authors = 'Susan Jones'), 2, 'authors', /must be a list of text/],
		['speakers as bare text, which YAML splits at commas', (e) => (e[0]!.speakers = ['Gerónimo Gutiérrez', 'Mexican Ambassador to the U.S.']), 0, 'speakers[0]', /one person per entry/],
		['a speaker without name or role', (e) => (e[3]!.speakers = [{ name: null }]), 3, 'speakers[0]', /unnamed speaker needs a role/],
		['an unknown speaker field', (e) => (e[3]!.speakers = [{ name: 'Esteban Moctezuma', title: 'Ambassador' }]), 3, 'speakers[0].title', /not a speaker field/]
	])('%s', (_name, edit, index, field, reason) => {
		expectBadMetadata(edit, index, field, reason);
	});

	it('refuses metadata that is not a list', () => {
		expect(() => parseSources('id: x', seedFiles())).toThrow(`${SOURCES_FILE}: (root): must be a list of sources`);
	});
});

describe('seeds/ is the shared corpus, byte for byte', () => {
	// The project's shared folder sits beside the checkout (and beside CI's clone).
	const shared = fileURLToPath(new URL('../../../../shared/seeds/', import.meta.url));
	it.skipIf(!existsSync(shared))('matches ../shared/seeds', () => {
		const names = readdirSync(shared).filter((f) => f.endsWith('.txt')).sort();
		expect(seedFileNames()).toEqual(names);
		for (const name of names) {
			const ours = readFileSync(join(ROOT, 'seeds', name));
			const theirs = readFileSync(join(shared, name));
			expect(ours.equals(theirs), name).toBe(true);
		}
	});
});
