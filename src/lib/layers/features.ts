import type { FeatureCollection } from 'geojson';
import { getIssues } from '@placemarkio/check-geojson';
import { ContentError } from '$lib/content/errors';
import { SLUG } from '$lib/content/dates';
import { featureProblem } from './props';

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
	/** ISO date (YYYY, YYYY-MM or YYYY-MM-DD), or "unknown" when the sources do not give it. */
	start: string;
	/** ISO date, null while it is still in force, or "unknown" when the sources do not give it. */
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
		const p = (feature.properties ?? {}) as Record<string, unknown>;
		const at = (field: string) => `features[${i}].properties.${field}`;
		const problem = featureProblem(p);
		if (problem) throw new ContentError(file, at(problem[0]), problem[1]);
		if (p.layer !== layer.id) throw new ContentError(file, at('layer'), `"${p.layer}" does not match the layer "${layer.id}"`);
		(p.passages as string[]).forEach((id, j) => {
			if (!passageIds.has(id)) throw new ContentError(file, `${at('passages')}[${j}]`, `unknown passage "${id}"`);
		});
	});
	return data;
}
