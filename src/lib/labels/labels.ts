import type { FeatureCollection } from 'geojson';
import { ContentError } from '$lib/content/errors';
import type { Place } from '$lib/geo/gazetteer';
import { labelProblem } from './entries.js';
import type { LabelSets } from './style';

/** The label that names a gazetteer place: its state's or country's for regions, its own otherwise. */
export const labelRef = (place: { id: string; kind: string; within: string }) => (place.kind === 'state' || place.kind === 'country' ? place.within : place.id);

/**
 * Checks the map's labels at site build: geo/labels.json as the geo build checks it, and
 * labels.geojson written from it since the last change (a place the map must name has its label).
 */
export function checkLabels(entries: unknown, labels: FeatureCollection, gazetteer: readonly Place[], regions: ReadonlySet<string>): void {
	const problem = labelProblem(entries, { gazetteer: gazetteer as Place[], regions });
	if (problem) throw new ContentError('geo/labels.json', problem.field, problem.message);
	const refs = new Set(labels.features.map((f) => String(f.properties?.ref)));
	for (const place of gazetteer)
		if (!refs.has(labelRef(place))) throw new ContentError('geo/labels.geojson', labelRef(place), `has no label for ${place.name}: run npm run geo`);
}

/**
 * The labels a chapter's map writes beyond the base ones: what it highlights, and the places it
 * shows or its prose names (its text and its map name the same places), those of them that lie in
 * its frame (`inFrame`: a place the prose names a thousand kilometres away is not on its map).
 */
export function chapterLabels(
	view: { highlight: readonly string[]; places: readonly string[] },
	named: readonly string[],
	places: ReadonlyMap<string, Place>,
	inFrame: (place: Place) => boolean = () => true
): LabelSets {
	const ref = (id: string) => {
		const place = places.get(id);
		return place ? labelRef(place) : null;
	};
	const highlight = [...new Set(view.highlight.map(ref).filter((r): r is string => r !== null))];
	const framedNames = named.filter((id) => places.has(id) && inFrame(places.get(id)!));
	const shown = [...new Set([...view.places, ...framedNames].map(ref).filter((r): r is string => r !== null && !highlight.includes(r)))];
	return { highlight, shown };
}

/**
 * A view's labels with the places of the point features on its visible layers named too (the
 * shelters of the refuge layer): every point the map draws carries its name. The same sets when
 * there is nothing to add.
 */
export function withLayerPlaces(sets: LabelSets, features: readonly { layer: string; place?: string }[], layers?: readonly string[]): LabelSets {
	const add = features.filter((f) => f.place && (!layers || layers.includes(f.layer)) && !sets.highlight.includes(f.place) && !sets.shown.includes(f.place)).map((f) => f.place!);
	return add.length ? { highlight: sets.highlight, shown: [...sets.shown, ...new Set(add)] } : sets;
}
