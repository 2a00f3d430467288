// The only module that touches maplibre-gl. It is imported dynamically, after the story text
// has rendered, so MapLibre's ~290 KiB never delays reading.
import { AttributionControl, Map as MapLibreMap, Marker, setWorkerUrl, type LngLatBoundsLike } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { LAYERS } from '$lib/layers/registry';
import type { MapView, PlaceView } from '$lib/story/types';
import { buildStyle } from './style';

setWorkerUrl(workerUrl);

const dataUrls = Object.fromEntries(
	Object.entries(import.meta.glob('/geo/*.geojson', { query: '?url', import: 'default', eager: true }) as Record<string, string>).map(
		([path, url]) => [path.replace('/geo/', ''), url]
	)
);

export interface MapController {
	/** Moves the map to a view. `instant` jumps; otherwise the camera eases. */
	show(view: MapView, opts: { instant: boolean }): void;
	/** Resolves once the map has drawn everything it needs for the current view. */
	idle(): Promise<void>;
	destroy(): void;
}

const padding = { top: 24, bottom: 24, left: 24, right: 24 };

export function createMap(container: HTMLElement, places: PlaceView[], initial: MapView): Promise<MapController> {
	const map = new MapLibreMap({
		container,
		style: buildStyle(dataUrls),
		bounds: initial.bounds as LngLatBoundsLike,
		fitBoundsOptions: { padding, maxZoom: initial.maxZoom },
		attributionControl: false,
		interactive: false,
		fadeDuration: 0
	});
	map.addControl(new AttributionControl({ compact: true, customAttribution: 'Natural Earth' }));

	const markers = new Map<string, Marker>();
	for (const place of places) {
		if (place.kind === 'state' || place.kind === 'country') continue;
		const el = document.createElement('div');
		el.className = `map-label map-label--${place.kind}`;
		const dot = document.createElement('span');
		dot.className = 'map-label__dot';
		const name = document.createElement('span');
		name.className = 'map-label__name';
		name.textContent = place.name;
		el.append(dot, name);
		el.setAttribute('aria-hidden', 'true');
		markers.set(place.id, new Marker({ element: el, anchor: 'left', offset: [-5, 0] }).setLngLat(place.coordinates));
	}
	const statesOf = new Map(places.map((p) => [p.id, p.kind === 'state' ? p.within : null]));
	let highlighted: string[] = [];

	function apply(view: MapView) {
		const visible = new Set(view.layers);
		for (const def of LAYERS)
			for (const spec of def.layers) map.setLayoutProperty(spec.id, 'visibility', visible.has(def.id) ? 'visible' : 'none');
		for (const id of highlighted) map.setFeatureState({ source: 'states', id }, { highlight: false });
		highlighted = view.highlight.map((id) => statesOf.get(id)).filter((id): id is string => !!id);
		for (const id of highlighted) map.setFeatureState({ source: 'states', id }, { highlight: true });
		const shown = new Set(view.places);
		for (const [id, marker] of markers) {
			if (shown.has(id)) marker.addTo(map);
			else marker.remove();
			marker.getElement().classList.toggle('is-highlighted', view.highlight.includes(id));
		}
	}

	return new Promise((resolve, reject) => {
		map.once('error', (event) => reject(event.error));
		map.once('load', () => {
			apply(initial);
			resolve({
				show(view, { instant }) {
					apply(view);
					map.fitBounds(view.bounds as LngLatBoundsLike, { padding, maxZoom: view.maxZoom, duration: instant ? 0 : 1600 });
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
