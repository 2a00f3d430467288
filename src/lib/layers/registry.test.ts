import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { BASEMAP } from '$lib/map/palette';
import { buildStyle } from '$lib/map/style';
import { CVD, contrast, deltaE, over, simulate, toLinear } from '$lib/map/colour';
import { realStory } from '../../../tests/unit/real-story';
import { THEMATIC_LAYERS } from './props';
import { DASHES, LAYERS, type LayerDef } from './registry';

const GEO = new URL('../../../geo/', import.meta.url);
const urls = Object.fromEntries(['countries.geojson', 'states.geojson', 'labels.geojson', ...LAYERS.map((l) => l.data)].map((f) => [f, `/geo/${f}`]));

const paintOf = (def: LayerDef) => def.layers.map((l) => ('paint' in l ? (l.paint as Record<string, unknown>) : {}));
/** Largest number in a paint value (a constant or an expression such as ['case', …, 0.3, 0.12]). */
const maxNumber = (value: unknown): number => (typeof value === 'number' ? value : Array.isArray(value) ? Math.max(...value.map(maxNumber), -Infinity) : -Infinity);

const thematic = LAYERS.filter((l) => l.kind === 'thematic');

describe('layer registry', () => {
	it('has unique layer ids and unique MapLibre layer ids, also against the basemap', () => {
		const ids = LAYERS.map((l) => l.id);
		expect(new Set(ids).size).toBe(ids.length);
		const styleIds = buildStyle(urls).layers.map((l) => l.id);
		expect(new Set(styleIds).size).toBe(styleIds.length);
	});

	it('reads data files that geo/build.js writes', () => {
		for (const def of LAYERS) expect(existsSync(new URL(def.data, GEO)), def.data).toBe(true);
		expect(thematic.map((l) => l.id)).toEqual(THEMATIC_LAYERS);
		for (const def of thematic) expect(def.data).toBe(`${def.id}.geojson`);
	});

	it('has the layers the story needs, with the route marked as schematic', () => {
		expect(LAYERS.map((l) => l.id)).toEqual(expect.arrayContaining(['enforcement', 'surveillance', 'refuge', 'borders', 'route']));
		const route = LAYERS.find((l) => l.id === 'route')!;
		expect(route.kind).toBe('reference');
		expect(route.description).toMatch(/^Schematic route north \(not an exact path\)/);
	});

	it('says which layers are general knowledge, not from the sources: the route, and only it', () => {
		expect(LAYERS.filter((l) => l.basis === 'general').map((l) => l.id)).toEqual(['route']);
		expect(LAYERS.filter((l) => l.basis !== 'general').every((l) => l.basis === 'sourced')).toBe(true);
	});

	it('draws no text of its own: every name on the map is a label layer (src/lib/labels/style.ts)', () => {
		for (const def of LAYERS) {
			for (const spec of def.layers) {
				expect(spec.type, spec.id).not.toBe('symbol');
				expect(JSON.stringify(spec)).not.toContain('text-field');
			}
		}
		const style = buildStyle(urls);
		expect(style.glyphs).toBeUndefined();
		expect(validateStyleMin(style)).toEqual([]);
	});

	it('draws each layer in its swatch colour and outline pattern', () => {
		for (const def of LAYERS) {
			for (const paint of paintOf(def)) {
				const colours = ['fill-color', 'line-color', 'circle-color'].map((k) => paint[k]).filter((c) => typeof c === 'string');
				// The route's casing is basemap-coloured on purpose.
				for (const c of colours) if (c !== BASEMAP.mexico) expect(c, def.id).toBe(def.swatch.color);
			}
			if (def.kind === 'thematic') {
				const dashes = def.layers.filter((l) => l.type === 'line').map((l) => (l.paint as Record<string, unknown>)['line-dasharray']);
				for (const d of dashes) expect(d, def.id).toEqual(DASHES[def.swatch.outline!]);
			}
		}
	});

	it('keeps every mark at 3:1 contrast against land, Mexico and sea (WCAG 1.4.11)', () => {
		for (const def of LAYERS) {
			for (const background of [BASEMAP.land, BASEMAP.mexico, BASEMAP.sea]) {
				expect(contrast(toLinear(def.swatch.color), toLinear(background)), `${def.id} on ${background}`).toBeGreaterThanOrEqual(3);
			}
		}
	});

	it('keeps label text readable over the strongest fill (4.5:1)', () => {
		const ink = toLinear('#1d232a'); // --ink in src/lib/styles/global.css, the labels' colour
		for (const def of thematic) {
			const fills = def.layers.filter((l) => l.type === 'fill').map((l) => maxNumber((l.paint as Record<string, unknown>)['fill-opacity']));
			for (const alpha of fills) {
				expect(alpha).toBeLessThanOrEqual(0.35);
				expect(contrast(ink, over(def.swatch.color, alpha, BASEMAP.mexico)), def.id).toBeGreaterThanOrEqual(4.5);
			}
		}
	});

	it('tells the themes apart without colour: each has its own outline pattern', () => {
		const patterns = thematic.map((l) => l.swatch.outline);
		expect(patterns.every(Boolean)).toBe(true);
		expect(new Set(patterns).size).toBe(thematic.length);
		const reference = LAYERS.filter((l) => l.kind === 'reference').map((l) => l.swatch.shape);
		expect(new Set(reference).size).toBe(reference.length);
	});

	it.each(Object.keys(CVD))('tells every pair of layers apart by colour under %s (ΔE ≥ 20)', (vision) => {
		for (const [i, a] of LAYERS.entries()) {
			for (const b of LAYERS.slice(i + 1)) {
				const d = deltaE(simulate(toLinear(a.swatch.color), CVD[vision]!), simulate(toLinear(b.swatch.color), CVD[vision]!));
				expect(d, `${a.id} vs ${b.id}`).toBeGreaterThanOrEqual(20);
			}
		}
	});
});

describe('thematic features', () => {
	// buildStory validates every layer file against the shared passages and throws otherwise.
	const story = realStory();

	it.each(thematic.map((l) => l.id))('%s: every feature cites passages that resolve', (id) => {
		const features = story.features.get(id)!.features;
		expect(features.length).toBeGreaterThan(0);
		for (const f of features) {
			const passages = f.properties!.passages as string[];
			expect(passages.length).toBeGreaterThan(0);
			for (const p of passages) expect(story.passages.get(p)?.definedIn, `${f.properties!.id} → ${p}`).toBe('src/content/passages.yaml');
		}
	});

	it.each(thematic.map((l) => l.id))('%s: every figure appears in a passage the feature cites', (id) => {
		for (const f of story.features.get(id)!.features) {
			const figures = f.properties!.figures as string | undefined;
			if (!figures) continue;
			const cited = (f.properties!.passages as string[]).map((p) => story.passages.get(p)!.exact).join(' ');
			// Years are dates (checked as start/end); every other number must be quoted.
			const numbers = (figures.match(/\d[\d,.]*\d|\d/g) ?? []).filter((n) => !/^(19|20)\d\d$/.test(n));
			expect(numbers.length).toBeGreaterThan(0);
			for (const n of numbers) expect(cited, `${f.properties!.id}: ${n}`).toContain(n);
		}
	});
});
