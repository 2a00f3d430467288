import { describe, expect, it } from 'vitest';
import { bodyText, type Source } from './corpus';
import { bodyParagraphs, segmentBody, type ReaderParagraph } from './reader';
import { realSources } from '../../../tests/unit/real-story';

/** A source whose body is `body`, surrounded by furniture that must never show. */
function fakeSource(body: string): Source {
	const before = 'Skip to main content\n\nHEADLINE\n\n';
	const after = '\n\nTrending elsewhere\n\nFOOTER';
	const text = before + body + after;
	return {
		id: 'fake',
		file: 'fake.txt',
		title: 'Fake',
		outlet: null,
		authors: [],
		date: '2018',
		dateLabel: '2018',
		dateBasis: 'Made up',
		language: 'en',
		kind: 'Test',
		speakers: [],
		notes: 'A test fixture.',
		text,
		body: { start: before.length, end: before.length + body.length, exclude: [] }
	};
}

/** A passage over the first occurrence of `from` … the end of the first `to` after it. */
function span(source: Source, id: string, from: string, to = from) {
	const start = source.text.indexOf(from, source.body.start);
	const end = source.text.indexOf(to, start) + to.length;
	if (start < 0 || end < start + to.length) throw new Error(`fixture: ${from} … ${to} not found`);
	return { id, start, end };
}

const text = (p: ReaderParagraph) => p.segments.map((s) => s.text).join('');

const BODY = [
	'First paragraph, line one.\nLine two of the first paragraph.',
	'Second paragraph.',
	'Third paragraph after a blank line holding spaces.'
].join('\n\n').replace('\n\nThird', '\n  \t\n\n\nThird');

describe('segmentBody: paragraphs', () => {
	const source = fakeSource(BODY);
	const paragraphs = segmentBody(source, []);

	it('splits on blank lines (also ones holding spaces), keeping a single line break inside a paragraph', () => {
		expect(paragraphs.map(text)).toEqual([
			'First paragraph, line one.\nLine two of the first paragraph.',
			'Second paragraph.',
			'Third paragraph after a blank line holding spaces.'
		]);
	});

	it('never shows text from outside the body', () => {
		const all = paragraphs.map(text).join('\n');
		expect(all).not.toMatch(/Skip to main content|HEADLINE|Trending|FOOTER/);
	});

	it('without passages, each paragraph is one unmarked segment', () => {
		for (const p of paragraphs) {
			expect(p.segments).toHaveLength(1);
			expect(p.segments[0]).toMatchObject({ passages: [], starts: [], ends: [] });
		}
	});

	it('keeps paragraphs that are whole slices of the body, in order, separated only by whitespace', () => {
		const body = source.text.slice(source.body.start, source.body.end);
		let cursor = 0;
		for (const p of paragraphs) {
			const at = body.indexOf(text(p), cursor);
			expect(at).toBeGreaterThanOrEqual(cursor);
			expect(body.slice(cursor, at).trim()).toBe('');
			cursor = at + text(p).length;
		}
		expect(body.slice(cursor).trim()).toBe('');
	});
});

describe('segmentBody: passages', () => {
	const source = fakeSource(BODY);

	it('a passage inside a paragraph cuts it in three, and concatenating the segments gives the paragraph back', () => {
		const passage = span(source, 'p1', 'line one.\nLine two');
		const [first] = segmentBody(source, [passage]);
		expect(text(first!)).toBe('First paragraph, line one.\nLine two of the first paragraph.');
		expect(first!.segments).toEqual([
			{ text: 'First paragraph, ', passages: [], starts: [], ends: [] },
			{ text: 'line one.\nLine two', passages: ['p1'], starts: ['p1'], ends: ['p1'] },
			{ text: ' of the first paragraph.', passages: [], starts: [], ends: [] }
		]);
	});

	it('a passage spanning two paragraphs is marked in both; it starts in the first and ends in the second', () => {
		const passage = span(source, 'across', 'Line two', 'Second paragraph');
		const [first, second, third] = segmentBody(source, [passage]);
		expect(first!.segments.at(-1)).toEqual({ text: 'Line two of the first paragraph.', passages: ['across'], starts: ['across'], ends: [] });
		expect(second!.segments).toEqual([
			{ text: 'Second paragraph', passages: ['across'], starts: [], ends: ['across'] },
			{ text: '.', passages: [], starts: [], ends: [] }
		]);
		expect(third!.segments.every((s) => s.passages.length === 0)).toBe(true);
	});

	it('a passage spanning three paragraphs neither starts nor ends in the middle one', () => {
		const passage = span(source, 'long', 'line one', 'Third paragraph');
		const [first, second, third] = segmentBody(source, [passage]);
		expect(first!.segments.at(-1)).toMatchObject({ passages: ['long'], starts: ['long'], ends: [] });
		expect(second!.segments).toEqual([{ text: 'Second paragraph.', passages: ['long'], starts: [], ends: [] }]);
		expect(third!.segments[0]).toMatchObject({ text: 'Third paragraph', passages: ['long'], starts: [], ends: ['long'] });
	});

	it('a passage covering a whole paragraph is one segment that starts and ends it', () => {
		const passage = span(source, 'whole', 'Second paragraph.');
		const [, second] = segmentBody(source, [passage]);
		expect(second!.segments).toEqual([{ text: 'Second paragraph.', passages: ['whole'], starts: ['whole'], ends: ['whole'] }]);
	});

	it('overlapping passages: the shared run carries both, each starts and ends once', () => {
		const a = span(source, 'a', 'First paragraph', 'line one');
		const b = span(source, 'b', 'paragraph, line', 'Line two');
		const [first] = segmentBody(source, [a, b]);
		expect(first!.segments).toEqual([
			{ text: 'First ', passages: ['a'], starts: ['a'], ends: [] },
			{ text: 'paragraph, line one', passages: ['a', 'b'], starts: ['b'], ends: ['a'] },
			{ text: '.\nLine two', passages: ['b'], starts: [], ends: ['b'] },
			{ text: ' of the first paragraph.', passages: [], starts: [], ends: [] }
		]);
		const all = segmentBody(source, [a, b]).flatMap((p) => p.segments);
		for (const id of ['a', 'b']) {
			expect(all.filter((s) => s.starts.includes(id))).toHaveLength(1);
			expect(all.filter((s) => s.ends.includes(id))).toHaveLength(1);
		}
	});

	it('nested passages and passages sharing a start', () => {
		const outer = span(source, 'outer', 'First paragraph', 'first paragraph.');
		const inner = span(source, 'inner', 'line one.');
		const same = span(source, 'same', 'First paragraph,');
		const [first] = segmentBody(source, [outer, inner, same]);
		expect(text(first!)).toBe('First paragraph, line one.\nLine two of the first paragraph.');
		expect(first!.segments).toEqual([
			{ text: 'First paragraph,', passages: ['outer', 'same'], starts: ['outer', 'same'], ends: ['same'] },
			{ text: ' ', passages: ['outer'], starts: [], ends: [] },
			{ text: 'line one.', passages: ['outer', 'inner'], starts: ['inner'], ends: ['inner'] },
			{ text: '\nLine two of the first paragraph.', passages: ['outer'], starts: [], ends: ['outer'] }
		]);
	});

	it('ignores passages of the furniture or of other parts of the file', () => {
		const outside = { id: 'outside', start: 0, end: 20 };
		const paragraphs = segmentBody(source, [outside]);
		expect(paragraphs.flatMap((p) => p.segments).every((s) => s.passages.length === 0)).toBe(true);
	});
});

describe('segmentBody on the real sources', () => {
	const sources = realSources();
	const collapse = (s: string) => s.replace(/\s+/g, '');

	it.each(sources.map((s) => [s.id, s] as const))('%s: the paragraphs hold the whole body and nothing else', (_id, source) => {
		const paragraphs = segmentBody(source, []);
		expect(paragraphs.length).toBeGreaterThan(1);
		// The body without its excluded furniture (bodyText blanks it out).
		expect(collapse(paragraphs.map(text).join(''))).toBe(collapse(bodyText(source)));
		for (const r of source.body.exclude) expect(paragraphs.map(text).join('')).not.toContain(source.text.slice(r.start, r.end));
		for (const p of paragraphs) {
			// Trailing spaces inside a line may stay (003 ends a paragraph with a no-break space), line breaks may not.
			expect(text(p)).not.toMatch(/^\s*\n|\n\s*$/);
			expect(text(p).trim()).not.toBe('');
			expect(text(p)).not.toMatch(/\n[ \t]*\n/);
		}
	});

	it('marks a passage crossing a paragraph break of a real source in both paragraphs', () => {
		const source = sources.find((s) => s.id === 'open-letter-2018')!;
		// "Andrés Manuel López Obrador\nPresident of Mexico\n\nOlga Sánchez Cordero": two addressees.
		const passage = span(source, 'addressees', 'President of Mexico', 'Olga Sánchez Cordero');
		const paragraphs = segmentBody(source, [passage]);
		const marked = paragraphs.filter((p) => p.segments.some((s) => s.passages.includes('addressees')));
		expect(marked.map(text)).toEqual(['Andrés Manuel López Obrador\nPresident of Mexico', 'Olga Sánchez Cordero\nSecretary of the Interior']);
		const covered = marked.flatMap((p) => p.segments.filter((s) => s.passages.includes('addressees')).map((s) => s.text));
		expect(covered).toEqual(['President of Mexico', 'Olga Sánchez Cordero']);
	});
});

describe('paragraph anchors', () => {
	it('number the paragraphs of a body para-1, para-2, … and give each its offsets in the file', () => {
		const source = fakeSource(BODY);
		const paragraphs = bodyParagraphs(source);
		expect(paragraphs.map((p) => p.id)).toEqual(['para-1', 'para-2', 'para-3']);
		for (const p of paragraphs) expect(source.text.slice(p.start, p.end)).toBe(p.text);
		expect(segmentBody(source, []).map((p) => p.id)).toEqual(['para-1', 'para-2', 'para-3']);
	});
});
