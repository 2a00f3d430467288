// Floor page for npm run bench: MapLibre drawing the same GeoJSON as the story and nothing else
// (no app, no story text, no markers), with the same names in the same faces, as a bare template
// would draw them: every label point at once, MapLibre's own collision choosing which to keep
// (the story places its names itself, src/lib/labels/layout.ts). It sets the same data-map-* attributes as
// src/lib/map/StoryMap.svelte, so the bench times both pages the same way.
// Query: ?w=640&h=800 (canvas size in CSS px), ?bounds=west,south,east,north.
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import layerList from '../../src/lib/layers/layers.json';
import { BASEMAP } from '../../src/lib/map/palette';
import { styleFontFaces } from '../../src/lib/labels/fonts';
import { labelFeatures, labelOrder } from '../../src/lib/labels/layout';
import { labelLayers, nameFeatures, PLACE_KINDS } from '../../src/lib/labels/style';

setWorkerUrl(workerUrl);

// The same files as the story map (src/lib/map/engine.ts), served as separate assets.
const urls = Object.fromEntries(
	Object.entries(import.meta.glob('../../geo/*.geojson', { query: '?url&no-inline', import: 'default', eager: true })).map(([path, url]) => [
		path.replace(/^.*\//, '').replace(/\.geojson$/, ''),
		url
	])
);

const params = new URLSearchParams(location.search);
const container = /** @type {HTMLElement} */ (document.querySelector('.map-canvas'));
if (params.has('w')) container.style.width = `${Number(params.get('w'))}px`;
if (params.has('h')) container.style.height = `${Number(params.get('h'))}px`;
const bounds = /** @type {[number, number, number, number]} */ ((params.get('bounds') ?? '-118,13.5,-86,33').split(',').map(Number));

// The registry's colours and the story's basemap, from their one home.
const THEME = Object.fromEntries(layerList.layers.map((l) => [l.id, l.color]));
const isPolygon = ['match', ['geometry-type'], ['Polygon', 'MultiPolygon'], true, false];
const isPoint = ['match', ['geometry-type'], ['Point', 'MultiPoint'], true, false];

const thematic = layerList.layers.map((l) => l.id).filter((id) => id in urls);

// Every name of labels.geojson (the site's fonts are linked into the floors' folder).
const labels = labelFeatures(await (await fetch(/** @type {string} */ (urls.labels))).json());
/** The names for a zoom: each label's point for that zoom band, every place shown. @param {number} zoom */
function namesAt(zoom) {
	const shown = labels.filter((l) => PLACE_KINDS.includes(l.kind)).map((l) => l.ref);
	const seen = new Set();
	const ordered = labelOrder(labels, { highlight: [], shown }, zoom, (kind) => PLACE_KINDS.includes(kind)).filter(({ feature }) => !seen.has(feature.ref) && seen.add(feature.ref));
	const placed = ordered.map(({ feature, tier }) => ({ feature, tier, highlighted: false, side: feature.anchor ?? /** @type {const} */ ('center'), x: 0, y: 0, box: /** @type {[number, number, number, number]} */ ([0, 0, 0, 0]) }));
	return nameFeatures(placed, (id) => labels.find((l) => l.id === id)?.names.en ?? '');
}

/** @type {import('maplibre-gl').StyleSpecification} */
const style = /** @type {any} */ ({
	version: 8,
	'font-faces': styleFontFaces(),
	sources: {
		...Object.fromEntries(Object.keys(urls).filter((id) => id !== 'labels').map((id) => [id, { type: 'geojson', data: urls[id] }])),
		places: { type: 'geojson', data: urls.labels },
		names: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } }
	},
	layers: [
		{ id: 'sea', type: 'background', paint: { 'background-color': BASEMAP.sea } },
		{ id: 'countries-fill', type: 'fill', source: 'countries', paint: { 'fill-color': BASEMAP.land } },
		{ id: 'countries-line', type: 'line', source: 'countries', paint: { 'line-color': BASEMAP.landLine, 'line-width': 0.8 } },
		{ id: 'states-fill', type: 'fill', source: 'states', paint: { 'fill-color': BASEMAP.mexico } },
		{ id: 'states-line', type: 'line', source: 'states', paint: { 'line-color': BASEMAP.stateLine, 'line-width': 0.6 } },
		...thematic.flatMap((id) => [
			{ id: `${id}-fill`, type: 'fill', source: id, filter: isPolygon, paint: { 'fill-color': THEME[id] ?? '#555', 'fill-opacity': 0.1 } },
			{ id: `${id}-line`, type: 'line', source: id, filter: ['!', isPoint], paint: { 'line-color': THEME[id] ?? '#555', 'line-width': 1.5 } },
			{ id: `${id}-points`, type: 'circle', source: id, filter: isPoint, paint: { 'circle-color': THEME[id] ?? '#555', 'circle-radius': 5.5 } }
		]),
		...labelLayers()
	]
});

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
	/** @type {import('maplibre-gl').GeoJSONSource} */ (map.getSource('names')).setData(namesAt(map.getZoom()));
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
