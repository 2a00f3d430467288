import { describe, expect, it } from 'vitest';
import { validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { LAYERS } from '$lib/layers/registry';
import { buildStyle } from './style';

const urls = Object.fromEntries(['countries.geojson', 'states.geojson', 'labels.geojson', ...LAYERS.map((l) => l.data)].map((f) => [f, `/geo/${f}`]));

describe('buildStyle', () => {
	it('builds a style the MapLibre style spec accepts', () => {
		expect(validateStyleMin(buildStyle(urls))).toEqual([]);
	});

	it('refers only to this site: no tiles, glyph server or sprites; the labels’ typeface is served here', () => {
		const style = buildStyle(urls);
		expect(style.glyphs).toBeUndefined();
		expect(style.sprite).toBeUndefined();
		const faces = Object.values(style['font-faces'] ?? {});
		expect(faces.length).toBeGreaterThan(0);
		for (const face of faces) expect(String(face)).toMatch(/^\/fonts\/[a-z]+\.woff2$/);
		for (const [id, source] of Object.entries(style.sources)) {
			expect(source.type).toBe('geojson');
			const data = (source as { data: unknown }).data;
			// The names placed for a view are set by the engine; every other source is a file of this site.
			if (id === 'names') expect(data).toEqual({ type: 'FeatureCollection', features: [] });
			else expect(String(data)).toMatch(/^\/geo\//);
		}
	});

	it('draws every registry layer from its own source, hidden until a chapter shows it', () => {
		const style = buildStyle(urls);
		for (const def of LAYERS) {
			const drawn = style.layers.filter((l) => 'source' in l && l.source === def.id);
			expect(drawn.length).toBe(def.layers.length);
			for (const l of drawn) expect(l.layout?.visibility).toBe('none');
		}
	});

	it('shows the first view’s layers from the start, and only those', () => {
		const first = LAYERS[0]!.id;
		const style = buildStyle(urls, { visible: [first] });
		for (const def of LAYERS)
			for (const l of style.layers.filter((l) => 'source' in l && l.source === def.id)) expect(l.layout?.visibility, l.id).toBe(def.id === first ? 'visible' : 'none');
	});

	it('draws no fill’s antialiased edge (a shader program of its own): line layers draw the edges', () => {
		const fills = buildStyle(urls).layers.filter((l) => l.type === 'fill');
		expect(fills.length).toBeGreaterThan(2);
		for (const l of fills) expect((l.paint as Record<string, unknown>)['fill-antialias'], l.id).toBe(false);
	});

	it('fails loudly when a data file has no URL', () => {
		expect(() => buildStyle({})).toThrow(/no URL for geo\/countries.geojson/);
	});
});
