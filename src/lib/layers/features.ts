import type { FeatureCollection } from 'geojson';
import { getIssues } from '@placemarkio/check-geojson';
import { ContentError } from '$lib/content/errors';
import { dateProblem } from '$lib/content/dates';
import { SLUG } from '$lib/content/schema';

/** What every feature of a thematic layer carries, so the map can say what it is and why. */
export interface FeatureProps {
	/** Unique across all layers; chapters highlight features by it. */
	id: string;
	/** The registry layer it belongs to. */
	layer: string;
	/** Short label. */
	name: string;
	/** The program or policy it belongs to ("Programa Frontera Sur"). */
	program: string;
	/** ISO date (YYYY, YYYY-MM or YYYY-MM-DD). */
	start: string;
	/** ISO date, or null while it is still in force. */
	end: string | null;
	/** One line, in our words. */
	summary: string;
	/** Ids of the passages that support it: at least one. */
	passages: string[];
}

/**
 * Parses and checks a layer's GeoJSON text: valid GeoJSON (placemark's check), a
 * FeatureCollection, and every feature with the properties above, citing passages that exist.
 */
export function parseLayerFile(
	text: string,
	file: string,
	layer: { id: string; kind: 'thematic' | 'reference' },
	passageIds: ReadonlySet<string>
): FeatureCollection {
	const issues = getIssues(text);
	if (issues.length) throw new ContentError(file, '(GeoJSON)', `is not valid GeoJSON: ${issues.slice(0, 3).map((i) => i.message).join('; ')}`);
	const data = JSON.parse(text) as FeatureCollection;
	if (data.type !== 'FeatureCollection') throw new ContentError(file, 'type', 'must be a FeatureCollection');
	data.features.forEach((feature, i) => {
		const id = feature.properties?.id;
		if (typeof id !== 'string' || !SLUG.test(id)) throw new ContentError(file, `features[${i}].properties.id`, 'must be lower-case words joined by hyphens');
	});
	if (layer.kind === 'reference') return data;
	data.features.forEach((feature, i) => {
		const at = (field: string) => `features[${i}].properties.${field}`;
		const p = (feature.properties ?? {}) as Record<string, unknown>;
		const text = (field: string) => {
			const v = p[field];
			if (typeof v !== 'string' || !v.trim()) throw new ContentError(file, at(field), 'must be non-empty text');
			return v;
		};
		if (text('layer') !== layer.id) throw new ContentError(file, at('layer'), `"${p.layer}" does not match the layer "${layer.id}"`);
		text('name');
		text('program');
		text('summary');
		const startProblem = dateProblem(text('start'));
		if (startProblem) throw new ContentError(file, at('start'), startProblem);
		if (p.end !== null) {
			const endProblem = dateProblem(text('end'));
			if (endProblem) throw new ContentError(file, at('end'), endProblem);
			if ((p.end as string) < (p.start as string)) throw new ContentError(file, at('end'), `ends (${p.end}) before it starts (${p.start})`);
		}
		const passages = p.passages;
		if (!Array.isArray(passages) || passages.length === 0)
			throw new ContentError(file, at('passages'), `feature "${p.id}" has no supporting passage`);
		passages.forEach((id, j) => {
			if (typeof id !== 'string' || !passageIds.has(id))
				throw new ContentError(file, `${at('passages')}[${j}]`, `unknown passage "${String(id)}"`);
		});
	});
	return data;
}
