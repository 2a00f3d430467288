import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as fontkit from 'fontkit';
import subsetFont from 'subset-font';
import type { FeatureCollection } from 'geojson';
import { ContentError } from '../content/errors.js';
import { LANGUAGES } from '../i18n/languages.js';
import { LABEL_FACE_IDS, fontSource, type LabelFace } from './fonts';

const require = createRequire(import.meta.url);

/** A face as the pictures drawn at build use it: metrics and outlines, from the package's file. */
export interface FaceOutlines {
	unitsPerEm: number;
	/** Advance of a character, in font units. */
	advance(char: string): number;
	/**
	 * The outline of a line of text as SVG path data in pixels: its first letter starting at `x`,
	 * on the baseline `y`, at `size` pixels, with `spacing` ems between letters (as MapLibre sets
	 * it: letter by letter, no kerning).
	 */
	outline(text: string, x: number, y: number, size: number, spacing: number): string;
}

const bytes = new Map<LabelFace, Buffer>();
const faceBytes = (face: LabelFace) => {
	let out = bytes.get(face);
	if (!out) bytes.set(face, (out = readFileSync(require.resolve(fontSource(face)))));
	return out;
};

const parsed = new Map<LabelFace, FaceOutlines>();

/** A face's metrics and outlines (fontkit), read once per build. */
export function faceOutlines(face: LabelFace): FaceOutlines {
	let out = parsed.get(face);
	if (out) return out;
	const font = fontkit.create(faceBytes(face)) as fontkit.Font;
	const glyph = (char: string) => font.glyphForCodePoint(char.codePointAt(0)!);
	const upm = font.unitsPerEm;
	out = {
		unitsPerEm: upm,
		advance: (char) => glyph(char).advanceWidth,
		outline(text, x, y, size, spacing) {
			const k = size / upm;
			let pen = x;
			return [...text]
				.map((char) => {
					const g = glyph(char);
					const d = g.path.transform(k, 0, 0, -k, pen, y).toSVG();
					pen += g.advanceWidth * k + spacing * size;
					return d;
				})
				.join('');
		}
	};
	parsed.set(face, out);
	return out;
}

/**
 * Every letter the map's labels can write, in every language, in both cases (some kinds are set
 * in capitals): what the served faces are cut down to.
 */
export function labelCharacters(labels: FeatureCollection): string {
	const chars = new Set<string>();
	for (const f of labels.features)
		for (const lang of LANGUAGES) {
			const name = String(f.properties?.[`name_${lang}`] ?? '');
			for (const c of name + name.toUpperCase()) chars.add(c);
		}
	return [...chars].sort().join('');
}

/**
 * A face cut down to the labels' letters, as WOFF2 (subset-font: HarfBuzz's subsetter). A letter
 * the typeface lacks fails the build, naming the label, rather than showing a fallback glyph.
 */
export async function servedFace(face: LabelFace, labels: FeatureCollection): Promise<Uint8Array> {
	const font = fontkit.create(faceBytes(face)) as fontkit.Font;
	for (const f of labels.features)
		for (const lang of LANGUAGES) {
			const name = String(f.properties?.[`name_${lang}`] ?? '');
			const missing = [...(name + name.toUpperCase())].find((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)!));
			if (missing)
				throw new ContentError('geo/labels.json', `${f.properties?.ref}.${lang}`, `"${name}" has a letter the map's typeface lacks ("${missing}"): spell it with another letter`);
		}
	return subsetFont(faceBytes(face), labelCharacters(labels), { targetFormat: 'woff2' });
}

export { LABEL_FACE_IDS };
