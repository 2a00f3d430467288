import type { BackgroundLayerSpecification, ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { isBasis, type Basis } from '$lib/content/basis';
import { BASEMAP } from '$lib/map/palette';
import layerList from './layers.json';

/**
 * The layer registry: every layer a chapter or a reader can switch on, from layers.json (the one
 * list of layers), with the MapLibre layers that draw it. The style, the legend and the chapter
 * schema all read from here, so a layer cannot exist in one and not the others.
 */
export interface LayerDef {
	id: string;
	/**
	 * thematic: every feature carries a program, dates, a summary and supporting passages.
	 * reference: context drawn from the geo data (borders, the schematic route).
	 */
	kind: 'thematic' | 'reference';
	title: string;
	/** A word for the key where room is short (phones). */
	short: string;
	/** What its marks mean, in a few words, for the key beside the map. */
	key: string;
	/** One line for the legend. */
	description: string;
	/**
	 * Where the layer comes from: `general` knowledge (the schematic route: no source gives a
	 * path) is marked as such wherever the layer is shown, with basisMark() / BasisMark.svelte.
	 */
	basis: Basis;
	/**
	 * Legend swatch: colour and shape of the mark. `outline` is the pattern of the mark's
	 * outline on the map (CSS border-style names), the cue that does not depend on colour.
	 */
	swatch: { shape: 'fill' | 'line' | 'dashed' | 'point'; color: string; outline?: OutlinePattern };
	/** File name in geo/. */
	data: string;
	/** MapLibre layer specs; their `source` is replaced by the layer id when the style is built. */
	layers: LayerSpec[];
	/** A theme's area fill opacity, at rest and active (highlighted), for the pictures drawn at build too. */
	fill?: Fill;
	/** How the layer's marks are drawn, in plain numbers: the key's swatch and the pictures drawn at build draw them so. */
	mark: Mark;
}

/** A layer's marks as drawn at a middle zoom of the story (5), in CSS pixels. */
export interface Mark {
	/** An area's tint and outline. */
	area?: { color: string; opacity: number; outline: OutlinePattern; width: number; dash?: number[]; inset: number };
	/** A line (borders, the route), with its pale casing where it has one. */
	line?: { color: string; width: number; dash?: number[]; casing?: { color: string; width: number; opacity: number } };
	/** Points (shelters): a dot with a light ring. */
	point?: { color: string; radius: number; stroke: string; strokeWidth: number };
	/** National measures: a tint over all of Mexico while one is highlighted, selected or pointed at. */
	national?: { color: string; opacity: number };
}

interface Fill {
	rest: number;
	active: number;
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

/** True while a chapter highlights the feature, or the reader has selected it or points at it. */
const ACTIVE: ExpressionSpecification = [
	'any',
	['boolean', ['feature-state', 'highlight'], false],
	['boolean', ['feature-state', 'selected'], false],
	['boolean', ['feature-state', 'hover'], false]
];

/**
 * Features carry `scope` (set by geo/build.js): "national" measures are drawn as the country
 * outline only, since a fill over all of Mexico would hide everything else; "region" and
 * "zone" areas get a light fill and an outline; "place" features are points.
 */
const isScope = (...scopes: string[]): ExpressionSpecification => ['match', ['get', 'scope'], scopes, true, false];

/** The zoom the key's swatches show the marks at: the middle of the story's zooms. */
const KEY_ZOOM = 5;
/** A width() line's width at a zoom, at rest. */
const widthAt = (base: number, zoom: number) => base + ((base * 2 - base) * (Math.min(8, Math.max(3, zoom)) - 3)) / 5;

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
interface ThemeOptions {
	national?: boolean;
	places?: boolean;
	fill?: number[];
	/**
	 * How far inside its area a theme draws its outline, in pixels: themes that outline the same
	 * states (Programa Frontera Sur and the surveillance region) draw side by side, not on top of
	 * one another or of the coast.
	 */
	inset?: number;
}

/** A national measure's tint over all of Mexico, while it is active; at rest it is not drawn (the key names it). */
const NATIONAL_TINT = 0.12;
/** Place circles: radius at rest and active, by zoom (smaller in views of the whole country, so they do not hide one another). */
const PLACE_RADIUS = { low: [4, 6], high: [5.5, 8] } as const;
const THEME_OUTLINE = 1.5;

/** A theme's fill opacities: light by default, fainter where layers.json says so. */
function themeFill(opts: ThemeOptions = {}): Fill {
	const [rest = 0.1, active = 0.22] = opts.fill ?? [];
	return { rest, active };
}

function themeLayers(id: string, color: string, outline: OutlinePattern, opts: ThemeOptions = {}) {
	const { rest: fill, active: activeFill } = themeFill(opts);
	const dash = DASHES[outline];
	const cap = outline === 'dotted' ? 'round' : 'butt';
	const layers: LayerSpec[] = [
		{
			id: `${id}-fill`,
			type: 'fill',
			filter: isScope('region', 'zone'),
			// No antialiased edge (a second shader program): the outline layer draws the edge.
			paint: { 'fill-color': color, 'fill-opacity': ['case', ACTIVE, activeFill, fill], 'fill-antialias': false }
		},
		{
			id: `${id}-outline`,
			type: 'line',
			filter: isScope('region', 'zone'),
			layout: { 'line-join': 'round', 'line-cap': cap },
			// Areas are wound counter-clockwise (RFC 7946): a negative offset moves the line inside.
			paint: { 'line-color': color, 'line-width': width(THEME_OUTLINE), 'line-offset': -(opts.inset ?? 0), ...(dash && { 'line-dasharray': dash }) }
		}
	];
	if (opts.national)
		// A national measure covers the whole country: an outline of it would read as the coast,
		// and a standing fill would hide everything else. It is named in the map's key, and tints
		// the country only while it is highlighted, selected or pointed at.
		layers.push({
			id: `${id}-national`,
			type: 'fill',
			filter: isScope('national'),
			paint: { 'fill-color': color, 'fill-opacity': ['case', ACTIVE, NATIONAL_TINT, 0], 'fill-antialias': false }
		});
	if (opts.places)
		layers.push({
			id: `${id}-places`,
			type: 'circle',
			filter: isScope('place'),
			paint: {
				'circle-color': color,
				'circle-radius': ['interpolate', ['linear'], ['zoom'], 3, ['case', ACTIVE, PLACE_RADIUS.low[1], PLACE_RADIUS.low[0]], 7, ['case', ACTIVE, PLACE_RADIUS.high[1], PLACE_RADIUS.high[0]]],
				'circle-stroke-color': BASEMAP.mexico,
				'circle-stroke-width': 1.5
			}
		});
	return layers;
}

/** A theme's marks in plain numbers (see Mark). */
function themeMark(color: string, outline: OutlinePattern, opts: ThemeOptions): Mark {
	const w = widthAt(THEME_OUTLINE, KEY_ZOOM);
	const mark: Mark = { area: { color, opacity: themeFill(opts).rest, outline, width: w, dash: DASHES[outline]?.map((d) => d * w), inset: opts.inset ?? 0 } };
	if (opts.national) mark.national = { color, opacity: NATIONAL_TINT };
	if (opts.places) mark.point = { color, radius: PLACE_RADIUS.low[0] + ((PLACE_RADIUS.high[0] - PLACE_RADIUS.low[0]) * (KEY_ZOOM - 3)) / 4, stroke: BASEMAP.mexico, strokeWidth: 1.5 };
	return mark;
}

const BORDER_WIDTH = 1.5;
const ROUTE = { width: 2, casing: 4, casingOpacity: 0.85, dash: [2, 1.5] };

/** The draw kinds of layers.json, each a function from a layer entry to its MapLibre layers. */
const DRAW = {
	theme: (id: string, color: string, outline: OutlinePattern, opts: ThemeOptions) => themeLayers(id, color, outline, opts),
	borders: (id: string, color: string): LayerSpec[] => [
		{
			id: `${id}-line`,
			type: 'line',
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			// Chapters highlight a border by its id (mx-gt, mx-us).
			paint: { 'line-color': color, 'line-width': width(BORDER_WIDTH) }
		}
	],
	route: (id: string, color: string): LayerSpec[] => [
		{
			// A pale casing keeps the dashes legible where they cross fills and borders.
			id: `${id}-casing`,
			type: 'line',
			layout: { 'line-join': 'round', 'line-cap': 'round' },
			paint: { 'line-color': BASEMAP.mexico, 'line-opacity': ROUTE.casingOpacity, 'line-width': width(ROUTE.casing) }
		},
		{
			id: `${id}-line`,
			type: 'line',
			layout: { 'line-join': 'round' },
			paint: { 'line-color': color, 'line-width': width(ROUTE.width), 'line-dasharray': ROUTE.dash }
		}
	]
};

/** The marks of each draw kind, in plain numbers. */
const MARKS = {
	borders: (color: string): Mark => ({ line: { color, width: widthAt(BORDER_WIDTH, KEY_ZOOM) } }),
	route: (color: string): Mark => {
		const w = widthAt(ROUTE.width, KEY_ZOOM);
		return { line: { color, width: w, dash: ROUTE.dash.map((d) => d * w), casing: { color: BASEMAP.mexico, width: widthAt(ROUTE.casing, KEY_ZOOM), opacity: ROUTE.casingOpacity } } };
	}
};

interface LayerEntry {
	id: string;
	kind: string;
	title: string;
	short: string;
	key: string;
	description: string;
	basis?: string;
	data: string;
	color: string;
	swatch: string;
	outline: string;
	draw: 'borders' | 'route' | { theme: ThemeOptions };
}

function define(entry: LayerEntry): LayerDef {
	const outline = entry.outline as OutlinePattern;
	if (!(outline in DASHES)) throw new Error(`src/lib/layers/layers.json: ${entry.id}.outline: "${entry.outline}" is not solid, dashed or dotted`);
	const basis = entry.basis ?? 'sourced';
	if (!isBasis(basis)) throw new Error(`src/lib/layers/layers.json: ${entry.id}.basis: "${basis}" is not sourced, ours or general`);
	const layers =
		typeof entry.draw === 'string' ? DRAW[entry.draw](entry.id, entry.color) : DRAW.theme(entry.id, entry.color, outline, entry.draw.theme);
	return {
		id: entry.id,
		kind: entry.kind as LayerDef['kind'],
		title: entry.title,
		short: entry.short,
		key: entry.key,
		description: entry.description,
		basis,
		swatch: { shape: entry.swatch as LayerDef['swatch']['shape'], color: entry.color, outline },
		data: entry.data,
		layers,
		mark: typeof entry.draw === 'string' ? MARKS[entry.draw](entry.color) : themeMark(entry.color, outline, entry.draw.theme),
		...(typeof entry.draw !== 'string' && { fill: themeFill(entry.draw.theme) })
	};
}

/** Every layer of layers.json, in drawing order, with its MapLibre layers. */
export const LAYERS: readonly LayerDef[] = (layerList.layers as LayerEntry[]).map(define);

export const LAYER_IDS: ReadonlySet<string> = new Set(LAYERS.map((l) => l.id));
