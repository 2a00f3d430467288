import type { Feature, Geometry } from 'geojson';
import { point } from '@turf/turf';
import type { Basis } from '$lib/content/basis';
import type { Bbox } from '$lib/content/schema';
import type { Place, PlaceKind } from '$lib/geo/gazetteer';
import { labelRef } from '$lib/labels/labels';
import type { MapView } from '$lib/map/types';
import type { Story } from '$lib/story/build';
import { placeHref } from '$lib/story/render';
import { exploreHref } from '$lib/url/query';
import { frame, inBox, overlaps, pointIn } from './geometry';
import type { SourceNaming } from './matching';
import type { ChapterLink, ThemeFeature } from './programs';

/** The kinds of place, largest first, with the headings of their groups. */
export const KINDS: readonly { kind: PlaceKind; label: string; title: string }[] = [
	{ kind: 'country', label: 'country', title: 'Countries' },
	{ kind: 'state', label: 'state', title: 'States' },
	{ kind: 'region', label: 'region', title: 'Regions' },
	{ kind: 'city', label: 'city', title: 'Cities' },
	{ kind: 'town', label: 'town', title: 'Towns' },
	{ kind: 'crossing', label: 'border crossing', title: 'Border crossings' },
	{ kind: 'shelter', label: 'shelter', title: 'Shelters' }
];
export const kindLabel = (kind: PlaceKind) => KINDS.find((k) => k.kind === kind)?.label ?? kind;

export interface PlaceSummary {
	id: string;
	name: string;
	kind: string;
	/** How many paragraphs of the sources name it. */
	passages: number;
}

export interface PlaceGroup {
	kind: string;
	title: string;
	places: PlaceSummary[];
}

/** A map feature in or at a place. */
export interface FeatureAt {
	id: string;
	name: string;
	theme: string;
	/** "placed at it", "covers it", "in it", "covers part of it" */
	how: string;
}

export interface PlacePage {
	id: string;
	name: string;
	aliases: string[];
	kind: string;
	/** Where its location comes from: the gazetteer's line, verbatim, after the mark of its basis. */
	location: string;
	basis: Basis;
	/** The state or country it lies in, when that is not the place itself. */
	within?: string;
	bounds: Bbox;
	view: MapView;
	/** The features its still map draws: those in or at it, but national measures (all of Mexico). */
	mapFeatures: string[];
	/** The chapters that name or highlight it. */
	chapters: ChapterLink[];
	/** The chapters whose map's frame takes it in without naming or highlighting it. */
	framedIn: ChapterLink[];
	/** The story opened on the live map with the place selected, where the live map knows it. */
	explore?: string;
	/** The paragraphs of each source that name it. */
	sources: SourceNaming[];
	features: FeatureAt[];
}

/** States and countries are areas on the map; every other place is a point. */
export const isRegion = (p: Place) => p.kind === 'state' || p.kind === 'country';

/** The places grouped by kind, for /places/. */
export function placeGroups(gazetteer: readonly Place[], namings: ReadonlyMap<string, SourceNaming[]>): PlaceGroup[] {
	return KINDS.map(({ kind, title }) => ({
		kind,
		title,
		places: gazetteer
			.filter((p) => p.kind === kind)
			.map((p) => ({ id: p.id, name: p.name, kind: kindLabel(p.kind), passages: (namings.get(p.id) ?? []).reduce((n, s) => n + s.passages.length, 0) }))
	})).filter((g) => g.places.length);
}

/**
 * The chapters that show a place: those that name it (in their map's places or their text) or
 * highlight it, and apart, those whose camera frame merely takes it in. A chapter about all of
 * Mexico frames every state without being about any of them.
 */
export function chaptersFor(story: Story, place: Place): { chapters: ChapterLink[]; framedIn: ChapterLink[] } {
	const chapters: ChapterLink[] = [];
	const framedIn: ChapterLink[] = [];
	const link = `href="${placeHref(place.id)}"`;
	for (const { slug, title, view, html } of story.chapters) {
		const how = view.highlight.includes(place.id)
			? 'highlighted on its map'
			: view.places.includes(place.id)
				? 'one of the places its map is framed on'
				: html.includes(link)
					? 'named in its text'
					: undefined;
		if (how) chapters.push({ slug, title, how });
		else if (inBox(place.coordinates, view.bounds)) framedIn.push({ slug, title, how: 'inside its map’s frame' });
	}
	return { chapters, framedIn };
}

/**
 * The thematic features in or at a place: placed at it; for a point, an area that covers it;
 * for a state or a country, a point inside it, or an area that covers it or part of it.
 */
export function featuresAt(place: Place, region: Feature<Geometry> | undefined, features: readonly ThemeFeature[]): FeatureAt[] {
	return features.flatMap(({ feature, props, theme }) => {
		const at = (how: string) => [{ id: props.id, name: props.name, theme, how }];
		if (props.place === place.id) return at('placed at it');
		if (region) {
			if (feature.geometry.type === 'Point') return pointIn(feature.geometry.coordinates as [number, number], region) ? at('in it') : [];
			if (pointIn(place.coordinates, feature) && overlaps(feature, region)) return at('covers it');
			return overlaps(feature, region) ? at('covers part of it') : [];
		}
		return pointIn(place.coordinates, feature) ? at('covers it') : [];
	});
}

export function placePage(
	story: Story,
	place: Place,
	regions: ReadonlyMap<string, Feature<Geometry>>,
	features: readonly ThemeFeature[],
	namings: ReadonlyMap<string, SourceNaming[]>
): PlacePage {
	const region = isRegion(place) ? regions.get(place.within) : undefined;
	const bounds = frame([region ?? (point(place.coordinates) as Feature<Geometry>)]);
	const at = featuresAt(place, region, features);
	const drawn = features.filter((f) => f.props.scope !== 'national' && at.some((x) => x.id === f.props.id));
	const layers = [...new Set(drawn.map((f) => f.props.layer))];
	const page: PlacePage = {
		id: place.id,
		name: place.name,
		aliases: place.aliases,
		kind: kindLabel(place.kind),
		location: place.location,
		basis: place.basis,
		bounds,
		view: { bounds, maxZoom: 8, layers: ['borders', ...layers], highlight: [place.id], places: [place.id], labels: { highlight: [labelRef(place)], shown: [] } },
		mapFeatures: drawn.map((f) => f.props.id),
		...chaptersFor(story, place),
		sources: namings.get(place.id) ?? [],
		features: at
	};
	if (story.places.some((p) => p.id === place.id)) {
		const about = page.chapters.find((c) => c.how === 'highlighted on its map') ?? page.chapters[0];
		page.explore = exploreHref(place.id, about?.slug);
	}
	const within = regions.get(place.within)?.properties?.name;
	if (!region && typeof within === 'string') page.within = within;
	return page;
}
