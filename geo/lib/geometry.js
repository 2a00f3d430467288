// Coordinates and collections as every output file writes them: rounded, wound per RFC 7946,
// sorted by id, so `npm run geo` gives identical bytes on every run.
import { filter, filterAttachedWeight, presimplify, simplify } from 'topojson-simplify';

/** Decimal places kept in output coordinates (~11 m). */
export const PRECISION = 4;

/**
 * Visvalingam minimum triangle area, in square degrees, below which vertices are
 * dropped (topojson-simplify planar weight). 0.0004 deg² ≈ 5 km², a few pixels at
 * zoom 6; it keeps states.geojson near 110 KB.
 */
export const MIN_WEIGHT = 0.0004;

/** Rings not touching another feature and smaller than this (deg², ~23 km²) are dropped. */
export const MIN_RING_AREA = 0.002;

/**
 * Douglas–Peucker tolerance (degrees, ~0.5 km) for the smoothed route and the border
 * zones: below a pixel at the zooms the story uses, and it keeps the files small.
 */
export const SHAPE_TOLERANCE = 0.005;

/** @typedef {[number, number]} Pos */

/**
 * Simplifies a topology's arcs rather than each feature on its own, so neighbours keep
 * identical shared borders, then drops small detached rings (islets).
 * @param {any} topo
 * @returns {any}
 */
export function simplifyTopology(topo) {
	const simplified = simplify(presimplify(topo), MIN_WEIGHT);
	return filter(simplified, filterAttachedWeight(simplified, MIN_RING_AREA));
}

/** @param {number} n */
function round(n) {
	const f = 10 ** PRECISION;
	// `+ 0` turns -0 into 0 so it serialises the same as 0.
	return Math.round(n * f) / f + 0;
}

/** Rounds positions and drops consecutive duplicates. @param {Pos[]} points */
function roundPoints(points) {
	/** @type {Pos[]} */
	const out = [];
	for (const [x, y] of points) {
		/** @type {Pos} */
		const p = [round(x), round(y)];
		const last = out[out.length - 1];
		if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
	}
	return out;
}

/** Twice the signed area of a closed ring (positive = counter-clockwise). @param {Pos[]} ring */
function signedArea2(ring) {
	let sum = 0;
	/** @type {Pos | undefined} */
	let prev;
	for (const p of ring) {
		if (prev) sum += prev[0] * p[1] - p[0] * prev[1];
		prev = p;
	}
	return sum;
}

/**
 * Rounds a polygon, drops rings that collapsed, and winds it per RFC 7946
 * (exterior counter-clockwise, holes clockwise). Returns null if the exterior collapsed.
 * @param {Pos[][]} rings
 */
function cleanPolygon(rings) {
	/** @type {Pos[][]} */
	const out = [];
	for (const [i, ring] of rings.entries()) {
		const r = roundPoints(ring);
		const area = r.length >= 4 ? signedArea2(r) : 0;
		if (area === 0) {
			if (i === 0) return null;
			continue;
		}
		if ((i === 0) !== area > 0) r.reverse();
		out.push(r);
	}
	return out;
}

/**
 * Rounds and cleans a geometry; returns null if nothing is left.
 * Multi-geometries with a single part are reduced to the single type.
 * @param {any} geometry
 */
export function cleanGeometry(geometry) {
	if (!geometry) return null;
	switch (geometry.type) {
		case 'Point':
			return { type: 'Point', coordinates: [round(geometry.coordinates[0]), round(geometry.coordinates[1])] };
		case 'Polygon':
		case 'MultiPolygon': {
			const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
				.map(cleanPolygon)
				.filter((/** @type {any} */ p) => p && p.length);
			if (polygons.length === 0) return null;
			return polygons.length === 1
				? { type: 'Polygon', coordinates: polygons[0] }
				: { type: 'MultiPolygon', coordinates: polygons };
		}
		case 'LineString':
		case 'MultiLineString': {
			const lines = (geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates)
				.map(roundPoints)
				.filter((/** @type {Pos[]} */ l) => l.length >= 2);
			if (lines.length === 0) return null;
			return lines.length === 1
				? { type: 'LineString', coordinates: lines[0] }
				: { type: 'MultiLineString', coordinates: lines };
		}
		default:
			throw new Error(`Unsupported geometry type ${geometry.type}`);
	}
}

/** A FeatureCollection sorted by `properties.id`, for stable output. @param {any[]} features */
export function featureCollection(features) {
	const sorted = [...features].sort((a, b) =>
		a.properties.id < b.properties.id ? -1 : a.properties.id > b.properties.id ? 1 : 0
	);
	return { type: 'FeatureCollection', features: sorted };
}

/** @param {any} fc @returns {Map<string, any>} */
export const indexById = (fc) => new Map(fc.features.map((/** @type {any} */ f) => [f.properties.id, f]));
