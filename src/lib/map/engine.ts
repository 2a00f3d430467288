// The only module that touches maplibre-gl. It is imported dynamically, once the first screen
// is on screen (start.ts), so MapLibre (most of the page's JavaScript: see npm run bench) is
// never in the way of the text and the map picture.
import {
	GPUInitializationError,
	Map as MapLibreMap,
	NavigationControl,
	prewarm,
	setWorkerUrl,
	type ExpressionSpecification,
	type FilterSpecification,
	type GeoJSONSource,
	type LngLatBoundsLike
} from 'maplibre-gl';
import styleUrl from 'maplibre-gl/dist/maplibre-gl.css?url';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { LAYERS } from '$lib/layers/registry';
import type { Language } from '$lib/i18n/languages.js';
import { LABEL_LAYER_IDS, LABEL_PADDING, PLACE_KINDS, dotFilter, nameFeatures } from '$lib/labels/style';
import { labelFeatures as parseLabels, labelOrder, placeNames, type Box, type LabelFeature, type Side } from '$lib/labels/layout';
import { BASEMAP } from './palette';
import { fitPadding as fitCanvas } from './frame';
import type { Padding } from './state.svelte';
import type { FeatureRef, MapView, PlaceView, RenderedLabel } from './types';
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
	/** Where the framed bounds lie on screen now: [left, top, right, bottom]. */
	frameRect(): [number, number, number, number];
	/**
	 * Calls back after every camera move with the visible extent [west, south, east, north] and
	 * where the framed bounds lie on screen [left, top, right, bottom].
	 */
	onMoveEnd(callback: (extent: [number, number, number, number], frame: [number, number, number, number]) => void): void;
	/** Draws only these thematic features (the year control), or all of them (null). */
	showOnly(ids: string[] | null): void;
	/** The panels over the canvas now, in its CSS pixels: names are kept out from under them. */
	setCovered(boxes: Box[]): void;
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
	/** The names the map has written (placed, not dropped for want of room), where their points are. */
	labels(): RenderedLabel[];
	/** Resolves once the map has drawn everything it needs for the current view. */
	idle(): Promise<void>;
	destroy(): void;
}

export interface MapOptions {
	places: PlaceView[];
	/** The language the map writes its names in. */
	lang: Language;
	/** Each label's width in pixels in that language, at rest and highlighted. */
	labelWidths: Record<string, [number, number]>;
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
		style: buildStyle(dataUrls, { visible: initial.layers, labels: initial.labels }),
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
	// The credit for the map data is in the map panel's key (MapPanel.svelte), not over the map.
	const navigation = new NavigationControl({ showCompass: false });

	const placesById = new Map(places.map((p) => [p.id, p]));
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

	/** What draws a feature or a place: its thematic layer, its state's polygon, or its dot. */
	function refFor(id: string): FeatureRef | null {
		const place = placesById.get(id);
		if (place?.kind === 'state') return { id: place.within, layer: 'states' };
		if (place && PLACE_KINDS.includes(place.kind)) return { id, layer: 'places' };
		const layer = featureLayers[id];
		return layer ? { id, layer } : null;
	}

	/** Marks a feature or a place dot (feature state); a place selected in explore mode is marked by its dot. */
	function setState(ref: FeatureRef, key: string, value: boolean) {
		const target = ref.layer === 'place' ? refFor(ref.id) : ref;
		if (target && map.getSource(target.layer)) map.setFeatureState({ source: target.layer, id: target.id }, { [key]: value });
	}

	/** The label sets and the unfit names the label layers are filtered for now. */
	let labelled = '';
	/** Every name the map can write (labels.geojson) and its text in the map's language, once it has arrived. */
	let labelFeatures: LabelFeature[] | null = null;
	let texts = new Map<string, string>();
	const labelsArrived = fetch(dataUrls['labels.geojson']!)
		.then((r) => r.json())
		.then((fc) => {
			const parsed = parseLabels(fc);
			texts = new Map(parsed.map((f) => [f.id, f.names[options.lang] ?? f.names.en ?? '']));
			labelFeatures = parsed;
			fitLabels();
		})
		.catch(() => {});
	let covered: Box[] = [];

	/**
	 * Decides which names the camera now has room for, and on which side of its dot each place's
	 * name goes, as the pictures drawn at build decide (layout.ts): none off the canvas, under a
	 * panel or over another. Changes the label layers' filters only when that changes.
	 */
	function fitLabels() {
		if (contextLost || !labelFeatures) return;
		const sets = current.labels;
		const room = { width: container.clientWidth, height: container.clientHeight, covered };
		const placed = placeNames(
			labelOrder(labelFeatures, sets, map.getZoom(), (kind) => PLACE_KINDS.includes(kind)),
			(at) => {
				const p = map.project(at);
				return [p.x, p.y];
			},
			(f, highlighted) => options.labelWidths[f.id]?.[highlighted ? 1 : 0],
			room,
			LABEL_PADDING
		);
		const key = JSON.stringify([sets, placed.map((p) => [p.feature.id, p.side, p.tier])]);
		if (key === labelled) return;
		labelled = key;
		map.setFilter(LABEL_LAYER_IDS.dots, dotFilter(sets));
		(map.getSource('names') as GeoJSONSource).setData(nameFeatures(placed, (id) => texts.get(id) ?? ''));
	}
	map.on('moveend', fitLabels);
	map.on('resize', fitLabels);

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
		fitLabels();
		return writes;
	}

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
		labelled = '';
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

	/** Layers a reader can pick a feature or a place from, topmost first: names and dots over areas. */
	const pickable = () => [
		LABEL_LAYER_IDS.names,
		LABEL_LAYER_IDS.dots,
		...thematicLayerIds.filter((id) => map.getLayoutProperty(id, 'visibility') === 'visible').reverse()
	];
	/**
	 * The feature or place under a point, with a few pixels of slack so a dot or a thin line can
	 * be tapped with a finger. A place is picked by its dot or its name.
	 */
	function pick(point: { x: number; y: number }): FeatureRef | null {
		const slack = 6;
		const hits = map.queryRenderedFeatures(
			[
				[point.x - slack, point.y - slack],
				[point.x + slack, point.y + slack]
			],
			{ layers: pickable() }
		);
		for (const hit of hits) {
			if (hit.source === 'names' || hit.source === 'places') {
				const ref = String(hit.properties?.ref);
				if (placesById.has(ref)) return { id: ref, layer: 'place' };
				continue;
			}
			const id = hit.properties?.id;
			if (typeof id === 'string') return { id, layer: hit.source };
		}
		return null;
	}
	map.on('click', (event) => {
		if (!exploring || contextLost) return;
		options.onSelect(pick(event.point));
	});
	let pointed: string | null = null;
	map.on('mousemove', (event) => {
		if (!exploring || contextLost) return;
		const hit = pick(event.point);
		map.getCanvas().style.cursor = hit ? 'pointer' : '';
		const id = hit ? `${hit.layer}/${hit.id}` : null;
		if (id === pointed) return;
		pointed = id;
		options.onHover?.(hit);
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
				frameRect,
				onMoveEnd: (callback) => void moveEnds.push(callback),
				onReaderMove: (callback) => void readerMoves.push(callback),
				setCovered(boxes) {
					covered = boxes;
					fitLabels();
				},
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
				labels() {
					if (contextLost) return [];
					const seen = new Set<string>();
					return map.queryRenderedFeatures({ layers: [LABEL_LAYER_IDS.names] }).flatMap((f): RenderedLabel[] => {
						const id = String(f.properties?.id);
						if (seen.has(id) || f.geometry.type !== 'Point') return [];
						seen.add(id);
						const at = map.project(f.geometry.coordinates as [number, number]);
						return [
							{
								id,
								ref: String(f.properties?.ref),
								highlighted: f.properties?.tier === 'highlight',
								side: f.properties?.side as Side,
								x: Math.round(at.x * 10) / 10,
								y: Math.round(at.y * 10) / 10
							}
						];
					});
				},
				// The names arrive with their own request: the map has not drawn a view until they are written.
				idle: () =>
					labelsArrived.then(
						() =>
							new Promise((done) => {
								map.once('idle', () => done());
								map.triggerRepaint();
							})
					),
				destroy: () => map.remove()
			});
		});
	});
}
