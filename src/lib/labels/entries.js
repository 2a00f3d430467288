// What geo/labels.json must hold, checked in one place: the geo build refuses a bad file, and the
// site build refuses a map that must name a place with no label (src/lib/labels/labels.ts).
import { LANGUAGES } from '../i18n/languages.js';

export const LABEL_LANGUAGES = LANGUAGES;

/** Gazetteer kinds labelled as places (with a dot); states and countries are labelled as regions. */
export const PLACE_LABEL_KINDS = ['city', 'town', 'crossing', 'shelter', 'region'];

/** Sides of its dot a place's name may sit on (MapLibre's text-anchor). */
export const ANCHORS = ['left', 'right'];

/** @typedef {{ field: string, message: string }} LabelProblem */

/**
 * The first problem in geo/labels.json, or null.
 * @param {any} labels the parsed file
 * @param {{ gazetteer: any[], regions: ReadonlySet<string> }} known gazetteer entries, and ids of
 *   the state and country polygons
 * @returns {LabelProblem | null}
 */
export function labelProblem(labels, { gazetteer, regions }) {
	/** @type {LabelProblem[]} */
	const problems = [];
	const say = (/** @type {string} */ field, /** @type {string} */ message) => void problems.push({ field, message });
	const names = (/** @type {any} */ entry, /** @type {string} */ field) => {
		for (const lang of LABEL_LANGUAGES)
			if (typeof entry?.[lang] !== 'string' || !entry[lang].trim()) say(`${field}.${lang}`, `must give the name in "${lang}"`);
	};
	const points = (/** @type {any} */ at, /** @type {string} */ field) => {
		if (!Array.isArray(at) || at.length === 0) return say(`${field}.at`, 'must list at least one { "point": [longitude, latitude] }');
		at.forEach((/** @type {any} */ a, /** @type {number} */ i) => {
			const p = a?.point;
			if (!Array.isArray(p) || p.length !== 2 || !p.every((n) => Number.isFinite(n)) || Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90)
				say(`${field}.at[${i}].point`, 'must be [longitude, latitude]');
			for (const z of ['minzoom', 'maxzoom'])
				// The map filters labels by zoom, which MapLibre evaluates at whole zooms only.
				if (a?.[z] !== undefined && !Number.isInteger(a[z])) say(`${field}.at[${i}].${z}`, 'must be a whole zoom level');
		});
	};
	if (typeof labels !== 'object' || labels === null) return { field: '(root)', message: 'must be an object with regions, seas and places' };
	for (const [id, entry] of Object.entries(labels.regions ?? {})) {
		const field = `regions.${id}`;
		if (!regions.has(id)) say(field, `"${id}" is not a state or country of states.geojson or countries.geojson`);
		else if (entry?.skip !== undefined) {
			if (typeof entry.skip !== 'string' || !entry.skip.trim()) say(`${field}.skip`, 'must say why the region is left unlabelled');
		} else {
			names(entry, field);
			if (entry.at !== undefined || !id.startsWith('mx-')) points(entry.at, field);
			if (entry.at !== undefined && (typeof entry.source !== 'string' || !entry.source.trim())) say(`${field}.source`, 'must say where the label points come from');
		}
	}
	for (const [i, sea] of (labels.seas ?? []).entries()) {
		const field = `seas[${i}]`;
		if (typeof sea?.id !== 'string' || !sea.id) say(`${field}.id`, 'must be an id');
		names(sea, field);
		points(sea.at, field);
		if (typeof sea?.source !== 'string' || !sea.source.trim()) say(`${field}.source`, 'must say where the label points come from');
	}
	const labelled = labels.places ?? {};
	for (const place of gazetteer) {
		if (place.kind === 'country' || place.kind === 'state') {
			const entry = labels.regions?.[place.within];
			if (entry?.skip !== undefined) say(`regions.${place.within}`, `the map must name ${place.name} (geo/gazetteer.json: ${place.id}): it cannot be skipped`);
			else if (place.kind === 'country' && !entry) say(`regions.${place.within}`, `no label for ${place.name}, which the map must name (geo/gazetteer.json: ${place.id}): add its names and label points`);
			continue;
		}
		const entry = labelled[place.id];
		const field = `places.${place.id}`;
		if (!entry) {
			say(field, `no label for "${place.name}", which the map must name (geo/gazetteer.json): add { ${LABEL_LANGUAGES.map((l) => `"${l}": "…"`).join(', ')}, "anchor": "left" }`);
			continue;
		}
		names(entry, field);
		if (!ANCHORS.includes(entry.anchor)) say(`${field}.anchor`, `must be ${ANCHORS.join(' or ')}`);
	}
	for (const id of Object.keys(labelled))
		if (!gazetteer.some((p) => p.id === id)) say(`places.${id}`, `"${id}" is not a place of geo/gazetteer.json`);
	return problems[0] ?? null;
}
