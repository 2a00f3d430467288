// The map's public contract: attributes on its container that the browser tests, the bench and
// the bench's floor page read to know what the map is doing. Plain JavaScript so that the bench
// imports it as it is. The map's state owner (state.svelte.ts) is their only writer.

/** The element that carries the attributes: the container MapLibre draws into. */
export const MAP_CONTAINER = '.map-canvas';

/**
 * The Element Timing identifier of the map picture shown at first paint (MapPicture.svelte): the
 * bench times it, and the engine waits for it before it starts (start.ts).
 */
export const MAP_PICTURE_TIMING = 'map-picture';

export const MAP_ATTRIBUTES = /** @type {const} */ ({
	/** waiting → loading → ready | unsupported (no WebGL2) | failed */
	status: 'data-map-status',
	/** "true" once the map has finished drawing the current view. */
	idle: 'data-map-idle',
	/** The key (a chapter slug) of the view the map last finished drawing. */
	drawn: 'data-map-drawn',
	/** Camera moves since the map was created: one per chapter change, none for a layer toggle. */
	moves: 'data-camera-moves',
	/** Milliseconds of the last camera move: 0 when motion is reduced or the move was a re-frame, -1 before the first move. */
	duration: 'data-camera-duration',
	/** Layer visibility changes applied since the map was created: none when the layers stay the same. */
	layerWrites: 'data-layer-writes',
	/** The visible extent after the last camera move, as west,south,east,north in degrees. */
	extent: 'data-map-extent',
	/** Where the framed area (a chapter's bounds, a selected feature) lies after the last move, as left,top,right,bottom in CSS pixels of the container. */
	frame: 'data-map-frame',
	/**
	 * The names the map wrote in the view it last finished drawing (those MapLibre placed, not the
	 * ones left out for want of room), space-separated, each as `label-id@x,y/side`: its feature in
	 * geo/labels.geojson, where its point lies, in CSS pixels of the container, and the side of the
	 * point it is written on (left, right, top, bottom, center: see src/lib/labels/layout.ts). A `!`
	 * before the id marks a highlighted name.
	 */
	labels: 'data-map-labels'
});
