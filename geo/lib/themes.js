// <layer>.geojson for each thematic layer: every feature's geometry derived from its declarative
// spec in geo/themes.json (states, a country, a border zone or a place), with the properties the
// site expects, checked by the same rules as the site build (src/lib/layers/props.js).
import {
	area,
	buffer,
	featureCollection as turfCollection,
	intersect,
	simplify as simplifyShape,
	union
} from '@turf/turf';
import { featureProblem, THEMATIC_LAYERS } from '../../src/lib/layers/props.js';
import { borderBetween } from './borders.js';
import { cleanGeometry, featureCollection, SHAPE_TOLERANCE } from './geometry.js';
import { THEMES_FILE } from './io.js';

/**
 * National-scope features are drawn as an outline of Mexico. Simplified to ~2 km (a
 * pixel or two at country zoom) and without islets below NATIONAL_MIN_PART_KM2, four
 * copies of the outline cost a few kilobytes instead of forty.
 */
const NATIONAL_TOLERANCE = 0.02;
const NATIONAL_MIN_PART_KM2 = 1000;

/** Segments per quarter circle where a border zone rounds the ends of its line. */
const BUFFER_STEPS = 8;

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
 * properties the site expects.
 * @param {any} themes geo/themes.json
 * @param {any} ctx states and countries by id, the simplified world topology, places by id
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
