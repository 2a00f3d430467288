import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import { LABEL_FACE_IDS, fontStack, type LabelFace } from './fonts';
import type { PlacedLabel, Side } from './layout';

/**
 * How the map writes each kind of name: the type hierarchy, in one place. The live map's symbol
 * layers (labelLayers, below), the pictures drawn at build (labels.server.ts) and the tests all
 * read these; a size or a colour changed here changes all of them.
 *
 * Sizes are fixed in pixels whatever the zoom, as a newsroom map sets its type: a name reads the
 * same in every chapter, and a label's box can be known before it is drawn.
 */
export interface LabelClass {
	face: LabelFace;
	/** Text size in CSS pixels. */
	size: number;
	color: string;
	uppercase: boolean;
	/** Extra space between letters, in ems (MapLibre's text-letter-spacing). */
	spacing: number;
}

/** The halo behind every name: 4.5:1 or more against every text colour (labels.test.ts). */
export const HALO = { color: '#fbfaf6', width: 1.75, blur: 0.25 };

export const LABEL_CLASSES = {
	country: { face: 'semibold', size: 14, color: '#4d4539', uppercase: true, spacing: 0.12 },
	sea: { face: 'italic', size: 13, color: '#2b5a79', uppercase: false, spacing: 0.04 },
	state: { face: 'regular', size: 11, color: '#564e42', uppercase: true, spacing: 0.07 },
	place: { face: 'semibold', size: 13, color: '#1d232a', uppercase: false, spacing: 0 },
	/** What a chapter highlights: heavier and darker-warm, whatever its kind. */
	highlight: { face: 'bold', size: 14, color: '#7a3400', uppercase: false, spacing: 0 }
} as const satisfies Record<string, LabelClass>;

export type LabelClassId = keyof typeof LABEL_CLASSES;

/** The label kinds of labels.geojson that are places (drawn with a dot); the rest are areas. */
export const PLACE_KINDS = ['city', 'town', 'crossing', 'shelter', 'region'];

/** The class a label is written in: highlighted labels keep their kind's case and spacing. */
export function labelClass(kind: string, highlighted: boolean): LabelClass {
	const base: LabelClass = kind === 'country' ? LABEL_CLASSES.country : kind === 'sea' ? LABEL_CLASSES.sea : kind === 'state' ? LABEL_CLASSES.state : LABEL_CLASSES.place;
	return highlighted ? { ...LABEL_CLASSES.highlight, uppercase: base.uppercase, spacing: base.spacing } : base;
}

/** Space between a place's dot and its name, in ems. */
export const PLACE_OFFSET = 0.55;

/** The place dot: radius in pixels, at rest and highlighted. */
export const DOT = { radius: 3.5, highlighted: 4.5, color: '#1d232a', stroke: '#ffffff', strokeWidth: 1.5 };

/** Padding around every label's box that no other label may enter, in pixels (MapLibre's text-padding). */
export const LABEL_PADDING = 3;

/**
 * Which labels a view shows, by label ref (labels.geojson's `ref`): the chapter's highlighted
 * places, regions and countries, and the places it shows or names. Base labels (countries, seas,
 * states) are always on the map; the ones a chapter names or highlights are placed before them.
 */
export interface LabelSets {
	highlight: string[];
	shown: string[];
}

type LayerSpec = Record<string, unknown> & { id: string };

const isPlace: ExpressionSpecification = ['in', ['get', 'kind'], ['literal', PLACE_KINDS]];

/**
 * The live map's label layers, drawn over everything else: place dots (every place of
 * labels.geojson, the `places` source) and names (the `names` source: the names layout.ts placed
 * for the camera now, each with its class and side, see nameFeatures).
 */
export const LABEL_LAYER_IDS = { dots: 'labels-dots', names: 'labels-names' } as const;

/** The place dots a view draws: those of the places it highlights, shows or names. */
export function dotFilter(sets: LabelSets): FilterSpecification {
	return ['all', isPlace, ['in', ['get', 'ref'], ['literal', [...sets.highlight, ...sets.shown]]]] as FilterSpecification;
}

const HIGHLIGHTED: ExpressionSpecification = ['boolean', ['feature-state', 'highlight'], false];

/** MapLibre's text-anchor for each side a name is written on (a name above its dot hangs from its bottom). */
const ANCHOR_OF: Record<Side, string> = { left: 'left', right: 'right', top: 'bottom', bottom: 'top', center: 'center' };
/** The offset from the point, in ems, for each side. */
const OFFSET_OF: Record<Side, [number, number]> = { left: [PLACE_OFFSET, 0], right: [-PLACE_OFFSET, 0], top: [0, -PLACE_OFFSET], bottom: [0, PLACE_OFFSET], center: [0, 0] };
const bySide = (values: Record<Side, unknown>): ExpressionSpecification =>
	['match', ['get', 'side'], ...(Object.entries(values) as [Side, unknown][]).flatMap(([side, v]) => [side, Array.isArray(v) ? ['literal', v] : v]), Array.isArray(values.center) ? ['literal', values.center] : values.center] as unknown as ExpressionSpecification;

export function labelLayers(sets: LabelSets = { highlight: [], shown: [] }): LayerSpec[] {
	return [
		{
			id: LABEL_LAYER_IDS.dots,
			type: 'circle',
			source: 'places',
			filter: dotFilter(sets),
			paint: {
				'circle-color': DOT.color,
				'circle-radius': ['case', HIGHLIGHTED, DOT.highlighted, DOT.radius],
				'circle-stroke-color': DOT.stroke,
				'circle-stroke-width': DOT.strokeWidth
			}
		},
		{
			id: LABEL_LAYER_IDS.names,
			type: 'symbol',
			source: 'names',
			layout: {
				'text-field': ['get', 'text'],
				'text-font': ['match', ['get', 'face'], ...LABEL_FACE_IDS.flatMap((face) => [face, ['literal', [fontStack(face)]]]), ['literal', [fontStack('regular')]]],
				'text-size': ['get', 'size'],
				'text-transform': ['case', ['get', 'upper'], 'uppercase', 'none'],
				'text-letter-spacing': ['get', 'spacing'],
				'text-anchor': bySide(ANCHOR_OF),
				'text-offset': bySide(OFFSET_OF),
				'text-max-width': 40,
				'text-padding': LABEL_PADDING,
				// layout.ts has already kept the names apart, in this order; MapLibre's own check stays on,
				// in case a name is drawn wider than measured.
				'symbol-sort-key': ['get', 'order']
			},
			paint: {
				'text-color': ['get', 'color'],
				'text-halo-color': HALO.color,
				'text-halo-width': HALO.width,
				'text-halo-blur': HALO.blur
			}
		}
	];
}

/** The names placed for a view, as the `names` source's GeoJSON: each carries its text, class and side. */
export function nameFeatures(placed: readonly PlacedLabel[], text: (id: string) => string) {
	return {
		type: 'FeatureCollection' as const,
		features: placed.map((p, order) => {
			const cls = labelClass(p.feature.kind, p.highlighted);
			return {
				type: 'Feature' as const,
				properties: {
					id: p.feature.id,
					ref: p.feature.ref,
					kind: p.feature.kind,
					tier: p.tier,
					side: p.side,
					order,
					text: text(p.feature.id),
					face: cls.face,
					size: cls.size,
					color: cls.color,
					upper: cls.uppercase,
					spacing: cls.spacing
				},
				geometry: { type: 'Point' as const, coordinates: p.feature.at }
			};
		})
	};
}
