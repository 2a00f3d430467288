/**
 * What a chapter's map shows must rest on what the chapter cites ("Honesty of the story" in the
 * design notes): a reader takes a place framed, labelled or highlighted beside the text for a
 * place the text's sources speak of. So every place the chapter shows is named by a passage it
 * cites (the gazetteer's names and aliases, found as the place pages find them), or its mapText
 * says why the map shows it, in a sentence that names the place and carries the general-knowledge
 * mark; every thematic feature it highlights has one of its own passages cited by the chapter;
 * and every layer drawn from general knowledge (the schematic route) is named in a mapText
 * sentence that carries the mark, so the caption, the share card and the screen reader say so.
 */
import { BASIS_MARK } from '$lib/content/basis';
import type { ChapterMeta } from '$lib/content/schema';
import { sentencesOf } from '$lib/content/text';
import { foldName, type PlaceMatcher } from '$lib/geo/names';

/** What the check reads of the story's places, features and layers. */
export interface ShownContext {
	/** Gazetteer place id → what the check needs of it. */
	places: ReadonlyMap<string, { name: string }>;
	/** Finds the gazetteer places a text names (geo/names.ts). */
	names: PlaceMatcher;
	/** Thematic feature id → the passages it cites, and the gazetteer place it stands at. */
	themeFeatures: ReadonlyMap<string, { passages: readonly string[]; place?: string }>;
	/** Layers drawn from general knowledge: id → title ("Route north"). */
	generalLayers: ReadonlyMap<string, string>;
}

const MARK = foldName(BASIS_MARK.general);

/**
 * The places, features and layers `meta` shows without support, as [field, message]. `cited`
 * are the passages the chapter cites: their ids and exact words.
 */
export function checkShown(meta: ChapterMeta, cited: readonly { id: string; exact: string }[], ctx: ShownContext): [field: string, message: string][] {
	const problems: [string, string][] = [];
	const named = new Set(cited.flatMap((p) => ctx.names(p.exact).map((m) => m.place)));
	const citedIds = new Set(cited.map((p) => p.id));
	const marked = sentencesOf(meta.mapText).filter((s) => foldName(s).includes(MARK));
	const explained = (id: string) => marked.some((s) => ctx.names(s).some((m) => m.place === id));

	// Places framed and labelled (places), highlighted, or drawn as a highlighted feature's point.
	const shown = new Map<string, { field: string; via?: string }>();
	meta.places.forEach((id, i) => shown.set(id, { field: `places[${i}]` }));
	meta.highlight.forEach((id, i) => {
		const place = ctx.places.has(id) ? id : ctx.themeFeatures.get(id)?.place;
		if (place && !shown.has(place)) shown.set(place, { field: `highlight[${i}]`, ...(place !== id && { via: id }) });
	});
	for (const [id, { field, via }] of shown) {
		if (named.has(id) || explained(id)) continue;
		const name = ctx.places.get(id)?.name ?? id;
		const what = via ? `"${via}" stands at ${id} (${name}), which` : `"${id}" (${name})`;
		problems.push([
			field,
			`${what} is named in no passage the chapter cites; cite one that names it, or say in mapText why the map shows it, in a sentence that names ${name} and marks it "${BASIS_MARK.general}"`
		]);
	}

	meta.highlight.forEach((id, i) => {
		const feature = ctx.themeFeatures.get(id);
		if (feature && !feature.passages.some((p) => citedIds.has(p)))
			problems.push([`highlight[${i}]`, `"${id}" rests on passages the chapter does not cite (${feature.passages.join(', ')}); cite one of them where the text speaks of it`]);
	});

	meta.layers.forEach((id, i) => {
		const title = ctx.generalLayers.get(id);
		if (title && !marked.some((s) => foldName(s).includes(foldName(title))))
			problems.push([
				`layers[${i}]`,
				`"${id}" is drawn from ${BASIS_MARK.general}; say so in mapText, in a sentence that names the ${title.toLowerCase()} and marks it "${BASIS_MARK.general}"`
			]);
	});
	return problems;
}
