import { describe, expect, it } from 'vitest';
import { exploreHref, parseSelect, parseYear, withParam } from './query';

describe('?select=', () => {
	const known = new Set(['remain-in-mexico', 'tijuana']);
	it('reads a known id and ignores anything else', () => {
		expect(parseSelect('?select=remain-in-mexico', known)).toBe('remain-in-mexico');
		expect(parseSelect('?layers=refuge&select=tijuana', known)).toBe('tijuana');
		for (const junk of ['', '?select=', '?select=atlantis', '?select=%3Cscript%3E', '?select=__proto__', '?select=%E0%A4%A'])
			expect(parseSelect(junk, known), junk).toBeNull();
	});
});

describe('?year=', () => {
	const range = { min: 1948, max: 2022 };
	it('reads a year in the story’s range and ignores anything else', () => {
		expect(parseYear('?year=2018', range)).toBe(2018);
		expect(parseYear('?layers=refuge&year=1948', range)).toBe(1948);
		for (const junk of ['', '?year=', '?year=18', '?year=20180', '?year=1800', '?year=2099', '?year=2018.5', '?year=-2018', '?year=二〇一八'])
			expect(parseYear(junk, range), junk).toBeNull();
	});
});

describe('withParam', () => {
	it('sets and removes one parameter, keeping the others and readable commas', () => {
		expect(withParam('?layers=refuge,-route', 'select', 'tijuana')).toBe('?layers=refuge,-route&select=tijuana');
		expect(withParam('?layers=refuge&select=tijuana', 'select', null)).toBe('?layers=refuge');
		expect(withParam('?select=tijuana', 'select', null)).toBe('');
		expect(withParam('', 'year', '2018')).toBe('?year=2018');
	});
});

describe('exploreHref', () => {
	it('opens the story at a chapter, or at its top, with the id selected, and reads back', () => {
		expect(exploreHref('remain-in-mexico', 'remain-in-mexico')).toBe('/chapters/remain-in-mexico/?select=remain-in-mexico');
		expect(exploreHref('tapachula')).toBe('/?select=tapachula');
		expect(parseSelect(new URL(exploreHref('tapachula'), 'http://x').search, new Set(['tapachula']))).toBe('tapachula');
	});
});
