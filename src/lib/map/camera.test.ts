import { describe, expect, it } from 'vitest';
import { point, polygon } from '@turf/turf';
import { frameBounds } from './camera';

describe('frameBounds', () => {
	it('frames a lone point with the minimum span, centred on it', () => {
		const [w, s, e, n] = frameBounds([point([-92.27, 14.9])], { minSpan: 2, padding: 0 });
		expect(e - w).toBeCloseTo(2, 6);
		expect(n - s).toBeCloseTo(2, 6);
		expect((w + e) / 2).toBeCloseTo(-92.27, 4);
		expect((s + n) / 2).toBeCloseTo(14.9, 4);
	});

	it('contains every feature with padding on each side', () => {
		const tapachula = point([-92.27, 14.9]);
		const tijuana = point([-117.04, 32.51]);
		const [w, s, e, n] = frameBounds([tapachula, tijuana], { padding: 0.1 });
		expect(w).toBeLessThan(-117.04);
		expect(e).toBeGreaterThan(-92.27);
		expect(s).toBeLessThan(14.9);
		expect(n).toBeGreaterThan(32.51);
		// 10% of the 24.77° width on each side
		expect(-117.04 - w).toBeCloseTo(2.477, 2);
	});

	it('uses the extent of polygons, not only their first vertex', () => {
		const square = polygon([[[-100, 15], [-90, 15], [-90, 20], [-100, 20], [-100, 15]]]);
		expect(frameBounds([square], { padding: 0 })).toEqual([-100, 15, -90, 20]);
	});

	it('clamps to the Web Mercator range', () => {
		const [, s, , n] = frameBounds([point([0, 84.5])], { minSpan: 4 });
		expect(n).toBeLessThanOrEqual(85);
		expect(s).toBeLessThan(84.5);
	});

	it('refuses to frame nothing', () => {
		expect(() => frameBounds([])).toThrow(/no features/);
	});
});
