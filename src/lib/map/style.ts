import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { LAYERS } from '$lib/layers/registry';
import { styleFontFaces } from '$lib/labels/fonts';
import { labelLayers, type LabelSets } from '$lib/labels/style';
import { BASEMAP } from './palette';

/** URLs of the GeoJSON files, keyed by file name in geo/ ("states.geojson"). */
export type DataUrls = Record<string, string>;

/**
 * Each distinct combination of layer type and constant or data-driven paint properties is a shader
 * program MapLibre compiles before its first draw (tens of milliseconds each on a phone, blocking
 * the page). So every fill of the map is drawn by one program and every solid line by another,
 * the thematic layers' (registry.ts): a constant colour, with a data-driven opacity for fills and
 * a data-driven width, by zoom, for lines. The basemap writes its fixed opacity and widths in
 * that same form (`perFeature`: the same value whatever the feature's state). No fill draws its
 * own antialiased outline (a program of its own): a line layer outlines every fill. The sea is the
 * map container's own colour (engine.ts), not a background layer with a program of its own.
 */
const HIGHLIGHTED: ExpressionSpecification = ['boolean', ['feature-state', 'highlight'], false];
const perFeature = (value: number): ExpressionSpecification => ['case', HIGHLIGHTED, value, value];
/** A line width by zoom, from `low` at zoom 3 to `high` at zoom 8, in the thematic lines' form. */
const zoomWidth = (low: ExpressionSpecification, high: ExpressionSpecification): ExpressionSpecification => ['interpolate', ['linear'], ['zoom'], 3, low, 8, high];
const HIGHLIGHTED_ONLY: ExpressionSpecification = ['case', HIGHLIGHTED, 1, 0];
const HIGHLIGHT_WIDTH: ExpressionSpecification = ['case', HIGHLIGHTED, 2, 0];

export interface StyleOptions {
	/** Registry layers shown from the start (the first view's). */
	visible?: readonly string[];
	/** The first view's own labels. */
	labels?: LabelSets;
}

/**
 * The whole map style, self-contained: GeoJSON sources served by this site, no tiles, no glyph
 * server, no sprites; labels are drawn from the map's typeface, served by this site (`font-faces`).
 * Registry layers start hidden except those of `visible` (the first view's): MapLibre loads a
 * source only once a layer of it is shown, so the first view's data is asked for with the style,
 * not after it has loaded.
 */
export function buildStyle(urls: DataUrls, { visible = [], labels }: StyleOptions = {}): StyleSpecification {
	const url = (file: string) => {
		const found = urls[file];
		if (!found) throw new Error(`buildStyle: no URL for geo/${file}`);
		return found;
	};
	// Areas under lines under points, whichever registry entry they come from, so a fill never
	// covers the borders or the route and every point stays on top. Registry order within each.
	const rank = (spec: { type: string }) => (spec.type === 'fill' ? 0 : spec.type === 'circle' ? 2 : 1);
	const thematic: LayerSpecification[] = LAYERS.flatMap((def) =>
		def.layers.map(
			(spec) => ({ ...spec, source: def.id, layout: { ...spec.layout, visibility: visible.includes(def.id) ? 'visible' : 'none' } }) as LayerSpecification
		)
	).sort((a, b) => rank(a) - rank(b));
	return {
		version: 8,
		name: 'Frontera',
		'font-faces': styleFontFaces(),
		sources: {
			countries: { type: 'geojson', data: url('countries.geojson'), promoteId: 'id' },
			states: { type: 'geojson', data: url('states.geojson'), promoteId: 'id' },
			// Every place and region the map can name; the names placed for the view now are set on
			// `names` by the engine (engine.ts), which places them as the pictures drawn at build do.
			places: { type: 'geojson', data: url('labels.geojson'), promoteId: 'id' },
			names: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } },
			...Object.fromEntries(LAYERS.map((def) => [def.id, { type: 'geojson', data: url(def.data), promoteId: 'id' } as const]))
		},
		layers: [
			{ id: 'countries-fill', type: 'fill', source: 'countries', paint: { 'fill-color': BASEMAP.land, 'fill-opacity': perFeature(1), 'fill-antialias': false } },
			{ id: 'countries-line', type: 'line', source: 'countries', paint: { 'line-color': BASEMAP.landLine, 'line-width': zoomWidth(perFeature(0.8), perFeature(0.8)) } },
			{ id: 'states-fill', type: 'fill', source: 'states', paint: { 'fill-color': BASEMAP.mexico, 'fill-opacity': perFeature(1), 'fill-antialias': false } },
			{
				id: 'states-highlight-fill',
				type: 'fill',
				source: 'states',
				paint: { 'fill-color': BASEMAP.highlightFill, 'fill-opacity': HIGHLIGHTED_ONLY, 'fill-antialias': false }
			},
			{
				id: 'states-line',
				type: 'line',
				source: 'states',
				paint: { 'line-color': BASEMAP.stateLine, 'line-width': zoomWidth(perFeature(0.4), perFeature(1.2)) }
			},
			{
				id: 'states-highlight-line',
				type: 'line',
				source: 'states',
				paint: { 'line-color': BASEMAP.highlightLine, 'line-width': zoomWidth(HIGHLIGHT_WIDTH, HIGHLIGHT_WIDTH) }
			},
			...thematic,
			...(labelLayers(labels) as LayerSpecification[])
		]
	};
}
