import { describe, expect, it } from 'vitest';
import { normaliseWhitespace, resolveQuote } from './selectors';

const text = 'The wall is high.\n\nThe  wall is long. Walls fall.';

describe('resolveQuote', () => {
	it('resolves a unique quote to offsets whose slice is the quote', () => {
		const r = resolveQuote(text, { exact: 'is high' });
		expect(r).toEqual({ ok: true, position: { start: 9, end: 16 } });
		expect(text.slice(9, 16)).toBe('is high');
	});

	it('tolerates whitespace differences but returns the original span', () => {
		const r = resolveQuote(text, { exact: 'high. The wall' });
		if (!r.ok) throw new Error(r.reason);
		expect(text.slice(r.position.start, r.position.end)).toBe('high.\n\nThe  wall');
	});

	it('reports an ambiguous quote and resolves it with a prefix or a suffix', () => {
		expect(resolveQuote(text, { exact: 'The wall is' })).toMatchObject({ ok: false, reason: expect.stringMatching(/ambiguous.*2 times/) });
		const withSuffix = resolveQuote(text, { exact: 'The wall is', suffix: 'long.' });
		const withPrefix = resolveQuote(text, { exact: 'The wall is', prefix: 'high.' });
		expect(withSuffix).toEqual(withPrefix);
		if (!withSuffix.ok) throw new Error(withSuffix.reason);
		expect(text.slice(withSuffix.position.start, withSuffix.position.end + 5)).toBe('The  wall is long');
	});

	it('fails when a prefix matches no occurrence', () => {
		expect(resolveQuote(text, { exact: 'The wall is', prefix: 'nowhere' })).toMatchObject({ ok: false, reason: expect.stringMatching(/prefix\/suffix/) });
	});

	it('fails on a missing quote and on a changed word', () => {
		expect(resolveQuote(text, { exact: 'The wall is tall' }).ok).toBe(false);
		expect(resolveQuote(text, { exact: 'is  HIGH' }).ok).toBe(false);
	});

	it('refuses a quote that starts or ends inside a word', () => {
		expect(resolveQuote(text, { exact: 'all is high' }).ok).toBe(false);
		expect(resolveQuote(text, { exact: 'Walls fal' }).ok).toBe(false);
	});

	it('hints when only the quotation marks differ', () => {
		const r = resolveQuote('Mexico’s “refuge country” status', { exact: 'Mexico\'s "refuge country"' });
		expect(r).toMatchObject({ ok: false, reason: expect.stringMatching(/quotation marks/) });
	});
});

describe('normaliseWhitespace', () => {
	it('maps each normalised character back to the original', () => {
		const { text: norm, offsets } = normaliseWhitespace('a \n b');
		expect(norm).toBe('a b');
		expect(offsets).toEqual([0, 1, 4, 5]);
	});
});
