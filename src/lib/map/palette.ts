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
