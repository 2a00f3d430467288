// The checks on a thematic map feature's properties, in one place: geo/build.js runs them on
// geo/themes.json before it writes a layer, and the site build runs them again on the written
// GeoJSON (src/lib/layers/features.ts), where it also checks that the cited passages exist.
// Plain JavaScript (typed with JSDoc) so that the geo script imports it as it is.
import { dateProblem, isBefore, SLUG } from '../content/dates.js';
import layerList from './layers.json' with { type: 'json' };

/** Ids of the thematic layers, in drawing order. */
export const THEMATIC_LAYERS = layerList.layers.filter((l) => l.kind === 'thematic').map((l) => l.id);

/**
 * A start or end the sources do not give. The map and the pages say "not given by the
 * sources"; a date is never invented.
 */
export const UNKNOWN_DATE = 'unknown';

/**
 * The first problem of a thematic feature's properties, as [field, message], or null.
 * `end` is null while a measure is, as far as the sources say, still in force.
 * @param {Record<string, unknown>} p
 * @returns {[field: string, message: string] | null}
 */
export function featureProblem(p) {
	if (typeof p.id !== 'string' || !SLUG.test(p.id)) return ['id', 'must be lower-case words joined by hyphens'];
	if (typeof p.layer !== 'string' || !THEMATIC_LAYERS.includes(p.layer))
		return ['layer', `"${String(p.layer)}" is not a thematic layer (one of ${THEMATIC_LAYERS.join(', ')})`];
	for (const field of ['name', 'program', 'summary'])
		if (typeof p[field] !== 'string' || !(/** @type {string} */ (p[field])).trim()) return [field, 'must be non-empty text'];
	const start = p.start;
	if (typeof start !== 'string') return ['start', `must be a date (YYYY, YYYY-MM or YYYY-MM-DD) or "${UNKNOWN_DATE}"`];
	if (start !== UNKNOWN_DATE) {
		const problem = dateProblem(start);
		if (problem) return ['start', `${problem}, or "${UNKNOWN_DATE}" when the sources do not give it`];
	}
	const end = p.end;
	if (end !== null) {
		if (typeof end !== 'string') return ['end', `must be a date, null (still in force) or "${UNKNOWN_DATE}"`];
		if (end !== UNKNOWN_DATE) {
			const problem = dateProblem(end);
			if (problem) return ['end', `${problem}, null (still in force) or "${UNKNOWN_DATE}"`];
			if (start !== UNKNOWN_DATE && isBefore(end, start)) return ['end', `ends (${end}) before it starts (${start})`];
		}
	}
	if (p.dateBasis !== undefined && (typeof p.dateBasis !== 'string' || !p.dateBasis.trim())) return ['dateBasis', 'must be non-empty text, or left out'];
	const passages = p.passages;
	if (!Array.isArray(passages) || passages.length === 0) return ['passages', `feature "${p.id}" cites no supporting passage`];
	const bad = passages.findIndex((id) => typeof id !== 'string' || !SLUG.test(id));
	if (bad >= 0) return [`passages[${bad}]`, 'must be a passage id'];
	return null;
}
