import type { Feature, Geometry } from 'geojson';
import type { Bbox } from '$lib/content/schema';
import type { Place } from '$lib/geo/gazetteer';
import type { Basis } from '$lib/content/basis';
import { extentBasis, type FeatureProps } from '$lib/layers/features';
import { featurePeriod } from '$lib/layers/period';
import { LAYERS } from '$lib/layers/registry';
import type { MapView } from '$lib/map/types';
import { attribution } from '$lib/sources/corpus';
import { passageHref } from '$lib/sources/passages';
import type { Story } from '$lib/story/build';
import type { PassageView } from '$lib/story/types';
import { exploreHref } from '$lib/url/query';
import { boxesMeet, frame } from './geometry';
import { bbox } from '@turf/turf';

/** A thematic map feature with what the registry says about it. */
export interface ThemeFeature {
	feature: Feature<Geometry>;
	props: FeatureProps & { figures?: string; status?: string; place?: string; extent?: string; scope?: string };
	/** The layer's title: its theme. */
	theme: string;
}

/** Every feature of the thematic layers, in the registry's order. */
export function themeFeatures(story: Story): ThemeFeature[] {
	return LAYERS.filter((l) => l.kind === 'thematic').flatMap((l) =>
		(story.features.get(l.id)?.features ?? []).map((f) => ({ feature: f as Feature<Geometry>, props: f.properties as ThemeFeature['props'], theme: l.title }))
	);
}

export interface ChapterLink {
	slug: string;
	title: string;
	/** How the chapter shows it, generated from the chapter's map state. */
	how: string;
}

export interface ProgramSummary {
	id: string;
	name: string;
	/** Dates in words ("2014 – no end given by the sources (latest source: 17 January 2022)"). */
	period: string;
	status?: string;
}

export interface ProgramGroup {
	layer: string;
	title: string;
	programs: ProgramSummary[];
}

export interface ProgramPage {
	id: string;
	name: string;
	program: string;
	layer: string;
	theme: string;
	period: string;
	dateBasis?: string;
	status?: string;
	summary: string;
	figures?: string;
	/** What the shape on the map is and where it comes from (geo/build.js writes it). */
	extent?: string;
	/** Whether that shape is the sources', ours (a band of our width) or general knowledge (a place's location). */
	extentBasis: Basis;
	/** The gazetteer place a feature placed at a place stands at. */
	place?: { id: string; name: string };
	bounds: Bbox;
	/** The still map's view: the feature's layer, the feature highlighted. */
	view: MapView;
	passages: PassageView[];
	chapters: ChapterLink[];
	/** The story opened on the live map with the feature selected. */
	explore: string;
}

const summary = ({ props }: ThemeFeature, latest: string): ProgramSummary => {
	const out: ProgramSummary = { id: props.id, name: props.name, period: featurePeriod(props, latest) };
	if (props.status) out.status = props.status;
	return out;
};

/** The features grouped by theme, for /programs/. */
export function programGroups(features: ThemeFeature[], latest: string): ProgramGroup[] {
	return LAYERS.filter((l) => l.kind === 'thematic').map((l) => ({
		layer: l.id,
		title: l.title,
		programs: features.filter((f) => f.props.layer === l.id).map((f) => summary(f, latest))
	}));
}

/** A passage as the explorer shows it: the words, who says them, where, and our note on them. */
export function passageView(story: Story, id: string): PassageView {
	const passage = story.passages.get(id)!;
	const source = story.sources.find((s) => s.id === passage.source)!;
	const view: PassageView = { id, source: source.id, text: passage.exact.replace(/\s+/g, ' '), href: passageHref(passage), attribution: attribution(source) };
	if (passage.speaker) view.speaker = passage.speaker;
	if (passage.note) view.note = passage.note;
	return view;
}

/** The chapters that show a feature: they highlight it, or show its layer with a frame that meets it. */
export function chaptersShowing(story: Story, f: ThemeFeature): ChapterLink[] {
	const box = bbox(f.feature) as Bbox;
	return story.chapters.flatMap(({ slug, title, view }) => {
		if (view.highlight.includes(f.props.id)) return [{ slug, title, how: 'highlighted on its map' }];
		if (view.layers.includes(f.props.layer) && boxesMeet(view.bounds, box)) return [{ slug, title, how: `its map shows the ${f.theme.toLowerCase()} layer` }];
		return [];
	});
}

export function programPage(story: Story, f: ThemeFeature, places: ReadonlyMap<string, Place>): ProgramPage {
	const { props } = f;
	const bounds = frame([f.feature]);
	const chapters = chaptersShowing(story, f);
	const page: ProgramPage = {
		id: props.id,
		name: props.name,
		program: props.program,
		layer: props.layer,
		theme: f.theme,
		period: featurePeriod(props, story.latestSource),
		summary: props.summary,
		extentBasis: extentBasis(props.scope, props.place ? places.get(props.place) : undefined),
		bounds,
		view: {
			bounds,
			maxZoom: 8,
			layers: ['borders', props.layer],
			highlight: [props.id],
			places: props.place ? [props.place] : [],
			labels: { highlight: [], shown: props.place ? [props.place] : [] }
		},
		passages: props.passages.map((id) => passageView(story, id)),
		chapters,
		explore: exploreHref(props.id, (chapters.find((c) => c.how === 'highlighted on its map') ?? chapters[0])?.slug)
	};
	for (const key of ['dateBasis', 'status', 'figures', 'extent'] as const) if (props[key]) page[key] = props[key];
	const place = props.place ? places.get(props.place) : undefined;
	if (place) page.place = { id: place.id, name: place.name };
	return page;
}
