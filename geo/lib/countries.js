// countries.geojson: the countries of the map region from world-atlas (Natural Earth admin-0),
// simplified as one topology so countries, borders and border zones share the same lines.
import { bboxClip } from '@turf/turf';
import { feature } from 'topojson-client';
import { filter } from 'topojson-simplify';
import { cleanGeometry, featureCollection, simplifyTopology } from './geometry.js';

/** Map region [west, south, east, north] that country polygons are clipped to. */
export const BBOX = [-130, 5, -75, 44];

/** world-atlas ids (ISO 3166-1 numeric, stored as zero-padded strings) → output id and name. */
export const COUNTRIES = {
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

/** Mexico's world-atlas id. */
export const MEX = '484';

/** Output country id ("gtm") → world-atlas id ("320"). */
export const COUNTRY_SOURCE_ID = Object.fromEntries(
	Object.entries(COUNTRIES).map(([numeric, { id }]) => [id, numeric])
);

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
