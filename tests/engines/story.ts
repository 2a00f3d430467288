// What the engine suites wait for and measure on a story page, through the map's documented
// contract (src/lib/map/contract.js) and real pixels.
import { PNG } from 'pngjs';
import { expect } from 'vitest';
import { MAP_ATTRIBUTES, MAP_CONTAINER, MAP_PICTURE_TIMING } from '../../src/lib/map/contract.js';
import { changedFraction } from '../pixels';
import type { EnginePage } from './engine';
import { mapReport, picture, rectOf, resourceCount, webgl2 } from './in-page';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it gives a truthy value; fails naming `what` and the last value seen. */
export async function until<T>(what: string, probe: () => Promise<T>, timeout = 30_000): Promise<T> {
	const deadline = Date.now() + timeout;
	for (;;) {
		const value = await probe();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`${what}: not within ${timeout / 1000} s (last seen: ${JSON.stringify(value)})`);
		await sleep(100);
	}
}

export const report = (page: EnginePage) => page.evaluate(mapReport, MAP_CONTAINER, { ...MAP_ATTRIBUTES });

/** The page's scripts have run: the map has left its first status. */
export const hydrated = (page: EnginePage) => until('the page’s scripts run (map status leaves "waiting")', async () => ((await report(page)).status ?? 'waiting') !== 'waiting');

/**
 * A page other than the story has run its scripts and fetches nothing more: leaving it earlier
 * aborts its scripts' loading, which engines report as errors of the page.
 */
export async function settled(page: EnginePage): Promise<void> {
	let last = -1;
	await until('the page’s requests end', async () => {
		const all = await page.evaluate(resourceCount);
		const quiet = all === last;
		last = all;
		if (!quiet) await sleep(400);
		return quiet;
	});
}

/** The live map has drawn the view of `slug` (or the current view) and is idle. */
export const mapDrawn = (page: EnginePage, slug?: string) =>
	until(`the map draws ${slug ?? 'its view'}`, async () => {
		const r = await report(page);
		return r.status === 'ready' && r.idle === 'true' && (!slug || r.drawn === slug) ? r : null;
	});

/** The still picture of `slug`'s map is loaded and shown. */
export const pictureShown = (page: EnginePage, slug: string) =>
	until(`the still picture of ${slug} is shown`, async () => {
		const p = await page.evaluate(picture, MAP_PICTURE_TIMING);
		return p && p.loaded && p.visible && p.src.endsWith(`/${slug}.webp`) ? p : null;
	});

/** The map's area of the viewport, in pixels: the live map, or the picture over it. */
export async function mapPixels(page: EnginePage): Promise<PNG> {
	const rect = await page.evaluate(rectOf, MAP_CONTAINER);
	if (!rect) throw new Error(`no map container (${MAP_CONTAINER}) on the page`);
	const shot = await page.screenshot();
	const x = Math.max(0, Math.round(rect.x * rect.ratio));
	const y = Math.max(0, Math.round(rect.y * rect.ratio));
	const width = Math.min(shot.width - x, Math.round(rect.width * rect.ratio));
	const height = Math.min(shot.height - y, Math.round(rect.height * rect.ratio));
	if (width <= 0 || height <= 0) throw new Error(`the map container is off screen (${JSON.stringify(rect)})`);
	const out = new PNG({ width, height });
	PNG.bitblt(shot, out, x, y, width, height, 0, 0);
	return out;
}

/** The map's pixels once two screenshots half a second apart agree (fades and eases are over). */
export async function steadyMapPixels(page: EnginePage): Promise<PNG> {
	let last = await mapPixels(page);
	for (let i = 0; i < 20; i++) {
		await sleep(500);
		const next = await mapPixels(page);
		if (next.width === last.width && next.height === last.height && changedFraction(last, next) < 0.001) return next;
		last = next;
	}
	throw new Error('the map kept changing for 10 s');
}

/**
 * Opens the engine under test at 1280×800 and says what it can do: whether it has WebGL2 (and
 * so draws the live map, or shows only the still pictures) and where its errors come from.
 */
export async function openStoryEngine(open: () => Promise<EnginePage>) {
	const page = await open();
	await page.resize(1280, 800);
	const { webgl2: live, renderer } = await page.evaluate(webgl2);
	const title = `${page.name}, ${live ? `WebGL2 (${renderer}): the live map` : 'no WebGL2 in this engine: the still pictures in place of the live map'}`;
	console.log(`${title}; console errors from ${page.errorSource}`);
	return { page, live, title };
}

/**
 * The notice every engine raises (as an error event, not in its console) when a ResizeObserver's
 * callback resizes what it observes: the map panel's legend does (MapPanel.svelte fits the legend
 * in its observer). Said in the output; it fails nothing.
 */
const OBSERVER_LOOP = /ResizeObserver loop/;

/** No console error, uncaught exception or failed load since the last look. */
export async function expectNoErrors(page: EnginePage): Promise<void> {
	const heard = await page.errors();
	const loops = heard.filter((e) => OBSERVER_LOOP.test(e));
	if (loops.length) console.log(`${page.name}: ${loops.length} × “${loops[0]}” (an error event, not a console error: the legend's size is fitted in a ResizeObserver)`);
	expect(heard.filter((e) => !OBSERVER_LOOP.test(e))).toEqual([]);
}
