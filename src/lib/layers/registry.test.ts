import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { BASEMAP } from '$lib/map/palette';
import { buildStyle } from '$lib/map/style';
import { realStory } from '../../../tests/unit/real-story';
import { THEMATIC_LAYERS } from './props';
import { DASHES, LAYERS, type LayerDef } from './registry';

const GEO = new URL('../../../geo/', import.meta.url);
const urls = Object.fromEntries(['countries.geojson', 'states.geojson', ...LAYERS.map((l) => l.data)].map((f) => [f, `/geo/${f}`]));

// --- colour arithmetic (WCAG 2 relative luminance; CIE L*a*b*; Machado et al. 2009 CVD) ---

type RGB = [number, number, number];
const hex = (h: string): RGB => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as RGB;
const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const toLinear = (h: string) => hex(h).map(linear) as RGB;
const luminance = ([r, g, b]: RGB) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
const contrast = (a: RGB, b: RGB) => {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
};
/** `top` at `alpha` over `bottom`, composited in sRGB as browsers do, returned linear. */
const over = (top: string, alpha: number, bottom: string): RGB =>
	hex(top).map((t, i) => linear(t * alpha + hex(bottom)[i]! * (1 - alpha))) as RGB;

/** Machado, Oliveira & Fernandes (2009) simulation matrices at full severity, on linear RGB. */
const CVD: Record<string, number[][]> = {
	normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
	protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
	deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
	tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]]
};
const simulate = (c: RGB, m: number[][]) => m.map((row) => Math.min(1, Math.max(0, row[0]! * c[0] + row[1]! * c[1] + row[2]! * c[2]))) as RGB;
function lab([r, g, b]: RGB): RGB {
	const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
	const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
	const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
	const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
	return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
/** CIE76 colour difference; about 2 is just noticeable, 20 clearly different at a glance. */
const deltaE = (a: RGB, b: RGB) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]!));

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

	it('draws no text: there is no glyph server, labels are DOM elements', () => {
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
