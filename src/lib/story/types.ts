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
	kind: string;
	coordinates: [number, number];
	within: string;
}

export interface StoryData {
	chapters: ChapterView[];
	places: PlaceView[];
}
