import { LABEL_CLASSES, PLACE_OFFSET, labelClass, type LabelClass } from './style';

/**
 * Where the map writes its names. One placement, used by the live map (engine.ts, at every
 * camera) and by the pictures drawn at build, so both write the same names in the same places:
 * in order of importance, each where its box fits the room the canvas leaves (no panel over it,
 * not off the edge) and keeps clear of every name already placed; a place's name beside its dot
 * on the side labels.json gives, or another side where that has no room. MapLibre then draws
 * them, with its own collision check still on. The tests measure the boxes with it too.
 */

/** [left, top, right, bottom] in CSS pixels. */
export type Box = [number, number, number, number];

/**
 * Which side of its point a name is written on: a place's beside or above or below its dot
 * (`top`: above), an area's centred on its point.
 */
export type Side = 'left' | 'right' | 'top' | 'bottom' | 'center';

/** MapLibre's default text-line-height, in ems: the height of a one-line label's box. */
const LINE_HEIGHT = 1.2;

/** The text as drawn: its class may set it in capitals. */
export const drawnText = (text: string, cls: LabelClass) => (cls.uppercase ? text.toUpperCase() : text);

/**
 * The box of a name whose point lies at (x, y) and whose text is `width` pixels wide, written on
 * `side` of it (as MapLibre lays out a one-line point label with the matching anchor and offset).
 */
export function labelBox(kind: string, side: Side, x: number, y: number, width: number, highlighted: boolean): Box {
	const { size } = labelClass(kind, highlighted);
	const half = (size * LINE_HEIGHT) / 2;
	const gap = PLACE_OFFSET * size;
	switch (side) {
		case 'left':
			return [x + gap, y - half, x + gap + width, y + half];
		case 'right':
			return [x - gap - width, y - half, x - gap, y + half];
		case 'top':
			return [x - width / 2, y - gap - 2 * half, x + width / 2, y - gap];
		case 'bottom':
			return [x - width / 2, y + gap, x + width / 2, y + gap + 2 * half];
		default:
			return [x - width / 2, y - half, x + width / 2, y + half];
	}
}

/** A label's text width in pixels, from its letters' advances (in ems) and its class. */
export function textWidth(advances: readonly number[], cls: LabelClass): number {
	if (advances.length === 0) return 0;
	const ems = advances.reduce((a, b) => a + b, 0) + cls.spacing * (advances.length - 1);
	return ems * cls.size;
}

/**
 * The room names may use: the canvas less a margin, and less the boxes of panels over it. A name
 * that would run off the edge or under a panel is not written (the reader could not read it).
 */
export interface Room {
	width: number;
	height: number;
	/** Panels over the canvas, in its CSS pixels. */
	covered: readonly Box[];
}

/** Pixels kept between a name and the canvas's edge. */
export const EDGE = 4;

export const meets = (a: Box, b: Box) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];

export function fitsIn(box: Box, room: Room): boolean {
	if (box[0] < EDGE || box[1] < EDGE || box[2] > room.width - EDGE || box[3] > room.height - EDGE) return false;
	return !room.covered.some((c) => meets(box, c));
}

/** A name the map can write: a feature of labels.geojson. */
export interface LabelFeature {
	id: string;
	/** What it names: a country, state or sea, or a gazetteer place; one name per ref is written. */
	ref: string;
	kind: string;
	/** A place's side of its dot (labels.json); none for areas. */
	anchor?: 'left' | 'right';
	rank: number;
	minzoom: number;
	maxzoom: number;
	/** [longitude, latitude] */
	at: [number, number];
}

/** The features of labels.geojson in plain form, with their names by language. */
export function labelFeatures(labels: { features: { properties: Record<string, unknown> | null; geometry: unknown }[] }): (LabelFeature & { names: Record<string, string> })[] {
	return labels.features.map((f) => {
		const p = f.properties ?? {};
		return {
			id: String(p.id),
			ref: String(p.ref),
			kind: String(p.kind),
			anchor: p.anchor === 'left' || p.anchor === 'right' ? p.anchor : undefined,
			rank: Number(p.rank),
			minzoom: Number(p.minzoom),
			maxzoom: Number(p.maxzoom),
			at: (f.geometry as { coordinates: [number, number] }).coordinates,
			names: Object.fromEntries(Object.entries(p).filter(([k]) => k.startsWith('name_')).map(([k, v]) => [k.slice(5), String(v)]))
		};
	});
}

export type LabelTier = 'highlight' | 'shown' | 'base';

/**
 * The names a view may write, in order of importance: what the chapter highlights, then the
 * places and regions it shows or names (the most particular first: a place before its state,
 * a state before its country), then the base names that orient the reader (countries first).
 * Zoom bands are compared at the whole zoom.
 */
export function labelOrder(features: readonly LabelFeature[], sets: { highlight: readonly string[]; shown: readonly string[] }, zoom: number, isPlace: (kind: string) => boolean) {
	const z = Math.floor(zoom);
	const tier = (f: LabelFeature): LabelTier | null =>
		sets.highlight.includes(f.ref) ? 'highlight' : sets.shown.includes(f.ref) ? 'shown' : isPlace(f.kind) ? null : 'base';
	const order: LabelTier[] = ['highlight', 'shown', 'base'];
	return features
		.flatMap((f) => {
			const t = tier(f);
			return t && z >= f.minzoom && z < f.maxzoom ? [{ feature: f, tier: t }] : [];
		})
		.sort((a, b) => order.indexOf(a.tier) - order.indexOf(b.tier) || (a.tier === 'base' ? a.feature.rank - b.feature.rank : b.feature.rank - a.feature.rank));
}

export interface PlacedLabel {
	feature: LabelFeature;
	tier: LabelTier;
	highlighted: boolean;
	side: Side;
	x: number;
	y: number;
	box: Box;
}

/** The sides a place's name may take, its own first, then the other, then above and below. */
function sides(anchor: LabelFeature['anchor']): Side[] {
	if (!anchor) return ['center'];
	return [anchor, anchor === 'left' ? 'right' : 'left', 'top', 'bottom'];
}

/**
 * Places names in order, each where its box fits the room and keeps `padding` clear of every name
 * already placed; a name that fits nowhere is dropped. Where a country or sea has several label
 * points for this zoom, the one nearest the middle of the canvas that fits is used, and only one.
 */
export function placeNames(
	ordered: readonly { feature: LabelFeature; tier: LabelTier }[],
	project: (at: [number, number]) => [number, number],
	width: (f: LabelFeature, highlighted: boolean) => number | undefined,
	room: Room,
	padding: number
): PlacedLabel[] {
	const placed: PlacedLabel[] = [];
	const named = new Set<string>();
	const grow = (b: Box): Box => [b[0] - padding, b[1] - padding, b[2] + padding, b[3] + padding];
	const centre = [room.width / 2, room.height / 2];
	const candidates = ordered.map((o, i) => {
		const [x, y] = project(o.feature.at);
		return { ...o, x, y, i, d: Math.hypot(x - centre[0]!, y - centre[1]!) };
	});
	// Keep the order of importance; among one ref's points, nearest the middle first.
	const first = new Map<string, number>();
	for (const c of candidates) if (!first.has(c.feature.ref)) first.set(c.feature.ref, c.i);
	candidates.sort((a, b) => first.get(a.feature.ref)! - first.get(b.feature.ref)! || a.d - b.d);
	for (const { feature, tier, x, y } of candidates) {
		if (named.has(feature.ref)) continue;
		const highlighted = tier === 'highlight';
		const w = width(feature, highlighted);
		if (w === undefined) continue;
		for (const side of sides(feature.anchor)) {
			const box = labelBox(feature.kind, side, x, y, w, highlighted);
			if (!fitsIn(box, room) || placed.some((p) => meets(grow(p.box), grow(box)))) continue;
			placed.push({ feature, tier, highlighted, side, x, y, box });
			named.add(feature.ref);
			break;
		}
	}
	return placed;
}

export { LABEL_CLASSES };
