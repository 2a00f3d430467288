import { bbox, featureCollection } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import type { Bbox } from '$lib/content/schema';

export interface FrameOptions {
	/** Smallest width and height of the frame, in degrees, so a lone city is not framed at street level. */
	minSpan?: number;
	/** Margin added on every side, as a fraction of the frame's size. */
	padding?: number;
}

const round = (n: number) => Math.round(n * 1e4) / 1e4;

/**
 * The camera frame for a set of features: their bounding box (Turf), widened to a minimum
 * span around its centre, padded, clamped to the Web Mercator latitude range.
 */
export function frameBounds(features: Feature<Geometry>[], { minSpan = 2, padding = 0.1 }: FrameOptions = {}): Bbox {
	if (features.length === 0) throw new Error('frameBounds: no features to frame');
	let [w, s, e, n] = bbox(featureCollection(features)) as Bbox;
	if (![w, s, e, n].every(Number.isFinite)) throw new Error('frameBounds: features have no coordinates');
	const widen = (lo: number, hi: number): [number, number] => {
		const span = Math.max(hi - lo, minSpan);
		const mid = (lo + hi) / 2;
		const pad = span * padding;
		return [mid - span / 2 - pad, mid + span / 2 + pad];
	};
	[w, e] = widen(w, e);
	[s, n] = widen(s, n);
	return [round(Math.max(w, -180)), round(Math.max(s, -85)), round(Math.min(e, 180)), round(Math.min(n, 85))];
}
