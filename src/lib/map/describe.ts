import type { FeatureInfo } from '$lib/story/types';
import type { PlaceView } from './types';

/**
 * What the map shows now, in words: the caption under its key and the explore panel say it, so
 * they never name what is hidden. Written from the map's state (the layers on, the year chosen,
 * the chapter's highlights), not from the chapter's own description, which says what the
 * chapter's map shows before the reader changes anything.
 */
export interface ShownState {
	/** Layers on now. */
	layers: readonly string[];
	/** The chapter's own layers. */
	chapterLayers: readonly string[];
	/** Ids the chapter highlights: features and places. */
	highlight: readonly string[];
	/** The year chosen, or null for all years. */
	year: number | null;
	/** Features drawn now (the year control may leave some out), or null for all on the layers that are on. */
	only: readonly string[] | null;
}

export interface Words {
	/** Layer titles by id. */
	layers: Record<string, string>;
	features: readonly Pick<FeatureInfo, 'id' | 'name' | 'layer'>[];
	places: readonly Pick<PlaceView, 'id' | 'name'>[];
	/** Joins a list as prose does ("a, b and c"). */
	list: (items: string[]) => string;
}

export interface Description {
	/** "Highlighted: …", or null when nothing highlighted is drawn. */
	highlighted: string | null;
	/** What the chapter's map shows and what is on now, when the reader changed the layers; else null. */
	changed: string | null;
	/** What a chosen year does to the map, or null. */
	year: string | null;
}

/** The names of the highlighted items the map draws now: a feature only while its layer is on (and in force in the year chosen). */
export function drawnHighlights(state: ShownState, words: Words): string[] {
	return state.highlight.flatMap((id) => {
		const feature = words.features.find((f) => f.id === id);
		if (feature) return state.layers.includes(feature.layer) && (!state.only || state.only.includes(id)) ? [feature.name] : [];
		const place = words.places.find((p) => p.id === id);
		return place ? [place.name] : [];
	});
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

export function describeMap(state: ShownState, words: Words): Description {
	const names = drawnHighlights(state, words);
	const titles = (ids: readonly string[]) => ids.map((id) => (words.layers[id] ?? id).toLowerCase());
	const changed = sameSet(state.layers, state.chapterLayers)
		? null
		: `You changed the layers. This chapter’s map shows ${state.chapterLayers.length ? words.list(titles(state.chapterLayers)) : 'no layer'}; on now: ${state.layers.length ? words.list(titles(state.layers)) : 'no layer'}.`;
	return {
		highlighted: names.length ? `Highlighted: ${words.list(names)}.` : null,
		changed,
		year: state.year === null ? null : `Only what was in force in ${state.year} is drawn, with what the sources leave undated.`
	};
}

/** Lists as the story's English writes them: "a, b and c". */
export const englishList = (items: string[]) => new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' }).format(items);
