import type { Feature, FeatureCollection } from 'geojson';
import { geoMercator, geoPath } from 'd3-geo';
import { rewind } from '@turf/turf';
import { Resvg } from '@resvg/resvg-js';
import type { Language } from '$lib/i18n/languages.js';
import { LAYERS, type LayerDef } from '$lib/layers/registry';
import { withLayerPlaces } from '$lib/labels/labels';
import { labelsSvg } from '$lib/labels/draw.server';
import type { Box } from '$lib/labels/layout';
import { fitBounds } from './frame';
import type { Padding } from './state.svelte';
import type { MapView, PlaceView } from './types';
import { BASEMAP } from './palette';

export interface StaticMapData {
	states: FeatureCollection;
	countries: FeatureCollection;
	/** geo/labels.geojson: every name the map can write. */
	labels: FeatureCollection;
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
	/** Panels the live map lays over this canvas: no name is written under them. */
	covered?: Box[];
}

// d3-geo wants spherical winding (clockwise rings); RFC 7946 GeoJSON winds the other way.
const d3Ready = (fc: FeatureCollection) => rewind(fc, { reverse: true }) as FeatureCollection;
const cache = new WeakMap<FeatureCollection, FeatureCollection>();
const wound = (fc: FeatureCollection) => {
	let out = cache.get(fc);
	if (!out) cache.set(fc, (out = d3Ready(fc)));
	return out;
};

const dash = (d: number[] | undefined, cap: string) => (d ? ` stroke-dasharray="${d.map((n) => Math.max(n, 0.001).toFixed(2)).join(' ')}" stroke-linecap="${cap}"` : '');

/**
 * An area's outline drawn `inset` pixels inside it, as the live map's line-offset draws it: a
 * stroke clipped to the area, with the part nearer the edge than the inset masked away.
 */
function insetOutline(id: string, d: string, color: string, width: number, inset: number, pattern: string, dashes: number[] | undefined): string {
	const outer = 2 * (inset + width / 2);
	const inner = 2 * (inset - width / 2);
	const mask = inner > 0 ? `<mask id="m${id}" maskUnits="userSpaceOnUse"><rect x="-1e4" y="-1e4" width="2e4" height="2e4" fill="#fff"/><path d="${d}" fill="none" stroke="#000" stroke-width="${inner}"/></mask>` : '';
	return (
		`<clipPath id="c${id}"><path d="${d}"/></clipPath>${mask}` +
		`<path d="${d}" fill="none" stroke="${color}" stroke-width="${outer}" stroke-linejoin="round"${dash(dashes, pattern === 'dotted' ? 'round' : 'butt')} clip-path="url(#c${id})"${mask ? ` mask="url(#m${id})"` : ''}/>`
	);
}

interface Marks {
	areas: string[];
	lines: string[];
	points: string[];
}

/** A theme's or a reference layer's features, drawn as the live map draws them at this zoom (registry.ts). */
function layerSvg(def: LayerDef, fc: FeatureCollection, path: ReturnType<typeof geoPath>, zoom: number, highlighted: Set<string>, ids: { n: number }, out: Marks, size: [number, number]): void {
	const { area, line, point, national } = def.mark;
	const grow = Math.min(1, Math.max(0, (zoom - 3) / 5));
	const widthAt = (base: number, active: boolean) => (active ? base * (1.8 + 1.4 * grow) : base * (1 + grow));
	for (const f of wound(fc).features as Feature[]) {
		const kind = f.geometry.type;
		const strong = highlighted.has(String(f.properties?.id));
		const d = path(f) ?? '';
		// A shape wholly off the canvas: nothing to draw (and resvg cannot clip to it).
		const [[x0, y0], [x1, y1]] = path.bounds(f);
		if (!d || x1 < 0 || y1 < 0 || x0 > size[0] || y0 > size[1]) continue;
		if (kind === 'Point' || kind === 'MultiPoint') {
			if (!point) continue;
			const t = Math.min(1, Math.max(0, (zoom - 3) / 4));
			const r = strong ? 6 + 2 * t : 4 + 1.5 * t;
			path.pointRadius(r);
			out.points.push(`<path d="${path(f) ?? ''}" fill="${point.color}" stroke="${point.stroke}" stroke-width="${point.strokeWidth}"/>`);
		} else if (kind === 'LineString' || kind === 'MultiLineString') {
			if (!line) continue;
			const base = line.width / (1 + 0.4);
			if (line.casing) out.lines.push(`<path d="${d}" fill="none" stroke="${line.casing.color}" stroke-opacity="${line.casing.opacity}" stroke-width="${widthAt(line.casing.width / 1.4, strong)}" stroke-linejoin="round" stroke-linecap="round"/>`);
			const w = widthAt(base, strong);
			out.lines.push(`<path d="${d}" fill="none" stroke="${line.color}" stroke-width="${w}" stroke-linejoin="round"${line.dash ? dash(line.dash.map((x) => (x / line.width) * w), 'butt') : ' stroke-linecap="round"'}/>`);
		} else if (f.properties?.scope === 'national') {
			// A national measure tints the country only while highlighted (registry.ts).
			if (national && strong) out.areas.push(`<path d="${d}" fill="${national.color}" fill-opacity="${national.opacity}" stroke="none"/>`);
		} else if (area && def.fill) {
			const opacity = strong ? def.fill.active : def.fill.rest;
			out.areas.push(`<path d="${d}" fill="${area.color}" fill-opacity="${opacity}" stroke="none"/>`);
			const w = widthAt(area.width / 1.4, strong);
			out.lines.push(insetOutline(String(ids.n++), d, area.color, w, area.inset, area.outline, area.dash?.map((x) => (x / area.width) * w)));
		}
	}
}

/**
 * The chapter's map as an SVG, drawn with d3-geo from the same geo data, layer registry and
 * labels as the interactive map: the share card image, the first-paint picture and the
 * no-WebGL / no-JavaScript fallback.
 */
export function staticMapSvg(view: MapView, data: StaticMapData, canvas: Canvas = CARD, lang: Language = 'en'): string {
	const framing = fitBounds(view.bounds, canvas.width, canvas.height, canvas.padding, view.maxZoom);
	const { world, origin, zoom } = framing;
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
	const ids = { n: 0 };
	// Areas under lines under points, whichever layer they belong to, as the live style orders them.
	const marks: Marks = { areas: [], lines: [], points: [] };
	for (const def of LAYERS) if (view.layers.includes(def.id) && data.features.has(def.id)) layerSvg(def, data.features.get(def.id)!, path, zoom, highlighted, ids, marks, [WIDTH, HEIGHT]);
	parts.push(...marks.areas, ...marks.lines, ...marks.points);
	const features = [...data.features.values()].flatMap((fc) => fc.features.map((f) => ({ layer: String(f.properties?.layer), place: f.properties?.place as string | undefined })));
	const sets = withLayerPlaces(view.labels, features, view.layers);
	parts.push(
		labelsSvg(data.labels, sets, lang, {
			width: WIDTH,
			height: HEIGHT,
			zoom,
			covered: canvas.covered ?? [],
			project: (at) => projection(at) ?? [-1e4, -1e4]
		})
	);
	const [w, h] = [WIDTH, HEIGHT].map((n) => Math.round(n * canvas.scale));
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${WIDTH} ${HEIGHT}">${parts.join('')}</svg>`;
}

export function staticMapPng(view: MapView, data: StaticMapData, canvas?: Canvas, lang?: Language): Uint8Array {
	return new Resvg(staticMapSvg(view, data, canvas, lang), { font: { loadSystemFonts: false } }).render().asPng();
}
