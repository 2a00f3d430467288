// Floor page for npm run bench: MapLibre drawing the same GeoJSON as the story and nothing else
// (no app, no story text, no markers). It sets the same data-map-* attributes as
// src/lib/map/StoryMap.svelte, so the bench times both pages the same way.
// Query: ?w=640&h=800 (canvas size in CSS px), ?bounds=west,south,east,north.
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';

setWorkerUrl(workerUrl);

// The same files as the story map (src/lib/map/engine.ts), served as separate assets.
const urls = Object.fromEntries(
	Object.entries(import.meta.glob('../../geo/*.geojson', { query: '?url&no-inline', import: 'default', eager: true })).map(([path, url]) => [
		path.replace(/^.*\//, '').replace(/\.geojson$/, ''),
		url
	])
);

const params = new URLSearchParams(location.search);
const container = document.querySelector('.map-canvas');
if (params.has('w')) container.style.width = `${Number(params.get('w'))}px`;
if (params.has('h')) container.style.height = `${Number(params.get('h'))}px`;
const bounds = (params.get('bounds') ?? '-118,13.5,-86,33').split(',').map(Number);

const THEME = { enforcement: '#C35000', surveillance: '#0072B2', refuge: '#A8507F', route: '#333333', borders: '#5b3a1e' };
const isPolygon = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const isPoint = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false];

const thematic = Object.keys(urls).filter((id) => id !== 'countries' && id !== 'states');
const style = {
	version: 8,
	sources: Object.fromEntries(Object.keys(urls).map((id) => [id, { type: 'geojson', data: urls[id] }])),
	layers: [
		{ id: 'sea', type: 'background', paint: { 'background-color': '#d7e4ec' } },
		{ id: 'countries-fill', type: 'fill', source: 'countries', paint: { 'fill-color': '#ebe7df' } },
		{ id: 'countries-line', type: 'line', source: 'countries', paint: { 'line-color': '#b8b0a2', 'line-width': 0.8 } },
		{ id: 'states-fill', type: 'fill', source: 'states', paint: { 'fill-color': '#faf7f1' } },
		{ id: 'states-line', type: 'line', source: 'states', paint: { 'line-color': '#b5ab99', 'line-width': 0.6 } },
		...thematic.flatMap((id) => [
			{ id: `${id}-fill`, type: 'fill', source: id, filter: isPolygon, paint: { 'fill-color': THEME[id] ?? '#555', 'fill-opacity': 0.1 } },
			{ id: `${id}-line`, type: 'line', source: id, filter: ['!', isPoint], paint: { 'line-color': THEME[id] ?? '#555', 'line-width': 1.5 } },
			{ id: `${id}-points`, type: 'circle', source: id, filter: isPoint, paint: { 'circle-color': THEME[id] ?? '#555', 'circle-radius': 5.5 } }
		])
	]
};

const map = new MapLibreMap({
	container,
	style,
	bounds,
	fitBoundsOptions: { padding: 32 },
	attributionControl: false,
	fadeDuration: 0,
	interactive: false
});
map.once('load', () => {
	container.dataset.mapStatus = 'ready';
	map.once('idle', () => {
		container.dataset.mapIdle = 'true';
		container.dataset.mapDrawn = 'floor';
	});
	map.triggerRepaint();
});
map.once('error', (event) => {
	console.error(event.error);
	container.dataset.mapStatus = 'failed';
});
