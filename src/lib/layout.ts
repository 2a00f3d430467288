/**
 * The layout's media queries, written once. Components read them with matchMedia; CSS names them
 * as custom media, `@media (--wide)`, which vite.config.ts replaces with the query here.
 */
export const MEDIA = {
	/** The map sits beside the text. */
	wide: '(width >= 900px)',
	/** The map is pinned above the text. */
	narrow: '(width < 900px)',
	/** Room enough for the legend to start open beside the map. */
	roomy: '(width >= 1600px)'
} as const;

export type MediaName = keyof typeof MEDIA;
