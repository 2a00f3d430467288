import { describe, expect, it } from 'vitest';
import { snippet } from './highlight';

const hits = (s: ReturnType<typeof snippet>) => s.pieces.filter((p) => p.hit).map((p) => p.text);

describe('snippet', () => {
	const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. '.repeat(5);
	const text = `Kind city In Baja California. ${filler}Features: the border band of “Remain in Mexico” covers it. ${filler}`;

	it('shows where the query’s words stand together, not the first place one of them occurs', () => {
		const s = snippet(text, ['remain', 'in', 'mexico']);
		expect(hits(s).slice(0, 3)).toEqual(['Remain', 'in', 'Mexico']);
		expect(s.first).toBe(text.indexOf('Remain'));
		expect(s.pieces[0]!.text).toBe('…');
	});

	it('shows the first match when no part of the text holds more of the query than another', () => {
		const s = snippet(text, ['baja']);
		expect(hits(s)).toEqual(['Baja']);
		expect(s.first).toBe(text.indexOf('Baja'));
	});
});
