import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { geoMercator, geoPath } from 'd3-geo';
import { rewind } from '@turf/turf';
import { Resvg } from '@resvg/resvg-js';
import { escapeHtml } from '$lib/content/escape';
import { LAYERS } from '$lib/layers/registry';
import type { MapView, PlaceView } from './types';
import { BASEMAP } from './palette';

export interface StaticMapData {
	states: FeatureCollection;
	countries: FeatureCollection;
	features: Map<string, FeatureCollection>;
	places: PlaceView[];
}

const WIDTH = 1200;
const HEIGHT = 630;

// d3-geo wants spherical winding (clockwise rings); RFC 7946 GeoJSON winds the other way.
const d3Ready = (fc: FeatureCollection) => rewind(fc, { reverse: true }) as FeatureCollection;
const cache = new WeakMap<FeatureCollection, FeatureCollection>();
const wound = (fc: FeatureCollection) => {
	let out = cache.get(fc);
	if (!out) cache.set(fc, (out = d3Ready(fc)));
	return out;
};

/**
 * The chapter's map as an SVG, drawn with d3-geo from the same geo data and layer registry
 * as the interactive map: the share card image and the no-WebGL / no-JavaScript fallback.
 */
export function staticMapSvg(view: MapView, data: StaticMapData): string {
	const [w, s, e, n] = view.bounds;
	const frame: Feature<Geometry> = {
		type: 'Feature',
		properties: {},
		geometry: { type: 'Polygon', coordinates: [[[w, s], [w, n], [e, n], [e, s], [w, s]]] }
	};
	const projection = geoMercator().fitExtent([[24, 24], [WIDTH - 24, HEIGHT - 24]], frame);
	const path = geoPath(projection);
	const highlighted = new Set(view.highlight);
	const statesHighlighted = new Set(data.places.filter((p) => p.kind === 'state' && highlighted.has(p.id)).map((p) => p.within));
	const parts: string[] = [`<rect width="${WIDTH}" height="${HEIGHT}" fill="${BASEMAP.sea}"/>`];

	for (const f of wound(data.countries).features) parts.push(`<path d="${path(f) ?? ''}" fill="${BASEMAP.land}" stroke="${BASEMAP.landLine}" stroke-width="1"/>`);
	for (const f of wound(data.states).features) {
		const on = statesHighlighted.has(String(f.properties?.id));
		parts.push(
			`<path d="${path(f) ?? ''}" fill="${on ? BASEMAP.highlightFill : BASEMAP.mexico}" stroke="${on ? BASEMAP.highlightLine : BASEMAP.stateLine}" stroke-width="${on ? 2.5 : 0.8}"/>`
		);
	}
	for (const def of LAYERS) {
		if (!view.layers.includes(def.id)) continue;
		const collection = data.features.get(def.id);
		if (!collection) continue;
		const color = def.swatch.color;
		const pattern = def.swatch.shape === 'dashed' ? 'dashed' : (def.swatch.outline ?? 'solid');
		const dash = pattern === 'dashed' ? ' stroke-dasharray="10 6"' : pattern === 'dotted' ? ' stroke-dasharray="1 6" stroke-linecap="round"' : '';
		for (const f of wound(collection).features) {
			const kind = f.geometry.type;
			const strong = highlighted.has(String(f.properties?.id));
			if (kind === 'Point' || kind === 'MultiPoint') {
				path.pointRadius(strong ? 9 : 6);
				parts.push(`<path d="${path(f) ?? ''}" fill="${color}" stroke="#fff" stroke-width="2"/>`);
			} else if (kind === 'LineString' || kind === 'MultiLineString') {
				parts.push(`<path d="${path(f) ?? ''}" fill="none" stroke="${color}" stroke-width="${strong ? 5 : 3}"${dash}/>`);
			} else {
				const national = f.properties?.scope === 'national';
				parts.push(
					`<path d="${path(f) ?? ''}" fill="${national ? 'none' : color}" fill-opacity="${strong ? 0.35 : 0.18}" stroke="${color}" stroke-width="${strong ? 3.5 : 2}"${dash}/>`
				);
			}
		}
	}
	const shown = new Set(view.places);
	for (const place of data.places) {
		if (!shown.has(place.id) || place.kind === 'state' || place.kind === 'country') continue;
		const [x, y] = projection(place.coordinates) ?? [-99, -99];
		const r = highlighted.has(place.id) ? 9 : 7;
		parts.push(`<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="${r}" fill="#1d232a" stroke="#fff" stroke-width="3"><title>${escapeHtml(place.name)}</title></circle>`);
	}
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${parts.join('')}</svg>`;
}

export function staticMapPng(view: MapView, data: StaticMapData): Uint8Array {
	return new Resvg(staticMapSvg(view, data), { font: { loadSystemFonts: false } }).render().asPng();
}
