import type { FeatureCollection } from 'geojson';
import { geoMercator, geoPath } from 'd3-geo';
import { rewind } from '@turf/turf';
import { Resvg } from '@resvg/resvg-js';
import { escapeHtml } from '$lib/content/escape';
import { LAYERS } from '$lib/layers/registry';
import { fitBounds } from './frame';
import type { Padding } from './state.svelte';
import type { MapView, PlaceView } from './types';
import { BASEMAP } from './palette';

export interface StaticMapData {
	states: FeatureCollection;
	countries: FeatureCollection;
	features: Map<string, FeatureCollection>;
	places: PlaceView[];
}

/** A share card's size: Open Graph and Twitter's large summary card. */
const CARD = { width: 1200, height: 630, padding: { top: 24, right: 24, bottom: 24, left: 24 }, scale: 1 };

export interface Canvas {
	/** Size in CSS pixels, and the padding kept around the framed view, as the live map keeps it. */
	width: number;
	height: number;
	padding: Padding;
	/** Pixel density the picture is drawn at. */
	scale: number;
}

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
export function staticMapSvg(view: MapView, data: StaticMapData, canvas: Canvas = CARD): string {
	const { world, origin } = fitBounds(view.bounds, canvas.width, canvas.height, canvas.padding, view.maxZoom);
	const { width: WIDTH, height: HEIGHT } = canvas;
	// d3's Mercator at the framing fitBounds chooses: lon 0 / lat 0 lies at the world's middle.
	const projection = geoMercator()
		.scale(world / (2 * Math.PI))
		.translate([origin[0] + world / 2, origin[1] + world / 2]);
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
				// The live map's fill opacities (the registry's), so the picture's tints are the live map's.
				const national = f.properties?.scope === 'national';
				const opacity = national || !def.fill ? 0 : strong ? def.fill.active : def.fill.rest;
				parts.push(
					`<path d="${path(f) ?? ''}" fill="${opacity ? color : 'none'}" fill-opacity="${opacity}" stroke="${color}" stroke-width="${strong ? 3.5 : 2}"${dash}/>`
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
	const [w, h] = [WIDTH, HEIGHT].map((n) => Math.round(n * canvas.scale));
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${parts.join('')}</svg>`;
}

export function staticMapPng(view: MapView, data: StaticMapData, canvas?: Canvas): Uint8Array {
	return new Resvg(staticMapSvg(view, data, canvas), { font: { loadSystemFonts: false } }).render().asPng();
}
