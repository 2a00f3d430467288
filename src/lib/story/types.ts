import type { FeatureProps } from '$lib/layers/features';
import type { Bbox } from '$lib/content/schema';

/** The complete map state of a chapter: applying it never depends on the chapter before. */
export interface MapView {
	bounds: Bbox;
	maxZoom: number;
	/** Thematic layers visible. */
	layers: string[];
	/** Place and feature ids drawn with emphasis. */
	highlight: string[];
	/** Places labelled on the map. */
	places: string[];
}

export interface NoteView {
	number: number;
	passage: string;
	source: string;
	href: string;
	/** "Outlet, date" */
	attribution: string;
	sourceTitle: string;
}

export interface ChapterView {
	index: number;
	slug: string;
	title: string;
	when: { from: string; to: string | null; label: string };
	html: string;
	notes: NoteView[];
	mapText: string;
	description: string;
	view: MapView;
}

/** A gazetteer entry as the browser needs it: enough to draw a labelled marker. */
export interface PlaceView {
	id: string;
	name: string;
	/** What the map label says: a short form of the name where it is long. */
	label: string;
	kind: string;
	coordinates: [number, number];
	within: string;
}

/** A thematic map feature, as the explore panel shows it: its checked properties and extras. */
export interface FeatureInfo extends FeatureProps {
	/** Figures the sources give, in their words ("78,733 in 2013"). */
	figures?: string;
	/** "rejected", "suspended", "reinstated"… */
	status?: string;
}

/** A passage as the browser shows it outside the chapter text. */
export interface PassageView {
	id: string;
	source: string;
	/** The words, whitespace collapsed; rendered as text, never as HTML. */
	text: string;
	href: string;
	/** "Outlet, date" */
	attribution: string;
	speaker?: string;
	/** Our editor's note on the passage, shown marked as ours. */
	note?: string;
}

export interface StoryData {
	chapters: ChapterView[];
	places: PlaceView[];
	features: FeatureInfo[];
	/** Passages the map features cite, by id. */
	passages: Record<string, PassageView>;
	sources: SourceLink[];
}

export interface SourceLink {
	id: string;
	title: string;
	outlet: string | null;
	dateLabel: string;
	authors: string[];
}
