// The label stage of the geographic build: geo/labels.json (names in both languages, and where
// the editors place them), the gazetteer (where places are) and Natural Earth's admin-1 label
// points (where states are named) become labels.geojson, the one file both the live map and the
// pictures drawn at build label the map from.
import { LABEL_LANGUAGES, PLACE_LABEL_KINDS, labelProblem } from '../../src/lib/labels/entries.js';

/**
 * Sort keys: lower is placed first, so it wins when two labels compete for room. Countries
 * orient the reader before anything else; the states the story names before the others.
 */
const RANK = { country: 1, sea: 2, namedState: 3, state: 4, place: 5 };

/** Zooms at which a state the story does not name is labelled: from there on its name fits in it. */
const STATE_MINZOOM = 5;

/** @typedef {[number, number]} Pos */

/**
 * @param {{ labels: any, gazetteer: any[], statesSource: any, states: any, countries: any }} inputs
 *   labels: geo/labels.json; gazetteer: geo/gazetteer.json; statesSource: the Natural Earth admin-1
 *   FeatureCollection (its `latitude`/`longitude` are label points); states, countries: the built
 *   polygons (their ids are the ids labels.json uses).
 * @returns {any} a FeatureCollection of Point features
 */
export function buildLabels({ labels, gazetteer, statesSource, states, countries }) {
	const fail = (/** @type {string} */ field, /** @type {string} */ message) => {
		throw new Error(`geo/labels.json: ${field}: ${message}`);
	};
	const problem = labelProblem(labels, {
		gazetteer,
		regions: new Set([...states.features, ...countries.features].map((/** @type {any} */ f) => f.properties.id))
	});
	if (problem) fail(problem.field, problem.message);

	/** @type {any[]} */
	const features = [];
	/**
	 * @param {string} ref @param {string} kind @param {Record<string, string>} names
	 * @param {Pos} point @param {number} rank @param {{ minzoom?: number, maxzoom?: number, anchor?: string }} [extra]
	 */
	const add = (ref, kind, names, point, rank, extra = {}) => {
		const n = features.filter((f) => f.properties.ref === ref).length;
		features.push({
			type: 'Feature',
			properties: {
				id: n ? `${ref}~${n + 1}` : ref,
				ref,
				kind,
				...Object.fromEntries(LABEL_LANGUAGES.map((lang) => [`name_${lang}`, names[lang]])),
				rank,
				minzoom: extra.minzoom ?? 0,
				maxzoom: extra.maxzoom ?? 24,
				...(extra.anchor && { anchor: extra.anchor })
			},
			geometry: { type: 'Point', coordinates: point }
		});
	};

	const named = new Set(gazetteer.filter((p) => p.kind === 'state').map((p) => p.within));
	for (const [id, entry] of Object.entries(labels.regions)) {
		if (!countries.features.some((/** @type {any} */ f) => f.properties.id === id) || entry.skip) continue;
		for (const at of entry.at) add(id, 'country', entry, at.point, RANK.country, at);
	}
	// States in the order of states.geojson, at Natural Earth's label points unless labels.json places them.
	const sourcePoints = new Map(
		statesSource.features
			.filter((/** @type {any} */ f) => f.properties.name != null)
			.map((/** @type {any} */ f) => [f.properties.name.normalize('NFC'), [f.properties.longitude, f.properties.latitude]])
	);
	for (const state of states.features) {
		const { id, name, former_name: formerName } = state.properties;
		const entry = labels.regions[id] ?? {};
		if (entry.skip) continue;
		const point = /** @type {Pos} */ (entry.at?.[0]?.point ?? sourcePoints.get(formerName ?? name));
		if (!point) fail(`regions.${id}`, `Natural Earth gives no label point for ${name}: add "at"`);
		const names = Object.fromEntries(LABEL_LANGUAGES.map((lang) => [lang, entry[lang] ?? name]));
		const isNamed = named.has(id);
		add(id, 'state', names, point, isNamed ? RANK.namedState : RANK.state, isNamed ? {} : { minzoom: STATE_MINZOOM });
	}
	for (const sea of labels.seas) for (const at of sea.at) add(sea.id, 'sea', sea, at.point, RANK.sea, at);
	for (const place of gazetteer) {
		if (!PLACE_LABEL_KINDS.includes(place.kind)) continue;
		const entry = labels.places[place.id];
		add(place.id, place.kind, entry, place.coordinates, RANK.place, { anchor: entry.anchor });
	}
	return { type: 'FeatureCollection', features };
}
