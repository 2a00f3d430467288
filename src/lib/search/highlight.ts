import { fold } from './normalize.js';

/** A run of text, marked when it is a matching word. */
export interface Piece {
	text: string;
	hit: boolean;
}

/**
 * The text folded as the index folds it ("Mérida" → "merida"), with, for each folded UTF-16
 * unit, the offset of the original character it came from, so matches found in the folded text
 * can be marked in the original.
 */
function foldWithOffsets(text: string): { folded: string; from: number[] } {
	let folded = '';
	const from: number[] = [];
	let i = 0;
	for (const char of text) {
		const f = fold(char);
		folded += f;
		for (let k = 0; k < f.length; k++) from.push(i);
		i += char.length;
	}
	from.push(text.length);
	return { folded, from };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** [start, end) of every whole-word occurrence of the (folded) terms in the text, in order. */
export function matchRanges(text: string, terms: string[]): [number, number][] {
	const words = terms.map(fold).filter(Boolean);
	if (!words.length) return [];
	const { folded, from } = foldWithOffsets(text);
	const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${words.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
	const ranges: [number, number][] = [];
	for (const m of folded.matchAll(pattern)) {
		const start = from[m.index]!;
		const end = from[m.index + m[0].length]!;
		// A character that folds to several units ends where the next original character starts.
		ranges.push([start, end > start ? end : start + 1]);
	}
	return ranges;
}

/** The text cut into pieces at the ranges. */
export function pieces(text: string, ranges: [number, number][]): Piece[] {
	const out: Piece[] = [];
	let at = 0;
	for (const [s, e] of ranges) {
		if (s < at) continue;
		if (s > at) out.push({ text: text.slice(at, s), hit: false });
		out.push({ text: text.slice(s, e), hit: true });
		at = e;
	}
	if (at < text.length) out.push({ text: text.slice(at), hit: false });
	return out;
}

/**
 * Where the snippet starts its marks: the match followed, within the part of the snippet after
 * it, by the most different words of the query ("Remain in Mexico" rather than an "in" on its
 * own), the earliest of those.
 */
function bestMatch(text: string, ranges: [number, number][], reach: number): number {
	let best = 0;
	let bestWords = 0;
	for (const [i, [start]] of ranges.entries()) {
		const words = new Set<string>();
		for (const [s, e] of ranges.slice(i)) {
			if (e > start + reach) break;
			words.add(fold(text.slice(s, e)));
		}
		if (words.size > bestWords) [best, bestWords] = [start, words.size];
	}
	return best;
}

/**
 * A passage of the text around the place where the query matches best (bestMatch), about
 * `length` characters cut at spaces, with the matching words marked and "…" where it is cut.
 * The start of the document when nothing matches in its text (a match in the title, say), cut
 * the same way.
 */
export function snippet(text: string, terms: string[], length = 220): { pieces: Piece[]; first: number } {
	const ranges = matchRanges(text, terms);
	const first = bestMatch(text, ranges, length - Math.round(length / 3));
	let start = Math.max(0, first - Math.round(length / 3));
	let end = Math.min(text.length, start + length);
	start = Math.max(0, Math.min(start, end - length));
	if (start > 0) {
		const space = text.indexOf(' ', start);
		start = space >= 0 && space < first ? space + 1 : start;
	}
	if (end < text.length) {
		const space = text.lastIndexOf(' ', end);
		end = space > Math.max(start, first) ? space : end;
	}
	const inside = ranges.filter(([s, e]) => s >= start && e <= end).map(([s, e]) => [s - start, e - start] as [number, number]);
	const cut = pieces(text.slice(start, end), inside);
	if (start > 0) cut.unshift({ text: '…', hit: false });
	if (end < text.length) cut.push({ text: '…', hit: false });
	return { pieces: cut, first };
}
