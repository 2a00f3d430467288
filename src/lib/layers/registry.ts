import type { LayerSpecification } from 'maplibre-gl';

/**
 * The layer registry: every layer a chapter or a reader can switch on. Each entry names its
 * GeoJSON file in geo/ and the MapLibre layers that draw it; the style, the legend and the
 * chapter schema all read from here, so a layer cannot exist in one and not the others.
 */
export interface LayerDef {
	id: string;
	/**
	 * thematic: every feature carries a program, dates, a summary and supporting passages.
	 * reference: context drawn from the geo data (borders, the schematic route).
	 */
	kind: 'thematic' | 'reference';
	title: string;
	/** One line for the legend. */
	description: string;
	/** Legend swatch: colour and shape of the mark. */
	swatch: { shape: 'fill' | 'line' | 'dashed' | 'point'; color: string };
	/** File name in geo/. */
	data: string;
	/** MapLibre layer specs; their `source` is replaced by the layer id when the style is built. */
	layers: Omit<LayerSpecification, 'source'>[];
}

export const LAYERS: readonly LayerDef[] = [
	{
		id: 'borders',
		kind: 'reference',
		title: 'International borders',
		description: 'Mexico’s borders with Guatemala and Belize, and with the United States.',
		swatch: { shape: 'line', color: '#5b3a1e' },
		data: 'borders.geojson',
		layers: [
			{
				id: 'borders-line',
				type: 'line',
				layout: { 'line-join': 'round', 'line-cap': 'round' },
				paint: { 'line-color': '#5b3a1e', 'line-width': ['interpolate', ['linear'], ['zoom'], 3, 1.5, 8, 3.5] }
			}
		]
	}
];

export const LAYER_IDS: ReadonlySet<string> = new Set(LAYERS.map((l) => l.id));
