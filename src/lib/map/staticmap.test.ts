import { describe, expect, it } from 'vitest';
import { LAYERS } from '$lib/layers/registry';
import { site } from '$lib/server/site';
import { staticMapSvg } from './staticmap.server';

describe('the pictures drawn at build', () => {
	it('fill each theme’s areas as the live map does, at rest and highlighted, so the live map takes over unchanged', () => {
		const { stillMaps } = site();
		const themes = LAYERS.filter((l) => l.fill);
		expect(themes.length).toBeGreaterThan(1);
		for (const def of themes) {
			// The live style's own numbers: ['case', ACTIVE, active, rest].
			const paint = def.layers.find((l) => l.id === `${def.id}-fill`)!.paint as { 'fill-opacity': [string, unknown, number, number] };
			expect(paint['fill-opacity'].slice(2), def.id).toEqual([def.fill!.active, def.fill!.rest]);

			const areas = (stillMaps.features.get(def.id)?.features ?? []).filter((f) => /Polygon/.test(f.geometry.type) && f.properties?.scope !== 'national');
			if (!areas.length) continue;
			const view = { bounds: [-118, 13.5, -86, 33] as [number, number, number, number], maxZoom: 7, layers: [def.id], highlight: [String(areas[0]!.properties!.id)], places: [] };
			const svg = staticMapSvg(view, stillMaps);
			const fills = [...svg.matchAll(new RegExp(`fill="${def.swatch.color}" fill-opacity="([\\d.]+)"`, 'g'))].map((m) => Number(m[1]));
			expect(fills, def.id).toContain(def.fill!.active);
			if (areas.length > 1) expect(fills, def.id).toContain(def.fill!.rest);
		}
	});
});
