/**
 * The three kinds of statement a page may make ("Honesty of the story" in the design notes):
 * `sourced`, backed by a cited passage; `ours`, arithmetic or drawing of ours on sourced facts
 * (a span in years, the width of a border band); `general`, knowledge from outside the five
 * sources (the schematic route, where a town lies, an official name or a date they lack). Data
 * says which it is in a `basis` field, and every page marks the last two with the words below,
 * so a reader never takes them for something a source says.
 */
export type Basis = 'sourced' | 'ours' | 'general';

export const BASES: readonly Basis[] = ['sourced', 'ours', 'general'];

/** The words that mark what is not from the sources, wherever it is shown. */
export const BASIS_MARK = {
	ours: 'computed by Frontera',
	general: 'general knowledge, not from the sources'
} as const satisfies Record<Exclude<Basis, 'sourced'>, string>;

export const isBasis = (value: unknown): value is Basis => typeof value === 'string' && (BASES as readonly string[]).includes(value);

/** The mark for a basis, or undefined for what the sources say. */
export const basisMark = (basis: Basis | undefined): string | undefined => (basis && basis !== 'sourced' ? BASIS_MARK[basis] : undefined);

/**
 * A text with its mark in front, for surfaces that take plain text (search, share cards):
 * "General knowledge, not from the sources: city centre."
 */
export function marked(text: string, basis: Basis | undefined): string {
	const mark = basisMark(basis);
	return mark ? `${mark[0]!.toUpperCase()}${mark.slice(1)}: ${text}` : text;
}
