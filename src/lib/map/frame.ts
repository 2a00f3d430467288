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

/**
 * The shapes of the map panel the first-paint pictures are drawn for: the panel beside the text
 * on a 1280 × 800 screen, and above it on a 390 × 844 phone (see the layout in global.css).
 * `scale` is the pixel density the picture is drawn at. `bottom` is the padding the live map keeps
 * below the view: on wide screens the caption's height (estimated from its text), on phones a
 * margin.
 */
export const PICTURES = {
	wide: { width: 639, height: 800, scale: 1.5, top: 64, side: 32, captionWidth: 519 },
	phone: { width: 390, height: 353, scale: 1.5, top: 64, side: 32, captionWidth: 0 }
} as const;

export type PictureShape = keyof typeof PICTURES;

/**
 * The caption's height on a wide screen, estimated from its text: the live map measures it; the
 * picture drawn at build cannot, so it counts lines of about 6.6 px per character at 13.6 px.
 */
export function estimatedCaption(title: string, mapText: string, width: number): number {
	const perLine = Math.floor(width / 6.6);
	const lines = (text: string) => Math.max(1, Math.ceil(text.length / perLine));
	return (lines(title) + lines(mapText)) * 19.04 + 17.2;
}

/** The padding the live map frames a chapter with in the panel shape, as MapState.padding() measures it. */
export function picturePadding(shape: PictureShape, caption: { title: string; mapText: string }): Padding {
	const s = PICTURES[shape];
	const bottom = s.captionWidth ? estimatedCaption(caption.title, caption.mapText, s.captionWidth) + 36 : s.side;
	return { top: s.top, right: s.side, bottom, left: s.side };
}
