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

/** A feature on the map: its id and the source (registry layer, or "states") it is drawn from. */
export interface FeatureRef {
	id: string;
	layer: string;
}

/** waiting → loading → ready | unsupported (no WebGL2) | failed */
export type MapStatus = 'waiting' | 'loading' | 'ready' | 'unsupported' | 'failed';
