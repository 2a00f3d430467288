import { describe, expect, it } from 'vitest';
import MiniSearch from 'minisearch';
import { cleanQuery, fold, MAX_QUERY, tokenize, wellFormed } from './normalize.js';
import { INDEX_OPTIONS } from './options.js';
import { matchRanges, snippet } from './highlight';

describe('fold', () => {
	it('drops accents and case, so merida finds Mérida and mexico finds México', () => {
		expect(fold('Mérida')).toBe('merida');
		expect(fold('MÉXICO')).toBe('mexico');
		expect(fold('Córdova')).toBe('cordova');
		expect(fold('Ixcán')).toBe('ixcan');
		expect(fold('Ｍéxico')).toBe('mexico'); // full-width M
	});

	it('drops invisible marks and survives lone surrogates', () => {
		expect(fold('\u200Fme\u200Bxico')).toBe('mexico');
		expect(fold('a\uD800b')).toBe('a\uFFFDb');
		expect(wellFormed('\uDC00\uD83D\uDE00')).toBe('\uFFFD\uD83D\uDE00');
	});
});

describe('tokenize and cleanQuery', () => {
	it('splits words at punctuation and apostrophes', () => {
		expect(tokenize('Mexico’s “country of refuge,” U.S.-funded')).toEqual(['Mexico', 's', 'country', 'of', 'refuge', 'U', 'S', 'funded']);
		expect(tokenize('<script>alert(1)</script>')).toEqual(['script', 'alert', '1', 'script']);
	});

	it('caps a query and collapses its whitespace', () => {
		expect(cleanQuery('  La \n 72 \u200E')).toBe('La 72');
		expect(cleanQuery('x'.repeat(10_000))).toHaveLength(MAX_QUERY);
	});
});

describe('the index options with MiniSearch', () => {
	const index = new MiniSearch(INDEX_OPTIONS);
	index.addAll([
		{ id: 'a', title: 'Mérida Initiative money', text: 'Funds from México.', group: 'chapters', kind: '', url: '/a/' },
		{ id: 'b', title: 'Other', text: 'Nothing here.', group: 'sources', kind: '', url: '/b/' }
	]);

	it('folds accents and case on both sides, and survives hostile queries', () => {
		expect(index.search('merida').map((r) => r.id)).toEqual(['a']);
		expect(index.search('MEXICO').map((r) => r.id)).toEqual(['a']);
		expect(index.search('Mérida', { fuzzy: 0.2 }).map((r) => r.id)).toEqual(['a']);
		expect(index.search('<script>alert(1)</script>')).toEqual([]);
		expect(index.search(cleanQuery('é'.repeat(10_000)), { fuzzy: 0.2, prefix: true })).toEqual([]);
	});

	it('round-trips through JSON with the same options', () => {
		const loaded = MiniSearch.loadJSON(JSON.stringify(index), INDEX_OPTIONS);
		expect(loaded.search('merida')[0]).toMatchObject({ id: 'a', title: 'Mérida Initiative money', url: '/a/' });
	});
});

describe('highlighting', () => {
	it('marks whole words in the original text, accents kept', () => {
		const text = 'In Mérida, the Merida plan; emerida is not a match.';
		expect(matchRanges(text, ['merida']).map(([s, e]) => text.slice(s, e))).toEqual(['Mérida', 'Merida']);
	});

	it('keeps offsets right across characters that decompose', () => {
		const text = 'Ångström ﬁnds México';
		expect(matchRanges(text, ['mexico']).map(([s, e]) => text.slice(s, e))).toEqual(['México']);
		expect(matchRanges(text, ['finds']).map(([s, e]) => text.slice(s, e))).toEqual(['ﬁnds']);
	});

	it('cuts a passage around the first match, at spaces, with ellipses', () => {
		const text = `${'word '.repeat(100)}Tapachula ${'more '.repeat(100)}`.trim();
		const { pieces, first } = snippet(text, ['tapachula'], 120);
		expect(first).toBe(500);
		expect(pieces[0]!.text).toBe('…');
		expect(pieces.at(-1)!.text).toBe('…');
		expect(pieces.filter((p) => p.hit).map((p) => p.text)).toEqual(['Tapachula']);
		expect(pieces.map((p) => p.text).join('').length).toBeLessThanOrEqual(124);
	});
});
