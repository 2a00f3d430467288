import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { contrast, toLinear } from '$lib/map/colour';
import { BASEMAP } from '$lib/map/palette';
import { ContentError } from '$lib/content/errors';
import { parseGazetteer } from '$lib/geo/gazetteer';
import { labelProblem } from './entries.js';
import { checkLabels, chapterLabels, labelRef, withLayerPlaces } from './labels';
import { fitsIn, labelBox, labelOrder, placeNames, type LabelFeature } from './layout';
import { HALO, LABEL_CLASSES, LABEL_PADDING, PLACE_KINDS } from './style';

const GEO = new URL('../../../geo/', import.meta.url);
const read = <T>(file: string) => JSON.parse(readFileSync(new URL(file, GEO), 'utf8')) as T;
const entries = read<{ regions: Record<string, unknown>; seas: unknown[]; places: Record<string, unknown> }>('labels.json');
const labels = read<FeatureCollection>('labels.geojson');
const states = read<FeatureCollection>('states.geojson');
const countries = read<FeatureCollection>('countries.geojson');
const regions = new Set([...states.features, ...countries.features].map((f) => String(f.properties!.id)));
const gazetteer = parseGazetteer(read<unknown>('gazetteer.json'), 'geo/gazetteer.json', regions);
const clone = <T>(x: T): T => structuredClone(x);

describe('the map’s type', () => {
	it('keeps every label 4.5:1 or more against its halo (WCAG 1.4.3)', () => {
		for (const [name, cls] of Object.entries(LABEL_CLASSES))
			expect(contrast(toLinear(cls.color), toLinear(HALO.color)), name).toBeGreaterThanOrEqual(4.5);
	});

	it('draws the halo light enough to stand out from every fill it can sit on', () => {
		for (const fill of [BASEMAP.land, BASEMAP.mexico, BASEMAP.sea, BASEMAP.highlightFill])
			expect(contrast(toLinear(HALO.color), toLinear(fill)), fill).toBeLessThan(1.35);
	});

	it('sets a hierarchy: countries largest, states smallest, what a chapter highlights heavier than what it merely shows', () => {
		expect(LABEL_CLASSES.country.size).toBeGreaterThan(LABEL_CLASSES.state.size);
		expect(LABEL_CLASSES.place.size).toBeGreaterThan(LABEL_CLASSES.state.size);
		const weight = { regular: 400, italic: 400, semibold: 600, bold: 700 };
		expect(weight[LABEL_CLASSES.highlight.face]).toBeGreaterThan(weight[LABEL_CLASSES.place.face]);
		expect(LABEL_CLASSES.highlight.color).not.toBe(LABEL_CLASSES.place.color);
	});
});

describe('geo/labels.json and labels.geojson', () => {
	it('are current: labels.json has no problem, and every place the map must name has a label', () => {
		expect(labelProblem(entries, { gazetteer, regions })).toBeNull();
		expect(() => checkLabels(entries, labels, gazetteer, regions)).not.toThrow();
	});

	it('name the countries, the seas and every state the map draws, in English and Spanish', () => {
		const names = (ref: string) => labels.features.filter((f) => f.properties!.ref === ref).map((f) => [f.properties!.name_en, f.properties!.name_es]);
		expect(names('mex')[0]).toEqual(['Mexico', 'México']);
		expect(names('usa')[0]).toEqual(['United States', 'Estados Unidos']);
		for (const ref of ['gtm', 'blz', 'hnd', 'slv', 'pacific-ocean', 'gulf-of-mexico']) expect(names(ref).length, ref).toBeGreaterThan(0);
		for (const state of states.features) if (state.properties!.id !== 'mx-cmx') expect(names(String(state.properties!.id)).length, String(state.properties!.id)).toBe(1);
	});

	it('place every country’s and state’s label inside its own polygon', () => {
		const polygons = new Map([...states.features, ...countries.features].map((f) => [String(f.properties!.id), f as Feature<Polygon | MultiPolygon>]));
		for (const f of labels.features) {
			const polygon = polygons.get(String(f.properties!.ref));
			if (!polygon) continue;
			expect(booleanPointInPolygon((f.geometry as unknown as { coordinates: [number, number] }).coordinates, polygon), String(f.properties!.id)).toBe(true);
		}
	});

	it('refuse a place the map must name that has no label, naming it and saying what to add', () => {
		const bad = clone(entries);
		delete bad.places.tapachula;
		expect(labelProblem(bad, { gazetteer, regions })).toEqual({
			field: 'places.tapachula',
			message: 'no label for "Tapachula", which the map must name (geo/gazetteer.json): add { "en": "…", "es": "…", "anchor": "left" }'
		});
		expect(() => checkLabels(bad, labels, gazetteer, regions)).toThrow(ContentError);
		expect(() => checkLabels(bad, labels, gazetteer, regions)).toThrow(/^geo\/labels\.json: places\.tapachula: no label for "Tapachula"/);
	});

	it('refuse a country of the gazetteer without its label, a label without its Spanish name, and a zoom the map cannot filter by', () => {
		const noCountry = clone(entries);
		delete noCountry.regions.gtm;
		expect(labelProblem(noCountry, { gazetteer, regions })?.field).toBe('regions.gtm');
		const noSpanish = clone(entries) as { places: Record<string, Record<string, string>> };
		delete noSpanish.places['mexico-city']!.es;
		expect(labelProblem(noSpanish, { gazetteer, regions })).toEqual({ field: 'places.mexico-city.es', message: 'must give the name in "es"' });
		const halfZoom = clone(entries) as { regions: Record<string, { at: { maxzoom?: number }[] }> };
		halfZoom.regions.mex!.at[0]!.maxzoom = 4.5;
		expect(labelProblem(halfZoom, { gazetteer, regions })?.message).toBe('must be a whole zoom level');
	});

	it('refuse a labels.geojson older than the gazetteer: run npm run geo', () => {
		const stale = { ...labels, features: labels.features.filter((f) => f.properties!.ref !== 'tijuana') };
		expect(() => checkLabels(entries, stale, gazetteer, regions)).toThrow('geo/labels.geojson: tijuana: has no label for Tijuana: run npm run geo');
	});
});

describe('which names a view writes', () => {
	const places = new Map(gazetteer.map((p) => [p.id, p]));

	it('names what a chapter highlights and what it shows or its prose names, by the label that names each', () => {
		expect(chapterLabels({ highlight: ['tijuana', 'chiapas', 'remain-in-mexico'], places: ['tijuana', 'mexico-city'] }, ['mexico', 'chiapas'], places)).toEqual({
			highlight: ['tijuana', 'mx-chp'],
			shown: ['mexico-city', 'mex']
		});
		expect(labelRef(places.get('guatemala')!)).toBe('gtm');
	});

	it('names the places of the point layers that are on', () => {
		const features = [{ layer: 'refuge', place: 'la-72' }, { layer: 'refuge', place: 'ixcan' }, { layer: 'enforcement' }];
		expect(withLayerPlaces({ highlight: ['ixcan'], shown: [] }, features, ['refuge'])).toEqual({ highlight: ['ixcan'], shown: ['la-72'] });
		const same = { highlight: [], shown: [] };
		expect(withLayerPlaces(same, features, ['enforcement'])).toBe(same);
	});
});

describe('where names go', () => {
	const at: [number, number] = [0, 0];
	const isPlaceKind = (k: string) => PLACE_KINDS.includes(k);
	const feature = (id: string, kind: string, rank: number, extra: Partial<LabelFeature> = {}): LabelFeature => ({ id, ref: id, kind, rank, minzoom: 0, maxzoom: 24, at, ...extra });

	it('puts a place’s name beside, above or below its dot, and an area’s name centred on its point', () => {
		const [l, t, r, b] = labelBox('city', 'left', 100, 50, 40, false);
		expect(l).toBeGreaterThan(100);
		expect(r - l).toBe(40);
		expect((t + b) / 2).toBe(50);
		expect(labelBox('city', 'right', 100, 50, 40, false)[2]).toBeLessThan(100);
		expect(labelBox('city', 'top', 100, 50, 40, false)[3]).toBeLessThan(50);
		expect(labelBox('city', 'bottom', 100, 50, 40, false)[1]).toBeGreaterThan(50);
		expect(labelBox('state', 'center', 100, 50, 40, false)).toEqual([80, 50 - LABEL_CLASSES.state.size * 0.6, 120, 50 + LABEL_CLASSES.state.size * 0.6]);
	});

	it('writes no name off the canvas or under a panel', () => {
		const room = { width: 300, height: 200, covered: [[0, 150, 300, 200] as [number, number, number, number]] };
		expect(fitsIn([10, 10, 50, 30], room)).toBe(true);
		expect(fitsIn([-5, 10, 50, 30], room)).toBe(false);
		expect(fitsIn([10, 140, 50, 160], room)).toBe(false);
	});

	it('places highlighted names first, then the chapter’s, then the base names; a name that would overlap one placed is dropped', () => {
		const features = [feature('mex', 'country', 1), feature('mx-chp', 'state', 3), feature('tapachula', 'city', 5, { anchor: 'left' }), feature('far', 'state', 4, { minzoom: 9 })];
		const order = labelOrder(features, { highlight: ['mx-chp'], shown: ['tapachula'] }, 5.9, isPlaceKind);
		expect(order.map((o) => [o.feature.id, o.tier])).toEqual([
			['mx-chp', 'highlight'],
			['tapachula', 'shown'],
			['mex', 'base']
		]);
		// All at the same point: the first placed wins; the others find no side that keeps clear of it.
		const room = { width: 300, height: 200, covered: [] };
		expect(placeNames(order, () => [150, 100], () => 60, room, LABEL_PADDING).map((p) => [p.feature.id, p.side])).toEqual([['mx-chp', 'center']]);
		// Apart, all three are written.
		const points = new Map<string, [number, number]>([['mx-chp', [150, 40]], ['tapachula', [40, 100]], ['mex', [150, 160]]]);
		const spread = order.map((o) => ({ ...o, feature: { ...o.feature, at: points.get(o.feature.id)! } }));
		expect(placeNames(spread, (p) => p, () => 60, room, LABEL_PADDING).map((p) => p.feature.id)).toEqual(['mx-chp', 'tapachula', 'mex']);
	});

	it('writes a place’s name on the other side of its dot where its own side is off the canvas', () => {
		const order = labelOrder([feature('tapachula', 'city', 5, { anchor: 'left' })], { highlight: [], shown: ['tapachula'] }, 6, isPlaceKind);
		const [placed] = placeNames(order, () => [290, 100], () => 60, { width: 300, height: 200, covered: [] }, LABEL_PADDING);
		expect(placed!.side).toBe('right');
	});

	it('writes one name for a country with several label points: the one nearest the middle that fits', () => {
		const candidates = [
			feature('mex', 'country', 1, { at: [40, 40] }),
			feature('mex~2', 'country', 1, { ref: 'mex', at: [160, 110] }),
			feature('mex~3', 'country', 1, { ref: 'mex', at: [260, 170] })
		];
		const order = labelOrder(candidates, { highlight: [], shown: [] }, 4, isPlaceKind);
		const placed = placeNames(order, (at) => at, () => 60, { width: 300, height: 200, covered: [] }, LABEL_PADDING);
		expect(placed.map((p) => p.feature.id)).toEqual(['mex~2']);
	});
});
