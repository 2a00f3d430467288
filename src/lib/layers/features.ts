import type { FeatureCollection } from 'geojson';
import { getIssues } from '@placemarkio/check-geojson';
import { ContentError } from '$lib/content/errors';
import { SLUG, yearMissing } from '$lib/content/dates';
import type { Basis } from '$lib/content/basis';
import { featureProblem, UNKNOWN_DATE } from './props';

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
	/** How a date is inferred, where its year is in none of the passages. */
	dateBasis?: string;
}

/**
 * Where the shape a feature is drawn with comes from, by how geo/build.js derived it (its
 * `scope`): the country or the states the sources name are theirs; a band along a border is
 * ours, since they name the border area and we chose its width; a point is where the gazetteer
 * puts its place, with that place's basis.
 */
export function extentBasis(scope: unknown, place?: { basis: Basis }): Basis {
	if (scope === 'zone') return 'ours';
	if (scope === 'place') return place?.basis ?? 'general';
	return 'sourced';
}

/**
 * Every date a feature gives must come from its sources: the year of its start and its end
 * appears in one of its passages, or the feature says in `dateBasis` how the date is inferred.
 * Dates the sources do not give are "unknown", never invented.
 */
export function checkFeatureDates(collection: FeatureCollection, file: string, passageText: (id: string) => string | undefined): void {
	collection.features.forEach((feature, i) => {
		const p = feature.properties as FeatureProps;
		if (p.dateBasis) return;
		const texts = p.passages.map(passageText).join('\n');
		for (const field of ['start', 'end'] as const) {
			const value = p[field];
			if (value === null || value === UNKNOWN_DATE) continue;
			const year = yearMissing([value], texts);
			if (year)
				throw new ContentError(
					file,
					`features[${i}].properties.${field}`,
					`feature "${p.id}": ${year} is in none of its passages; cite one that gives it, write "${UNKNOWN_DATE}" if the sources do not, or say in dateBasis how it is inferred`
				);
		}
	});
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
	if (issues.length) throw invalidGeoJson(text, file, issues);
	const data = JSON.parse(text) as FeatureCollection;
	if (data.type !== 'FeatureCollection') throw new ContentError(file, 'type', 'must be a FeatureCollection');
	const named = (i: number) => (typeof data.features[i]?.properties?.id === 'string' ? `feature "${data.features[i]!.properties!.id}": ` : '');
	data.features.forEach((feature, i) => {
		const id = feature.properties?.id;
		if (typeof id !== 'string' || !SLUG.test(id))
			throw new ContentError(file, `features[${i}].properties.id`, `${named(i)}must be lower-case words joined by hyphens`);
	});
	if (layer.kind === 'reference') return data;
	data.features.forEach((feature, i) => {
		const p = (feature.properties ?? {}) as Record<string, unknown>;
		const at = (field: string) => `features[${i}].properties.${field}`;
		const problem = featureProblem(p);
		if (problem) throw new ContentError(file, at(problem[0]), `${named(i)}${problem[1]}`);
		if (p.layer !== layer.id) throw new ContentError(file, at('layer'), `${named(i)}"${p.layer}" does not match the layer "${layer.id}"`);
		(p.passages as string[]).forEach((id, j) => {
			if (!passageIds.has(id)) throw new ContentError(file, `${at('passages')}[${j}]`, `${named(i)}unknown passage "${id}"`);
		});
	});
	return data;
}

/**
 * Names where invalid GeoJSON goes wrong: the JSON position when it does not parse, else the
 * first feature (index and id) that placemark's check finds at fault.
 */
function invalidGeoJson(text: string, file: string, issues: { message: string }[]): ContentError {
	let data: { features?: unknown[] };
	try {
		data = JSON.parse(text) as { features?: unknown[] };
	} catch (error) {
		return new ContentError(file, '(JSON)', `is not valid JSON: ${(error as Error).message}; run npm run geo to write it again`);
	}
	const features = Array.isArray(data.features) ? data.features : [];
	for (const [i, feature] of features.entries()) {
		const own = getIssues(JSON.stringify({ type: 'FeatureCollection', features: [feature] }));
		if (own.length) {
			const id = (feature as { properties?: { id?: unknown } })?.properties?.id;
			const named = typeof id === 'string' ? `feature "${id}": ` : '';
			return new ContentError(file, `features[${i}].geometry`, `${named}is not valid GeoJSON: ${own.slice(0, 3).map((x) => x.message).join('; ')}`);
		}
	}
	return new ContentError(file, '(GeoJSON)', `is not valid GeoJSON: ${issues.slice(0, 3).map((x) => x.message).join('; ')}`);
}
