// The checks every output passes before anything is written.
import { check } from '@placemarkio/check-geojson';

/**
 * Throws unless the collection is valid GeoJSON with a geometry on every feature.
 * @param {string} file
 * @param {any} fc
 */
export function validate(file, fc) {
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
export function validateStates(states) {
	const names = states.features.map((/** @type {any} */ f) => f.properties.name);
	if (states.features.length !== 32) {
		throw new Error(`geo: expected 32 states, got ${states.features.length}`);
	}
	if (names.some((/** @type {unknown} */ n) => typeof n !== 'string' || n.trim() === '')) {
		throw new Error('geo: every state needs a non-empty name');
	}
	if (new Set(names).size !== names.length) throw new Error('geo: state names are not unique');
}
