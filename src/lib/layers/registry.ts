import type { BackgroundLayerSpecification, ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { BASEMAP, LAYER_COLORS } from '$lib/map/palette';

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
	/**
	 * Legend swatch: colour and shape of the mark. `outline` is the pattern of the mark's
	 * outline on the map (CSS border-style names), the cue that does not depend on colour.
	 */
	swatch: { shape: 'fill' | 'line' | 'dashed' | 'point'; color: string; outline?: OutlinePattern };
	/** File name in geo/. */
	data: string;
	/** MapLibre layer specs; their `source` is replaced by the layer id when the style is built. */
	layers: LayerSpec[];
}

/**
 * A MapLibre layer drawn from a registry source, without its `source`. Omit is applied to each
 * member of the union: a plain Omit over the union would keep only the keys all layer types
 * share, and lose `filter`.
 */
export type LayerSpec = Exclude<LayerSpecification, BackgroundLayerSpecification> extends infer L
	? L extends unknown
		? Omit<L, 'source'>
		: never
	: never;

export type OutlinePattern = 'solid' | 'dashed' | 'dotted';

/**
 * line-dasharray for each outline pattern, in multiples of the line width. "dotted" is a
 * zero-length dash with round caps, which draws dots.
 */
export const DASHES: Record<OutlinePattern, number[] | undefined> = {
	solid: undefined,
	dashed: [3, 2],
	dotted: [0, 2]
};

/** True while a chapter highlights the feature or the reader has selected it. */
const ACTIVE: ExpressionSpecification = [
	'any',
	['boolean', ['feature-state', 'highlight'], false],
	['boolean', ['feature-state', 'selected'], false]
];

/**
 * Features carry `scope` (set by geo/build.js): "national" measures are drawn as the country
 * outline only, since a fill over all of Mexico would hide everything else; "region" and
 * "zone" areas get a light fill and an outline; "place" features are points.
 */
const isScope = (...scopes: string[]): ExpressionSpecification => ['match', ['get', 'scope'], scopes, true, false];

/** Line width by zoom, wider when the feature is active. */
const width = (base: number): ExpressionSpecification => [
	'interpolate',
	['linear'],
	['zoom'],
	3,
	['case', ACTIVE, base * 1.8, base],
	8,
	['case', ACTIVE, base * 3.2, base * 2]
];

/**
 * The layers of one theme: a translucent fill under a patterned outline for areas, the same
 * outline (wider, no fill) for national measures, and circles for places. The fill stays light
 * so the basemap, the route and the DOM labels above it keep their contrast.
 */
function themeLayers(
	id: string,
	color: string,
	outline: OutlinePattern,
	opts: { national?: boolean; places?: boolean; fill?: [base: number, active: number] } = {}
) {
	const [fill, activeFill] = opts.fill ?? [0.1, 0.22];
	const dash = DASHES[outline];
	const cap = outline === 'dotted' ? 'round' : 'butt';
	const layers: LayerSpec[] = [
		{
			id: `${id}-fill`,
			type: 'fill',
			filter: isScope('region', 'zone'),
			paint: { 'fill-color': color, 'fill-opacity': ['case', ACTIVE, activeFill, fill] }
		},
		{
			id: `${id}-outline`,
			type: 'line',
			filter: isScope('region', 'zone'),
			layout: { 'line-join': 'round', 'line-cap': cap },
			paint: { 'line-color': color, 'line-width': width(1.5), ...(dash && { 'line-dasharray': dash }) }
		}
	];
	if (opts.national)
		layers.push({
			id: `${id}-national`,
			type: 'line',
			filter: isScope('national'),
			layout: { 'line-join': 'round', 'line-cap': cap },
			paint: { 'line-color': color, 'line-width': width(2), 'line-opacity': 0.9, ...(dash && { 'line-dasharray': dash }) }
		});
	if (opts.places)
		layers.push({
			id: `${id}-places`,
			type: 'circle',
			filter: isScope('place'),
			paint: {
				'circle-color': color,
				'circle-radius': ['case', ACTIVE, 8, 5.5],
				'circle-stroke-color': BASEMAP.mexico,
				'circle-stroke-width': 1.5
			}
		});
	return layers;
}

/**
 * In drawing order within each kind of mark (the style puts all fills under all lines under
 * all points): themes, then the borders, then the route on top of the lines.
 */
export const LAYERS: readonly LayerDef[] = [
	{
		id: 'enforcement',
		kind: 'thematic',
		title: 'Enforcement programs',
		description: 'Programa Frontera Sur, the Mérida Initiative, “Third Safe Country” and “Remain in Mexico”. Solid outline; national measures outline all of Mexico.',
		swatch: { shape: 'fill', color: LAYER_COLORS.enforcement, outline: 'solid' },
		data: 'enforcement.geojson',
		layers: themeLayers('enforcement', LAYER_COLORS.enforcement, 'solid', { national: true })
	},
	{
		id: 'surveillance',
		kind: 'thematic',
		title: 'Surveillance',
		description: 'US-funded towers and biometric equipment in the states the sources name (no tower sites are given), and the Southern Command at the Guatemala border. Dashed outline.',
		swatch: { shape: 'fill', color: LAYER_COLORS.surveillance, outline: 'dashed' },
		data: 'surveillance.geojson',
		// A fainter fill: its region is the same as Programa Frontera Sur's, and two strong tints
		// of complementary colours would mix to grey. The dashed outline carries it.
		layers: themeLayers('surveillance', LAYER_COLORS.surveillance, 'dashed', { fill: [0.05, 0.12] })
	},
	{
		id: 'refuge',
		kind: 'thematic',
		title: 'Refuge policy',
		description: 'Asylum in the Constitution, Mexico City’s sanctuary constitution, asylum requests, and shelters and rights organisations (circles). Dotted outline.',
		swatch: { shape: 'fill', color: LAYER_COLORS.refuge, outline: 'dotted' },
		data: 'refuge.geojson',
		layers: themeLayers('refuge', LAYER_COLORS.refuge, 'dotted', { national: true, places: true })
	},
	{
		id: 'borders',
		kind: 'reference',
		title: 'International borders',
		description: 'Mexico’s borders with Guatemala and Belize, and with the United States.',
		swatch: { shape: 'line', color: LAYER_COLORS.borders, outline: 'solid' },
		data: 'borders.geojson',
		layers: [
			{
				id: 'borders-line',
				type: 'line',
				layout: { 'line-join': 'round', 'line-cap': 'round' },
				// Chapters highlight a border by its id (mx-gt, mx-us).
				paint: { 'line-color': LAYER_COLORS.borders, 'line-width': width(1.5) }
			}
		]
	},
	{
		id: 'route',
		kind: 'reference',
		title: 'Route north',
		description: 'Schematic route north (not an exact path): from the Guatemala border through the Oaxaca and Tabasco corridors and Mexico City to Tijuana.',
		swatch: { shape: 'dashed', color: LAYER_COLORS.route, outline: 'dashed' },
		data: 'route.geojson',
		layers: [
			{
				// A pale casing keeps the dashes legible where they cross fills and borders.
				id: 'route-casing',
				type: 'line',
				layout: { 'line-join': 'round', 'line-cap': 'round' },
				paint: { 'line-color': BASEMAP.mexico, 'line-opacity': 0.85, 'line-width': width(4) }
			},
			{
				id: 'route-line',
				type: 'line',
				layout: { 'line-join': 'round' },
				paint: {
					'line-color': LAYER_COLORS.route,
					'line-width': width(2),
					'line-dasharray': [2, 1.5]
				}
			}
		]
	}
];

export const LAYER_IDS: ReadonlySet<string> = new Set(LAYERS.map((l) => l.id));
