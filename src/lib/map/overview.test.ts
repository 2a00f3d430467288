import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { LOCATOR, MEXICO, isClose, locatorBox, scaleBar } from './overview';

const states = JSON.parse(readFileSync(new URL('../../../geo/states.geojson', import.meta.url), 'utf8')) as FeatureCollection;

describe('the locator', () => {
	it('knows Mexico’s extent as geo/states.geojson draws it', () => {
		const [w, s, e, n] = bbox(states);
		for (const [a, b] of [[MEXICO[0], w], [MEXICO[1], s], [MEXICO[2], e], [MEXICO[3], n]] as const) expect(Math.abs(a - b)).toBeLessThan(0.05);
	});

	it('shows itself only for views closer than the whole of Mexico', () => {
		expect(isClose([-118, 13.5, -86, 33])).toBe(false);
		expect(isClose([-99, 14, -88.5, 19])).toBe(true);
		expect(isClose([-118.6, 29.6, -110.4, 33.8])).toBe(true);
	});

	it('draws the view as a box where it lies: the south-east view in the south-east corner, at least a few pixels across', () => {
		const [x, y, w, h] = locatorBox([-99, 14, -88.5, 19]);
		expect(x).toBeGreaterThan(LOCATOR.width * 0.5);
		expect(y + h).toBeGreaterThan(LOCATOR.height * 0.6);
		expect(x + w).toBeLessThanOrEqual(LOCATOR.width);
		const tiny = locatorBox([-92.3, 14.6, -92.1, 14.8]);
		expect(tiny[2]).toBeGreaterThanOrEqual(4);
		expect(tiny[3]).toBeGreaterThanOrEqual(4);
	});
});

describe('the scale bar', () => {
	it('measures a round distance that fits: 1, 2, 3 or 5 times a power of ten kilometres', () => {
		// 10° of longitude across 500 px at 20° N: about 2.09 km a pixel, so 100 px hold 209 km.
		expect(scaleBar([-100, 15, -90, 25], 500)).toEqual({ km: 200, px: 96 });
		const { km, px } = scaleBar([-118, 13.5, -86, 33], 390);
		expect(String(km)).toMatch(/^[1235]0*$/);
		expect(px).toBeLessThanOrEqual(100);
		expect(px).toBeGreaterThan(30);
	});
});
