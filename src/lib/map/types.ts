import type { Bbox } from '$lib/content/schema';
import type { LabelSets } from '$lib/labels/style';
import type { Side } from '$lib/labels/layout';

/** The complete map state of a chapter: applying it never depends on the chapter before. */
export interface MapView {
	bounds: Bbox;
	maxZoom: number;
	/** Thematic layers visible. */
	layers: string[];
	/** Place and feature ids drawn with emphasis. */
	highlight: string[];
	/** Places the chapter shows (they frame its camera when it gives no bounds). */
	places: string[];
	/** The names the map writes beyond its base labels: highlighted, and shown or named by the text. */
	labels: LabelSets;
}

/** A gazetteer entry as the browser needs it: to select and frame it, and name it in lists. */
export interface PlaceView {
	id: string;
	name: string;
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

/** A name the map has written: its label feature (labels.geojson), and where its point lies on the canvas, in CSS pixels. */
export interface RenderedLabel {
	id: string;
	ref: string;
	highlighted: boolean;
	/** The side of its point it is written on. */
	side: Side;
	x: number;
	y: number;
}
