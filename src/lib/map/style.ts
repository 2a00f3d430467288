import type { LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { LAYERS } from '$lib/layers/registry';
import { BASEMAP } from './palette';

/** URLs of the GeoJSON files, keyed by file name in geo/ ("states.geojson"). */
export type DataUrls = Record<string, string>;

/**
 * The whole map style, self-contained: GeoJSON sources served by this site, no tiles, no
 * glyphs, no sprites. Thematic layers start hidden; a chapter's view switches them on.
 */
export function buildStyle(urls: DataUrls): StyleSpecification {
	const url = (file: string) => {
		const found = urls[file];
		if (!found) throw new Error(`buildStyle: no URL for geo/${file}`);
		return found;
	};
	// Areas under lines under points, whichever registry entry they come from, so a fill never
	// covers the borders or the route and every point stays on top. Registry order within each.
	const rank = (spec: { type: string }) => (spec.type === 'fill' ? 0 : spec.type === 'circle' ? 2 : 1);
	const thematic: LayerSpecification[] = LAYERS.flatMap((def) =>
		def.layers.map((spec) => ({ ...spec, source: def.id, layout: { ...spec.layout, visibility: 'none' } }) as LayerSpecification)
	).sort((a, b) => rank(a) - rank(b));
	return {
		version: 8,
		name: 'Frontera',
		sources: {
			countries: { type: 'geojson', data: url('countries.geojson'), promoteId: 'id' },
			states: { type: 'geojson', data: url('states.geojson'), promoteId: 'id' },
			...Object.fromEntries(LAYERS.map((def) => [def.id, { type: 'geojson', data: url(def.data), promoteId: 'id' } as const]))
		},
		layers: [
			{ id: 'sea', type: 'background', paint: { 'background-color': BASEMAP.sea } },
			{ id: 'countries-fill', type: 'fill', source: 'countries', paint: { 'fill-color': BASEMAP.land } },
			{ id: 'countries-line', type: 'line', source: 'countries', paint: { 'line-color': BASEMAP.landLine, 'line-width': 0.8 } },
			{
				id: 'states-fill',
				type: 'fill',
				source: 'states',
				paint: {
					'fill-color': ['case', ['boolean', ['feature-state', 'highlight'], false], BASEMAP.highlightFill, BASEMAP.mexico]
				}
			},
			{
				id: 'states-line',
				type: 'line',
				source: 'states',
				paint: { 'line-color': BASEMAP.stateLine, 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 0.4, 8, 1.2] }
			},
			{
				id: 'states-highlight-line',
				type: 'line',
				source: 'states',
				paint: {
					'line-color': BASEMAP.highlightLine,
					'line-width': 2,
					'line-opacity': ['case', ['boolean', ['feature-state', 'highlight'], false], 1, 0]
				}
			},
			...thematic
		]
	};
}
