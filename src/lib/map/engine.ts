// The only module that touches maplibre-gl. It is imported dynamically, once the first screen
// is on screen (start.ts), so MapLibre (most of the page's JavaScript: see npm run bench) is
// never in the way of the text and the map picture.
import { AttributionControl, GPUInitializationError, Map as MapLibreMap, Marker, NavigationControl, prewarm, setWorkerUrl, type ExpressionSpecification, type FilterSpecification, type LngLatBoundsLike } from 'maplibre-gl';
import styleUrl from 'maplibre-gl/dist/maplibre-gl.css?url';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { LAYERS } from '$lib/layers/registry';
import { BASEMAP } from './palette';
import { fitPadding as fitCanvas } from './frame';
import type { Padding } from './state.svelte';
import type { FeatureRef, MapView, PlaceView } from './types';
import { buildStyle } from './style';

setWorkerUrl(workerUrl);

/**
 * MapLibre's stylesheet, linked when the engine loads: imported as a module it would be linked in
 * every story page's head, where it holds up the first paint of the text.
 */
const stylesheet = new Promise<void>((resolve) => {
	const link = document.createElement('link');
	link.rel = 'stylesheet';
	link.href = styleUrl;
	link.onload = link.onerror = () => resolve();
	document.head.append(link);
});
// MapLibre's worker (its script, and its own start) is made as the engine arrives, while the
// stylesheet loads, not once the map is created.
prewarm();

const dataUrls = Object.fromEntries(
	Object.entries(import.meta.glob('/geo/*.geojson', { query: '?url&no-inline', import: 'default', eager: true }) as Record<string, string>).map(
		([path, url]) => [path.replace('/geo/', ''), url]
	)
);


export interface MapController {
	/**
	 * Shows a view's layers, highlights and labels, changing only what differs from the view
	 * shown before. Returns the number of layer visibility changes it made.
	 */
	apply(view: MapView): number;
	/** Moves the camera to frame a view's bounds (or a selected feature's); `duration` 0 jumps. */
	frame(target: Pick<MapView, 'bounds' | 'maxZoom'>, opts: { duration: number; padding: Padding }): void;
	/** Whether a camera move is in progress. */
	isMoving(): boolean;
	/** The visible extent now: [west, south, east, north]. */
	extent(): [number, number, number, number];
	/**
	 * Calls back after every camera move with the visible extent [west, south, east, north] and
	 * where the framed bounds lie on screen [left, top, right, bottom].
	 */
	onMoveEnd(callback: (extent: [number, number, number, number], frame: [number, number, number, number]) => void): void;
	/** Draws only these thematic features (the year control), or all of them (null). */
	showOnly(ids: string[] | null): void;
	/** Calls back when the reader pans or zooms the map themselves. */
	onReaderMove(callback: () => void): void;
	/** Draws a feature as pointed at (explore mode), or none. */
	hover(feature: FeatureRef | null): void;
	/** Explore mode: the reader can pan, zoom and click features. */
	setExplore(on: boolean): void;
	/** Marks one feature as selected (explore mode), or none. */
	select(feature: FeatureRef | null): void;
	/** The accessible name of the map canvas. */
	setLabel(text: string): void;
	/** Resolves once the map has drawn everything it needs for the current view. */
	idle(): Promise<void>;
	destroy(): void;
}

export interface MapOptions {
	places: PlaceView[];
	/** Which layer each thematic feature id belongs to. */
	featureLayers: Record<string, string>;
	initial: MapView;
	/** The padding the first view is framed with. */
	padding: Padding;
	/** Called when the reader clicks a feature in explore mode. */
	onSelect: (feature: FeatureRef | null) => void;
	/** Called when the pointer moves onto a feature or off it, in explore mode. */
	onHover?: (feature: FeatureRef | null) => void;
	/**
	 * Called when the WebGL context is lost (the map is blank until it comes back) and when the
	 * map has been rebuilt after the context was restored (it draws again).
	 */
	onContext?: (state: 'lost' | 'restored') => void;
}

/** Padding that fits the map's container (see frame.ts). */
const fitPadding = (container: HTMLElement, wanted: Padding) => fitCanvas(container.clientWidth, container.clientHeight, wanted);

const HANDLERS = ['dragPan', 'scrollZoom', 'boxZoom', 'dragRotate', 'keyboard', 'doubleClickZoom', 'touchZoomRotate'] as const;

function labelElement(place: PlaceView): HTMLElement {
	const el = document.createElement('div');
	el.className = `map-label map-label--${place.kind}`;
	const dot = document.createElement('span');
	dot.className = 'map-label__dot';
	const name = document.createElement('span');
	name.className = 'map-label__name';
	name.textContent = place.label;
	el.append(dot, name);
	// The map's text description says what is labelled; the labels are visual only.
	el.setAttribute('aria-hidden', 'true');
	return el;
}

/** True for the error of a browser that cannot make a WebGL2 context: the map is unsupported, not broken. */
export const isUnsupported = (error: unknown) => error instanceof GPUInitializationError;

export async function createMap(container: HTMLElement, options: MapOptions): Promise<MapController> {
	await stylesheet;
	const { places, featureLayers, initial } = options;
	// The sea, under the transparent canvas (style.ts has no background layer).
	container.style.backgroundColor = BASEMAP.sea;
	const map = new MapLibreMap({
		container,
		// The style is checked against the style spec by the unit tests, not again in the browser.
		validateStyle: false,
		style: buildStyle(dataUrls, initial.layers),
		bounds: initial.bounds as LngLatBoundsLike,
		fitBoundsOptions: { padding: fitPadding(container, options.padding), maxZoom: initial.maxZoom },
		attributionControl: false,
		fadeDuration: 0,
		dragRotate: false,
		pitchWithRotate: false,
		cooperativeGestures: false
	});
	for (const handler of HANDLERS) map[handler].disable();
	// While the story drives the map, the canvas takes no focus: readers tab through the text.
	map.getCanvas().tabIndex = -1;
	map.addControl(new AttributionControl({ compact: true, customAttribution: 'Natural Earth' }));
	const navigation = new NavigationControl({ showCompass: false });

	const markers = new Map<string, Marker>();
	for (const place of places) {
		if (place.kind === 'state' || place.kind === 'country') continue;
		markers.set(place.id, new Marker({ element: labelElement(place), anchor: 'left', offset: [-6, 0] }).setLngLat(place.coordinates));
	}
	const statesOf = new Map(places.map((p) => [p.id, p.kind === 'state' ? p.within : null]));
	let highlighted: FeatureRef[] = [];
	let selected: FeatureRef | null = null;
	let hovered: FeatureRef | null = null;
	/** Registry layers now visible: a view that keeps them touches no layer. */
	const visibleNow = new Set<string>(initial.layers);
	/** The view shown now: after a lost context it has to be applied again. */
	let current: MapView = initial;
	/** While the WebGL context is lost MapLibre has no style: nothing may be set on it. */
	let contextLost = false;
	let exploring = false;
	const thematicLayerIds = LAYERS.filter((l) => l.kind === 'thematic').flatMap((l) => l.layers.map((s) => s.id));

	function refFor(id: string): FeatureRef | null {
		const state = statesOf.get(id);
		if (state) return { id: state, layer: 'states' };
		const layer = featureLayers[id];
		return layer ? { id, layer } : null;
	}

	/** Marks a feature (feature state) or a labelled place (a class on its marker). */
	function setState(ref: FeatureRef, key: string, value: boolean) {
		if (map.getSource(ref.layer)) map.setFeatureState({ source: ref.layer, id: ref.id }, { [key]: value });
		else markers.get(ref.id)?.getElement().classList.toggle(`is-${key}`, value);
	}

	function apply(view: MapView): number {
		current = view;
		if (contextLost) return 0;
		let writes = 0;
		const visible = new Set(view.layers);
		for (const def of LAYERS) {
			const on = visible.has(def.id);
			if (on === visibleNow.has(def.id)) continue;
			for (const spec of def.layers) map.setLayoutProperty(spec.id, 'visibility', on ? 'visible' : 'none');
			if (on) visibleNow.add(def.id);
			else visibleNow.delete(def.id);
			writes++;
		}
		const next = view.highlight.map(refFor).filter((r): r is FeatureRef => r !== null);
		const key = (r: FeatureRef) => `${r.layer}/${r.id}`;
		const nextKeys = new Set(next.map(key));
		const nowKeys = new Set(highlighted.map(key));
		for (const ref of highlighted) if (!nextKeys.has(key(ref))) setState(ref, 'highlight', false);
		for (const ref of next) if (!nowKeys.has(key(ref))) setState(ref, 'highlight', true);
		highlighted = next;
		const shown = new Set(view.places);
		labelled = [];
		for (const [id, marker] of markers) {
			const emphasised = view.highlight.includes(id);
			const on = shown.has(id);
			if (on && !marker.getElement().isConnected) marker.addTo(map);
			if (!on && marker.getElement().isConnected) marker.remove();
			if (on) labelled[emphasised ? 'unshift' : 'push'](marker);
			marker.getElement().classList.toggle('is-highlighted', emphasised);
		}
		placeLabels();
		return writes;
	}

	/** Markers on the map, highlighted first: they win when labels compete for room. */
	let labelled: Marker[] = [];

	/**
	 * Keeps labels readable: a label that would run off the right edge goes to the left of its
	 * dot, and a label that would overlap one already placed is hidden (its dot stays).
	 */
	function placeLabels() {
		const frame = map.getContainer().getBoundingClientRect();
		const placed: DOMRect[] = [];
		const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
		for (const marker of labelled) {
			const el = marker.getElement();
			const name = el.querySelector<HTMLElement>('.map-label__name')!;
			el.classList.remove('is-flipped', 'is-label-hidden');
			let box = name.getBoundingClientRect();
			if (box.right > frame.right - 4) {
				el.classList.add('is-flipped');
				box = name.getBoundingClientRect();
			}
			if (placed.some((other) => overlaps(other, box))) el.classList.add('is-label-hidden');
			else placed.push(box);
		}
	}
	map.on('moveend', placeLabels);
	map.on('resize', placeLabels);

	// A lost WebGL context (a GPU reset, a driver update, too many contexts in the browser):
	// MapLibre 6 handles the canvas events itself. On loss it destroys the style after taking a
	// snapshot of it; on restore it rebuilds the style from that snapshot and draws again. The
	// snapshot is the style document only: layer visibility survives, but feature state does not,
	// so the chapter's highlights and the explore selection would be gone (the "heavy outline"
	// a caption describes would not be drawn). And a view shown while the context was lost
	// cannot be applied to a map that has no style. So: remember the view, and once the
	// rebuilt style has loaded, apply it again with its feature state.
	map.on('webglcontextlost', () => {
		contextLost = true;
		highlighted = [];
		options.onContext?.('lost');
		// The next style to load is the one MapLibre rebuilds when the context comes back.
		map.once('style.load', () => {
			contextLost = false;
			apply(current);
			if (selected) setState(selected, 'selected', true);
			if (hovered) setState(hovered, 'hover', true);
			options.onContext?.('restored');
		});
	});

	map.on('click', (event) => {
		if (!exploring || contextLost) return;
		const hit = map.queryRenderedFeatures(event.point, { layers: thematicLayerIds.filter((id) => map.getLayoutProperty(id, 'visibility') === 'visible') })[0];
		const id = hit?.properties?.id;
		options.onSelect(typeof id === 'string' && hit ? { id, layer: hit.source } : null);
	});
	let pointed: string | null = null;
	map.on('mousemove', (event) => {
		if (!exploring || contextLost) return;
		const visibleIds = thematicLayerIds.filter((id) => map.getLayoutProperty(id, 'visibility') === 'visible');
		const hit = map.queryRenderedFeatures(event.point, { layers: visibleIds })[0];
		map.getCanvas().style.cursor = hit ? 'pointer' : '';
		const id = typeof hit?.properties?.id === 'string' ? hit.properties.id : null;
		if (id === pointed) return;
		pointed = id;
		options.onHover?.(id && hit ? { id, layer: hit.source } : null);
	});
	const moveEnds: ((extent: [number, number, number, number], frame: [number, number, number, number]) => void)[] = [];
	/** The bounds the camera last framed. */
	let framed: [number, number, number, number] = initial.bounds;
	const frameRect = (): [number, number, number, number] => {
		const a = map.project([framed[0], framed[3]]);
		const b = map.project([framed[2], framed[1]]);
		return [a.x, a.y, b.x, b.y].map((n) => Math.round(n)) as [number, number, number, number];
	};
	const extent = () => {
		const b = map.getBounds();
		return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => Math.round(n * 1e4) / 1e4) as [number, number, number, number];
	};
	const readerMoves: (() => void)[] = [];
	map.on('movestart', (event) => {
		if ((event as { originalEvent?: Event }).originalEvent) for (const callback of readerMoves) callback();
	});
	map.on('moveend', () => {
		for (const callback of moveEnds) callback(extent(), frameRect());
	});

	return new Promise((resolve, reject) => {
		map.once('error', (event) => reject(event.error));
		// Highlights and labels as soon as the style is there: the first full draw already has them.
		map.once('style.load', () => apply(initial));
		map.once('load', () => {
			resolve({
				apply,
				frame(view, { duration, padding }) {
					framed = view.bounds;
					// A re-frame for a new size may come before MapLibre has noticed the resize.
					const canvas = map.getCanvas();
					if (canvas.clientWidth !== container.clientWidth || canvas.clientHeight !== container.clientHeight) map.resize();
					map.fitBounds(view.bounds as LngLatBoundsLike, { padding: fitPadding(container, padding), maxZoom: view.maxZoom, duration });
				},
				isMoving: () => map.isMoving(),
				extent,
				onMoveEnd: (callback) => void moveEnds.push(callback),
				onReaderMove: (callback) => void readerMoves.push(callback),
				showOnly(ids) {
					if (contextLost) return;
					const only: ExpressionSpecification | null = ids && ['in', ['get', 'id'], ['literal', ids]];
					for (const def of LAYERS) {
						if (def.kind !== 'thematic') continue;
						for (const spec of def.layers) {
							const base = 'filter' in spec ? (spec.filter as ExpressionSpecification | undefined) : undefined;
							map.setFilter(spec.id, (only && base ? ['all', base, only] : (only ?? base ?? null)) as FilterSpecification | null);
						}
					}
				},
				hover(feature) {
					if (hovered && !contextLost) setState(hovered, 'hover', false);
					hovered = feature;
					if (hovered && !contextLost) setState(hovered, 'hover', true);
				},
				setExplore(on) {
					exploring = on;
					for (const handler of HANDLERS) {
						if (handler === 'dragRotate') continue;
						if (on) map[handler].enable();
						else map[handler].disable();
					}
					if (on && !map.hasControl(navigation)) map.addControl(navigation, 'top-right');
					if (!on && map.hasControl(navigation)) map.removeControl(navigation);
					map.getCanvas().tabIndex = on ? 0 : -1;
					if (!on) map.getCanvas().style.cursor = '';
				},
				select(feature) {
					if (selected && !contextLost) setState(selected, 'selected', false);
					selected = feature;
					if (selected && !contextLost) setState(selected, 'selected', true);
				},
				setLabel(text) {
					map.getCanvas().setAttribute('aria-label', text);
				},
				idle: () =>
					new Promise((done) => {
						map.once('idle', () => done());
						map.triggerRepaint();
					}),
				destroy: () => map.remove()
			});
		});
	});
}
