// The languages Frontera is written in: the map's labels, and every text with a translation,
// have one entry per language here. Plain JavaScript so the geo build imports it as it is.

/** The edition languages, the first being the original the others are translated from. */
export const LANGUAGES = /** @type {const} */ (['en', 'es']);

/** @typedef {(typeof LANGUAGES)[number]} Language */
