import type { Bbox } from '$lib/content/schema';
import { mercator } from './frame';

/**
 * The map's overview furniture, in plain arithmetic shared by the live map and the pictures drawn
 * at build: the locator (where a close view lies in Mexico) and the scale bar.
 */

/** Mexico's extent in geo/states.geojson (overview.test.ts checks it against the file). */
export const MEXICO: Bbox = [-118.37, 14.55, -86.74, 32.71];

const LOCATOR_BOUNDS: Bbox = [-119, 12.5, -84.5, 34];
const LOCATOR_WIDTH = 120;
const aspect = () => {
	const [x0, y1] = mercator([LOCATOR_BOUNDS[0], LOCATOR_BOUNDS[1]]);
	const [x1, y0] = mercator([LOCATOR_BOUNDS[2], LOCATOR_BOUNDS[3]]);
	return (y1 - y0) / (x1 - x0);
};

/** What the locator shows: Mexico and its neighbours, in Web Mercator, its height in proportion. */
export const LOCATOR = { bounds: LOCATOR_BOUNDS, width: LOCATOR_WIDTH, height: Math.round(LOCATOR_WIDTH * aspect()) };

/** A view shows less than the whole of Mexico: the locator says where it lies. */
export function isClose([w, s, e, n]: Bbox): boolean {
	const [mw, ms, me, mn] = MEXICO;
	return e - w < (me - mw) * 0.85 || n - s < (mn - ms) * 0.85;
}

/** The view's box in the locator's pixels: [x, y, width, height], at least a few pixels across. */
export function locatorBox([w, s, e, n]: Bbox): [number, number, number, number] {
	const [lx0, ly1] = mercator([LOCATOR.bounds[0], LOCATOR.bounds[1]]);
	const [lx1, ly0] = mercator([LOCATOR.bounds[2], LOCATOR.bounds[3]]);
	const px = (lon: number, lat: number) => {
		const [x, y] = mercator([lon, lat]);
		return [((x - lx0) / (lx1 - lx0)) * LOCATOR.width, ((y - ly0) / (ly1 - ly0)) * LOCATOR.height] as const;
	};
	const [x0, y0] = px(w, n);
	const [x1, y1] = px(e, s);
	const min = 4;
	const cx = (x0 + x1) / 2;
	const cy = (y0 + y1) / 2;
	const bw = Math.max(min, x1 - x0);
	const bh = Math.max(min, y1 - y0);
	const round = (n: number) => Math.round(n * 10) / 10;
	return [round(cx - bw / 2), round(cy - bh / 2), round(bw), round(bh)];
}

const EARTH_CIRCUMFERENCE = 40075016.686;

/**
 * A scale bar for a view: the longest round distance (1, 2, 3 or 5 × a power of ten kilometres)
 * that fits in `maxPx`, measured along the view's middle latitude, as MapLibre's scale control does.
 */
export function scaleBar([w, s, e, n]: Bbox, widthPx: number, maxPx = 100): { km: number; px: number } {
	const lat = ((s + n) / 2) * (Math.PI / 180);
	const metresPerPx = (((e - w) / 360) * EARTH_CIRCUMFERENCE * Math.cos(lat)) / widthPx;
	const maxKm = (metresPerPx * maxPx) / 1000;
	const pow = 10 ** Math.floor(Math.log10(maxKm));
	const step = [5, 3, 2, 1].find((d) => d * pow <= maxKm) ?? 1;
	const km = step * pow;
	return { km, px: Math.round((km * 1000) / metresPerPx) };
}
