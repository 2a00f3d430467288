/**
 * The typeface the map writes its labels in: Source Sans 3 (Adobe, SIL Open Font Licence), from
 * the @fontsource/source-sans-3 package. Chosen for small sizes on phones: a large x-height, open
 * letter shapes that stay apart at 11 px (a, e, s; 1, l, I), a narrow width, so long names such
 * as "Ciudad de México" fit, and the accented letters Spanish place names need. Four faces mark
 * the type hierarchy: regular (states), italic (water), semibold (countries, places) and bold
 * (what a chapter highlights). The site serves each face cut down to the letters the labels use
 * (src/routes/fonts/), and the pictures drawn at build outline the same glyphs, so the picture and
 * the live map write the same letters.
 */
export const LABEL_FACES = {
	regular: { weight: 400, style: 'normal' },
	italic: { weight: 400, style: 'italic' },
	semibold: { weight: 600, style: 'normal' },
	bold: { weight: 700, style: 'normal' }
} as const;

export type LabelFace = keyof typeof LABEL_FACES;

export const LABEL_FACE_IDS = Object.keys(LABEL_FACES) as LabelFace[];

/** The name a style's `text-font` uses for a face. */
export const fontStack = (face: LabelFace) => `Frontera ${face}`;

/** Where the site serves a face (src/routes/fonts/[face].woff2). */
export const fontUrl = (face: LabelFace) => `/fonts/${face}.woff2`;

/** A style's `font-faces`: each face's name, to the address the site serves it at. */
export const styleFontFaces = () => Object.fromEntries(LABEL_FACE_IDS.map((face) => [fontStack(face), fontUrl(face)]));

/** The package file a face is cut from. */
export const fontSource = (face: LabelFace) => {
	const { weight, style } = LABEL_FACES[face];
	return `@fontsource/source-sans-3/files/source-sans-3-latin-${weight}-${style}.woff2`;
};
