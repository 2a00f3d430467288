// route.geojson: the schematic route north, smoothed through gazetteer places and waypoints.
import { bezierSpline, length, lineString, nearestPointOnLine, simplify as simplifyShape } from '@turf/turf';
import { cleanGeometry, featureCollection, SHAPE_TOLERANCE } from './geometry.js';
import { THEMES_FILE } from './io.js';

/** @typedef {import('./geometry.js').Pos} Pos */

/**
 * bezierSpline sharpness for the schematic route. Turf's default (0.85) swings the line
 * out to sea on the Nayarit coast; 0.5 still reads as a smooth path.
 */
const ROUTE_SHARPNESS = 0.5;

/** @param {any[]} gazetteer */
export function placesById(gazetteer) {
	/** @type {Map<string, any>} */
	const places = new Map();
	for (const place of gazetteer) {
		if (places.has(place.id)) throw new Error(`geo: gazetteer id "${place.id}" is used twice`);
		places.set(place.id, place);
	}
	return places;
}

/**
 * Where a route stop is: a gazetteer place, or an unnamed schematic waypoint.
 * @param {any} stop @param {Map<string, any>} places @param {string} at
 * @returns {Pos}
 */
function stopPosition(stop, places, at) {
	if (stop.place) {
		const place = places.get(stop.place);
		if (!place) throw new Error(`geo: ${THEMES_FILE} ${at}: unknown place "${stop.place}"`);
		return place.coordinates;
	}
	if (Array.isArray(stop.via) && stop.via.length === 2) return stop.via;
	throw new Error(`geo: ${THEMES_FILE} ${at}: a stop needs "place" or "via": [lon, lat]`);
}

/**
 * The schematic route: each line smoothed through its stops with a Bézier spline, then
 * simplified and rounded. Its length is measured on the written geometry, so a chapter
 * can cite `length_km` as computed from the data.
 * @param {any} spec themes.json `route`
 * @param {Map<string, any>} places
 */
export function buildRoute(spec, places) {
	/** @type {Map<string, Pos[]>} */
	const done = new Map();
	const features = spec.lines.map((/** @type {any} */ line) => {
		const stops = line.stops.map((/** @type {any} */ stop, /** @type {number} */ i) =>
			stopPosition(stop, places, `route ${line.id} stops[${i}]`)
		);
		if (stops.length < 2) throw new Error(`geo: route ${line.id} needs at least two stops`);
		if (line.joins) {
			const target = done.get(line.joins);
			if (!target) throw new Error(`geo: route ${line.id} joins "${line.joins}", which must come before it`);
			// End exactly on the other line, so the branch meets it without a gap.
			stops[stops.length - 1] = nearestPointOnLine(lineString(target), stops[stops.length - 1]).geometry.coordinates;
		}
		const smooth = bezierSpline(lineString(stops), { sharpness: ROUTE_SHARPNESS });
		const coords = /** @type {Pos[]} */ (simplifyShape(smooth, { tolerance: SHAPE_TOLERANCE }).geometry.coordinates);
		// The spline's samples stop just short of the last stop; pin both ends to the stops.
		coords[0] = stops[0];
		coords.push(stops[stops.length - 1]);
		const geometry = cleanGeometry({ type: 'LineString', coordinates: coords });
		if (!geometry || geometry.type !== 'LineString') throw new Error(`geo: route ${line.id} collapsed`);
		done.set(line.id, geometry.coordinates);
		const km = Math.round(length({ type: 'Feature', properties: {}, geometry }, { units: 'kilometers' }));
		return {
			type: 'Feature',
			properties: { id: line.id, name: line.name, schematic: true, length_km: km },
			geometry
		};
	});
	return featureCollection(features);
}
