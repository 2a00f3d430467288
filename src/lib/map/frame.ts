import type { Bbox } from '$lib/content/schema';
import type { Padding } from './state.svelte';

/**
 * Framing a view as MapLibre's fitBounds does, in plain arithmetic: the live map and the pictures
 * drawn at build (the panel's first-paint picture) frame a chapter the same way, so the live map
 * replaces the picture without a jump.
 */

/** MapLibre's world is 512 px wide at zoom 0. */
const TILE = 512;

/** Web Mercator, in world units (0…1 across, 0 at the top). */
export function mercator([lon, lat]: [number, number]): [number, number] {
	const phi = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
	return [(lon + 180) / 360, (1 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / Math.PI) / 2];
}

/** Padding that fits the canvas: overlays larger than the map leave at least a third of it to frame. */
export function fitPadding(width: number, height: number, wanted: Padding): Padding {
	const shrink = (a: number, b: number, size: number) => {
		const room = size * 0.66;
		return a + b <= room ? [a, b] : [(a / (a + b)) * room, (b / (a + b)) * room];
	};
	const [left, right] = shrink(wanted.left, wanted.right, width);
	const [top, bottom] = shrink(wanted.top, wanted.bottom, height);
	return { top: top!, bottom: bottom!, left: left!, right: right! };
}

export interface Framing {
	/** Pixels per world unit. */
	world: number;
	/** Where the world's origin (lon -180, the top) lies on the canvas, in pixels. */
	origin: [number, number];
	zoom: number;
}

/** The camera fitBounds chooses for `bounds` on a width × height canvas, clamped at maxZoom. */
export function fitBounds(bounds: Bbox, width: number, height: number, wanted: Padding, maxZoom: number): Framing {
	const padding = fitPadding(width, height, wanted);
	const [x0, y1] = mercator([bounds[0], bounds[1]]);
	const [x1, y0] = mercator([bounds[2], bounds[3]]);
	const room = [width - padding.left - padding.right, height - padding.top - padding.bottom];
	const zoom = Math.min(Math.log2(room[0]! / ((x1 - x0) * TILE)), Math.log2(room[1]! / ((y1 - y0) * TILE)), maxZoom);
	const world = TILE * 2 ** zoom;
	const centre = [(padding.left + width - padding.right) / 2, (padding.top + height - padding.bottom) / 2];
	return { world, zoom, origin: [centre[0]! - ((x0 + x1) / 2) * world, centre[1]! - ((y0 + y1) / 2) * world] };
}

/** Web Mercator's inverse: world units back to [longitude, latitude]. */
export function unmercator([x, y]: [number, number]): [number, number] {
	return [x * 360 - 180, (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI];
}

/** The extent [west, south, east, north] a width × height canvas shows when framed so. */
export function extentOf({ world, origin }: Framing, width: number, height: number): Bbox {
	const [west, north] = unmercator([-origin[0] / world, -origin[1] / world]);
	const [east, south] = unmercator([(width - origin[0]) / world, (height - origin[1]) / world]);
	return [west, south, east, north];
}

/**
 * The shapes of the map panel the first-paint pictures are drawn for: the panel beside the text
 * on a 1280 × 800 screen, and above it on a 390 × 844 phone (see the layout in global.css).
 * `scale` is the pixel density the picture is drawn at; `top` and `side` the padding the live
 * map keeps below the controls and at the sides, `margin` above the key and the locator.
 */
export const PICTURES = {
	wide: { width: 639, height: 800, scale: 1.5, top: 64, side: 32, margin: 16, controls: 390 },
	phone: { width: 390, height: 353, scale: 1.5, top: 60, side: 24, margin: 12, controls: 320 }
} as const;

export type PictureShape = keyof typeof PICTURES;

/**
 * The map's key, as global.css lays it out (.map-key-box): on wide screens a box of fixed width in
 * the bottom-left corner, `bottom` pixels above the canvas's edge; on phones a strip along the
 * bottom, of swatches and short names. Widths and line heights in CSS pixels; `charWidth` is an
 * average character's width in the key's type, for estimating lines (key.ts).
 */
export const KEY_BOX = {
	wide: { width: 352, padding: 10, border: 2, line: 17.5, bottom: 12, charWidth: 6.4, swatch: 38, gap: 0 },
	phone: { width: 366, padding: 5, border: 1, line: 16, bottom: 0, charWidth: 6.1, swatch: 34, gap: 10 }
} as const;

/**
 * The locator in close views: on wide screens in the bottom-right corner, `bottom` pixels above
 * the canvas's edge; on phones at the right, `bottom` pixels above the key strip.
 */
export const LOCATOR_BOX = { wide: { width: 122, height: 84, side: 12, bottom: 12, aboveKey: false }, phone: { width: 68, height: 47, side: 8, bottom: 8, aboveKey: true } } as const;

/**
 * The panels over a picture's canvas as the live map lays them out (the controls along the top, the
 * key, and the locator in close views), and the padding the live map frames a chapter with in that
 * shape, as MapState.padding() measures it: below the controls, above the key and the locator, at
 * the sides. Boxes are [left, top, right, bottom] in CSS pixels.
 */
export function pictureFurniture(shape: PictureShape, key: { height: number; located: boolean }): { padding: Padding; covered: [number, number, number, number][] } {
	const s = PICTURES[shape];
	const k = KEY_BOX[shape];
	const l = LOCATOR_BOX[shape];
	const { width: W, height: H } = s;
	const keyTop = H - k.bottom - key.height;
	const covered: [number, number, number, number][] = [[12, 12, 12 + s.controls, s.top - s.margin]];
	covered.push(shape === 'wide' ? [k.bottom, keyTop, k.bottom + k.width, H - k.bottom] : [0, keyTop, W, H]);
	let top = keyTop;
	if (key.located) {
		const bottom = (l.aboveKey ? keyTop : H) - l.bottom;
		covered.push([W - l.side - l.width, bottom - l.height, W - l.side, bottom]);
		top = Math.min(top, bottom - l.height);
	}
	return { padding: { top: s.top, right: s.side, bottom: H - top + s.margin, left: s.side }, covered };
}
