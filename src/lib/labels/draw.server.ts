import type { FeatureCollection } from 'geojson';
import type { Language } from '../i18n/languages.js';
import { faceOutlines } from './fonts.server';
import { drawnText, labelFeatures, labelOrder, placeNames, type Box, type PlacedLabel } from './layout';
import { measure } from './metrics.server';
import { DOT, HALO, LABEL_PADDING, PLACE_KINDS, labelClass, type LabelSets } from './style';

/**
 * Where the baseline of a one-line name lies below its box's middle, in ems. MapLibre centres the
 * line box (1.2 em) on the point and draws the letters' glyphs in it; measured against the live
 * map's text in Chromium (labels.server.test.ts compares them).
 */
export const BASELINE = 0.39;

const isPlace = (kind: string) => PLACE_KINDS.includes(kind);

export interface LabelCanvas {
	width: number;
	height: number;
	zoom: number;
	/** Panels over the canvas: no name is written under them. */
	covered: Box[];
	project: (at: [number, number]) => [number, number];
}

/** The names a picture writes, placed as the live map places them (layout.ts). */
export function placePictureLabels(labels: FeatureCollection, sets: LabelSets, lang: Language, canvas: LabelCanvas): PlacedLabel[] {
	const features = labelFeatures(labels as Parameters<typeof labelFeatures>[0]);
	const names = new Map(features.map((f) => [f.id, f.names[lang]!]));
	return placeNames(
		labelOrder(features, sets, canvas.zoom, isPlace),
		canvas.project,
		(f, highlighted) => measure(names.get(f.id)!, labelClass(f.kind, highlighted)),
		{ width: canvas.width, height: canvas.height, covered: canvas.covered },
		LABEL_PADDING
	);
}

/** SVG for a picture's place dots and names: the same type, sizes, colours and halo as the live map. */
export function labelsSvg(labels: FeatureCollection, sets: LabelSets, lang: Language, canvas: LabelCanvas): string {
	const features = labelFeatures(labels as Parameters<typeof labelFeatures>[0]);
	const chapter = new Set([...sets.highlight, ...sets.shown]);
	const parts: string[] = [];
	for (const f of features) {
		if (!isPlace(f.kind) || !chapter.has(f.ref)) continue;
		const [x, y] = canvas.project(f.at);
		const r = sets.highlight.includes(f.ref) ? DOT.highlighted : DOT.radius;
		parts.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r}" fill="${DOT.color}" stroke="${DOT.stroke}" stroke-width="${DOT.strokeWidth}"/>`);
	}
	const byId = new Map(features.map((f) => [f.id, f]));
	// Names in the order the live map places them; each one's box already keeps it clear of the rest.
	for (const placed of placePictureLabels(labels, sets, lang, canvas)) {
		const cls = labelClass(placed.feature.kind, placed.highlighted);
		const text = drawnText(byId.get(placed.feature.id)!.names[lang]!, cls);
		const middle = (placed.box[1] + placed.box[3]) / 2;
		const d = faceOutlines(cls.face).outline(text, placed.box[0], middle + BASELINE * cls.size, cls.size, cls.spacing);
		parts.push(
			`<path d="${d}" fill="${HALO.color}" stroke="${HALO.color}" stroke-width="${HALO.width * 2}" stroke-linejoin="round"/>`,
			`<path d="${d}" fill="${cls.color}"/>`
		);
	}
	return parts.join('');
}
