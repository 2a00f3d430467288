import { describe, expect, it } from 'vitest';
import { LAYERS } from '$lib/layers/registry';
import { site } from '$lib/server/site';
import { staticMapSvg } from './staticmap.server';
import { placePictureLabels } from '$lib/labels/draw.server';
import { PICTURES, fitBounds, mercator } from './frame';
import { chapterFurniture } from './key';

describe('the pictures drawn at build', () => {
	it('fill each theme’s areas as the live map does, at rest and highlighted, so the live map takes over unchanged', { timeout: 30_000 }, () => {
		const { stillMaps } = site();
		const themes = LAYERS.filter((l) => l.fill);
		expect(themes.length).toBeGreaterThan(1);
		for (const def of themes) {
			// The live style's own numbers: ['case', ACTIVE, active, rest].
			const paint = def.layers.find((l) => l.id === `${def.id}-fill`)!.paint as { 'fill-opacity': [string, unknown, number, number] };
			expect(paint['fill-opacity'].slice(2), def.id).toEqual([def.fill!.active, def.fill!.rest]);

			const areas = (stillMaps.features.get(def.id)?.features ?? []).filter((f) => /Polygon/.test(f.geometry.type) && f.properties?.scope !== 'national');
			if (!areas.length) continue;
			const view = { bounds: [-118, 13.5, -86, 33] as [number, number, number, number], maxZoom: 7, layers: [def.id], highlight: [String(areas[0]!.properties!.id)], places: [], labels: { highlight: [], shown: [] } };
			const svg = staticMapSvg(view, stillMaps);
			const fills = [...svg.matchAll(new RegExp(`fill="${def.swatch.color}" fill-opacity="([\\d.]+)"`, 'g'))].map((m) => Number(m[1]));
			expect(fills, def.id).toContain(def.fill!.active);
			if (areas.length > 1) expect(fills, def.id).toContain(def.fill!.rest);
		}
	});
});

describe('the names the pictures write', () => {
	it('include, at every chapter’s picture in both layouts, each place and region the chapter highlights, shows or names', () => {
		const { data, stillMaps } = site();
		const missing: string[] = [];
		for (const chapter of data.chapters)
			for (const shape of ['wide', 'phone'] as const) {
				const s = PICTURES[shape];
				const { padding, covered } = chapterFurniture(shape, chapter, data);
				const framing = fitBounds(chapter.view.bounds, s.width, s.height, padding, chapter.view.maxZoom);
				const projection = (at: [number, number]): [number, number] => {
					const [x, y] = mercator(at);
					return [x * framing.world + framing.origin[0], y * framing.world + framing.origin[1]];
				};
				const placed = placePictureLabels(stillMaps.labels, chapter.view.labels, 'en', { width: s.width, height: s.height, zoom: framing.zoom, covered, project: projection });
				const refs = new Set(placed.map((p) => p.feature.ref));
				for (const ref of [...chapter.view.labels.highlight, ...chapter.view.labels.shown]) if (!refs.has(ref)) missing.push(`${chapter.slug} (${shape}): ${ref}`);
				for (const p of placed) expect(covered.some((c) => p.box[0] < c[2] && c[0] < p.box[2] && p.box[1] < c[3] && c[1] < p.box[3]), `${chapter.slug}: ${p.feature.id} under a panel`).toBe(false);
			}
		expect(missing).toEqual([]);
	}, 60_000);
});
