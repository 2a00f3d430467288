/** Basemap colours: quiet, so the thematic layers and the text stay the loudest things. */
export const BASEMAP = {
	sea: '#d7e4ec',
	land: '#ebe7df',
	landLine: '#b8b0a2',
	mexico: '#faf7f1',
	stateLine: '#b5ab99',
	highlightFill: '#f6dfae',
	highlightLine: '#6b4a12'
} as const;

/**
 * Colours of the registry layers. The three themes come from the Okabe–Ito palette, which
 * stays apart under the common colour-vision deficiencies; two are darkened so that every
 * mark keeps 3:1 contrast with the land and the sea (WCAG 1.4.11): vermillion #D55E00 →
 * #C35000, reddish purple #CC79A7 → #A8507F. Blue #0072B2 passes as it is. Purple rather
 * than bluish green for refuge, because blue and green merge for tritan readers. Colour is
 * never the only cue: each theme also has its own outline pattern (see the registry), and
 * src/lib/layers/registry.test.ts checks contrast and simulated colour-blind differences.
 */
export const LAYER_COLORS = {
	enforcement: '#C35000',
	surveillance: '#0072B2',
	refuge: '#A8507F',
	route: '#333333',
	borders: '#5b3a1e'
} as const;
