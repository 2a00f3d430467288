// Plain JavaScript (typed with JSDoc): svelte.config.js runs the indexer in Node after the
// adapter has written the site, and the browser runs the same folding on the reader's query.

/** Combining marks, left by canonical decomposition: "é" → "e" + U+0301. */
const MARKS = /\p{M}+/gu;
/** A UTF-16 surrogate without its pair: no character, and URLs and normalize() mishandle it. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Invisible format characters (RTL and LTR marks, zero-width joiners, BOM): never part of a word. */
const FORMAT = /\p{Cf}+/gu;

/** The longest query the search runs; the rest of a longer one is ignored (and the page says so). */
export const MAX_QUERY = 200;

/**
 * A string made safe to handle: lone surrogates become U+FFFD, as a URL would make them.
 * @param {string} text
 */
export const wellFormed = (text) => text.replace(LONE_SURROGATE, '\uFFFD');

/**
 * How every word is compared, in the index and in the query: compatibility forms unfolded
 * ("ﬁ" → "fi", full-width letters), accents and other marks dropped, lower case. So "merida"
 * finds "Mérida" and "MEXICO" finds "México".
 * @param {string} term
 */
export function fold(term) {
	return wellFormed(term).normalize('NFKD').replace(MARKS, '').replace(FORMAT, '').toLowerCase();
}

/**
 * Splits text into words: runs of letters and digits (apostrophes and hyphens end a word, so
 * "Mexico’s" gives "mexico" and "s"). Used for the index and the query alike.
 * @param {string} text
 * @returns {string[]}
 */
export function tokenize(text) {
	return wellFormed(text).replace(FORMAT, '').split(/[^\p{L}\p{N}\p{M}]+/u).filter(Boolean);
}

/**
 * The query as the search runs it: well-formed, without format characters, whitespace
 * collapsed, at most MAX_QUERY characters.
 * @param {string} query
 */
export function cleanQuery(query) {
	return wellFormed(query).replace(FORMAT, '').replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY);
}
