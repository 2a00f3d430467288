import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ContentError } from '$lib/content/errors';
import { bodyText } from './corpus';
import { passageHref, resolvePassage } from './passages';
import {
	PASSAGES_FILE,
	chapterFiles,
	collapse,
	readText,
	realSources,
	realStory,
	seedFiles,
	splitChapter
} from '../../../tests/unit/real-story';

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** Every citation spec as written in the content files, read without the code under test. */
function writtenSpecs(): { file: string; id: string; source: string; quote: string }[] {
	const specs: { file: string; id: string; source: string; quote: string }[] = [];
	const shared = (parse(readText(PASSAGES_FILE)) ?? []) as { id: string; source: string; quote: string }[];
	for (const s of shared) specs.push({ file: PASSAGES_FILE, ...s });
	for (const [key, text] of Object.entries(chapterFiles())) {
		const citations = (splitChapter(text).data.citations ?? []) as { id: string; source: string; quote: string }[];
		for (const c of citations) specs.push({ file: key.replace(/^\//, ''), ...c });
	}
	return specs;
}

/** Decodes the HTML entities the renderer (or marked) may write. */
function decodeEntities(html: string): string {
	const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
	return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
		if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1)));
		return named[name.toLowerCase()] ?? whole;
	});
}

/** The text of every <q> and <blockquote> of the html, tags stripped, entities decoded, whitespace collapsed. */
function quotedTexts(html: string): { element: string; cite: string | null; text: string }[] {
	const found: { element: string; cite: string | null; text: string }[] = [];
	for (const m of html.matchAll(/<(q|blockquote)\b([^>]*)>([\s\S]*?)<\/\1>/g)) {
		const cite = /\bcite="([^"]*)"/.exec(m[2]!)?.[1] ?? null;
		found.push({ element: m[1]!, cite: cite && decodeEntities(cite), text: collapse(decodeEntities(m[3]!.replace(/<[^>]+>/g, ' '))) });
	}
	return found;
}

describe('the real story: every passage is a verbatim span of its source body', () => {
	const story = realStory();
	const sources = new Map(story.sources.map((s) => [s.id, s]));
	const passages = [...story.passages.values()];
	const seeds = seedFiles();

	it('has passages', () => {
		expect(passages.length).toBeGreaterThan(0);
	});

	it.each(passages.map((p) => [p.id, p] as const))('%s', (_id, passage) => {
		const source = sources.get(passage.source)!;
		expect(source, passage.source).toBeDefined();
		// The offsets address the seed file as read from disk, and its words are the passage's.
		expect(seeds[source.file]!.slice(passage.start, passage.end)).toBe(passage.exact);
		expect(passage.start).toBeGreaterThanOrEqual(source.body.start);
		expect(passage.end).toBeLessThanOrEqual(source.body.end);
		expect(passage.start).toBeLessThan(passage.end);
		// Whole words, no surrounding whitespace.
		expect(passage.exact.trim()).toBe(passage.exact);
		expect(isWordChar(source.text[passage.start - 1]) && isWordChar(source.text[passage.start])).toBe(false);
		expect(isWordChar(source.text[passage.end - 1]) && isWordChar(source.text[passage.end])).toBe(false);
		expect(passageHref(passage)).toBe(`/sources/${passage.source}/#${passage.id}`);
	});

	it('resolves each written quote to the words it says, in the file that defines it', () => {
		const specs = writtenSpecs();
		expect(specs.length).toBe(passages.length);
		for (const spec of specs) {
			const passage = story.passages.get(spec.id)!;
			expect(passage, spec.id).toBeDefined();
			expect(passage.definedIn).toBe(spec.file);
			expect(passage.source).toBe(spec.source);
			expect(collapse(passage.exact)).toBe(collapse(String(spec.quote)));
		}
	});
});

describe('the real story: quoted text in the chapters is verbatim from the seed files', () => {
	const story = realStory();
	const sources = new Map(story.sources.map((s) => [s.id, s]));
	const quotes = story.chapters.flatMap((c) => quotedTexts(c.html).map((q) => ({ chapter: c.slug, ...q })));

	it('the chapters quote something', () => {
		expect(quotes.length).toBeGreaterThan(0);
	});

	it('every <q> and <blockquote> occurs in its seed file, inside the body, and is the passage it cites', () => {
		for (const q of quotes) {
			const where = `${q.chapter}: <${q.element}> "${q.text.slice(0, 60)}"`;
			expect(q.cite, `${where} has no cite`).toMatch(/^\/sources\/[a-z0-9-]+\/#[a-z0-9-]+$/);
			const [, sourceId, passageId] = /^\/sources\/([^/]+)\/#(.+)$/.exec(q.cite!)!;
			const source = sources.get(sourceId!)!;
			expect(source, where).toBeDefined();
			expect(collapse(source.text), where).toContain(q.text);
			expect(collapse(bodyText(source)), where).toContain(q.text);
			expect(q.text, where).toBe(collapse(story.passages.get(passageId!)!.exact));
		}
	});

	it('every quoted seed is one of the five sources, found independently of the resolver', () => {
		const seedTexts = realSources().map((s) => collapse(s.text));
		for (const q of quotes) expect(seedTexts.some((t) => t.includes(q.text)), q.text).toBe(true);
	});
});

describe('resolvePassage', () => {
	const sources = new Map(realSources().map((s) => [s.id, s]));

	it('returns the seed file’s own words and offsets, whatever whitespace the chapter used', () => {
		const spec = { id: 'x', source: 'open-letter-2018', quote: 'Andrés Manuel López Obrador President of Mexico' };
		const passage = resolvePassage(spec, sources, 'f.md', 'citations[0]');
		expect(passage.exact).toBe('Andrés Manuel López Obrador\nPresident of Mexico');
		expect(sources.get('open-letter-2018')!.text.slice(passage.start, passage.end)).toBe(passage.exact);
		expect(passage.definedIn).toBe('f.md');
	});

	it('keeps the speaker', () => {
		const spec = { id: 'x', source: 'kpbs-2018', quote: 'A: No, no—', speaker: 'Gerónimo Gutiérrez' };
		expect(resolvePassage(spec, sources, 'f.md', 'citations[0]').speaker).toBe('Gerónimo Gutiérrez');
	});

	it('resolves a quote repeated in the file only once inside the body without a prefix', () => {
		const quote = 'Mexico is often considered a transit country for migrants.';
		const source = sources.get('conversation-2018')!;
		expect(source.text.split(quote)).toHaveLength(3);
		const passage = resolvePassage({ id: 'x', source: source.id, quote }, sources, 'f.md', 'c');
		expect(passage.start).toBe(source.text.indexOf(quote));
	});

	it('tells a duplicate apart with a prefix', () => {
		const source = sources.get('open-letter-2018')!;
		const spec = { id: 'x', source: source.id, quote: 'Remain in Mexico', prefix: 'referred to as “' };
		const passage = resolvePassage(spec, sources, 'f.md', 'c');
		expect(source.text.slice(passage.start - 'referred to as “'.length, passage.end)).toBe('referred to as “Remain in Mexico');
	});

	it('shortens a long quote in the error, naming file, field and source', () => {
		const quote = `${'Mexico builds a very long wall '.repeat(4)}end`;
		expect(() => resolvePassage({ id: 'x', source: 'kpbs-2018', quote }, sources, 'f.md', 'citations[2]')).toThrow(
			new ContentError('f.md', 'citations[2].quote', `"${quote.slice(0, 77)}…" in kpbs-2018: not found verbatim in the source body`)
		);
	});
});
