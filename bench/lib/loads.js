// Page loads: first contentful paint, largest contentful paint, and the time until the map is
// idle, median of several loads each in a fresh context.
import { newPage, VIEWPORT } from './browser.js';
import { mapSettled } from './instrument.js';
import { broken, log } from './log.js';
import { pathOf } from './servers.js';
import { median, round } from './stats.js';

/**
 * @typedef {{ id: string, url: string, map: boolean }} Target
 * @typedef {import('@playwright/test').Browser} Browser
 */

/** One load of one page. @param {Browser} browser @param {Target} target */
async function loadOnce(browser, target) {
	const { context, page, errors } = await newPage(browser);
	try {
		const response = await page.goto(target.url, { waitUntil: 'load', timeout: 90_000 });
		if (!response || response.status() !== 200) throw new Error(`HTTP ${response?.status()} for ${target.url}`);
		// A long page can fire load before its first paint: wait for the paint, then let LCP settle.
		await page.waitForFunction(() => /** @type {any} */ (window).__bench.fcp !== null, null, { timeout: 60_000, polling: 50 });
		if (target.map) await page.waitForFunction(mapSettled, null, { timeout: 90_000, polling: 100 });
		await page.waitForTimeout(500);
		const m = await page.evaluate(() => {
			const nav = /** @type {PerformanceNavigationTiming | undefined} */ (performance.getEntriesByType('navigation')[0]);
			return {
				.../** @type {any} */ (window).__bench,
				dcl: nav?.domContentLoadedEventEnd ?? null,
				load: nav?.loadEventEnd ?? null,
				cameraMs: Number(document.querySelector('.map-canvas')?.getAttribute('data-camera-duration') ?? NaN)
			};
		});
		if (target.map && m.status !== 'ready') throw new Error(`map status "${m.status}" on ${target.url}`);
		return {
			fcp: m.fcp,
			lcp: m.lcp,
			picture: m.picture,
			lcpElement: m.lcpElement,
			mapReady: target.map ? m.ready : null,
			mapIdle: target.map ? m.idle : null,
			drawnAtIdle: m.drawnAtIdle,
			cameraMs: Number.isFinite(m.cameraMs) ? m.cameraMs : null,
			dcl: m.dcl,
			load: m.load,
			longTasksDuringLoad: m.longtasks.length,
			longTaskMsDuringLoad: m.longtasks.reduce((/** @type {number} */ s, /** @type {[number, number]} */ [, d]) => s + d, 0),
			errors: errors.slice(0, 5)
		};
	} finally {
		await context.close();
	}
}

/**
 * All targets, `runs` times each, interleaved so that a busy spell hits all of them alike.
 * @param {Browser} browser
 * @param {Target[]} targets
 * @param {number} runs
 * @returns {Promise<Record<string, any>>}
 */
export async function measureLoads(browser, targets, runs) {
	/** @type {Record<string, Awaited<ReturnType<typeof loadOnce>>[]>} */
	const samples = Object.fromEntries(targets.map((t) => [t.id, []]));
	for (const t of targets) await loadOnce(browser, t).catch(() => {}); // warm-up: server, disk cache, GPU process
	for (let run = 0; run < runs; run++)
		for (const t of targets) {
			try {
				samples[t.id]?.push(await loadOnce(browser, t));
			} catch (error) {
				const message = error instanceof Error ? error.message : String(error);
				broken.push(`${t.id} (${t.url}): ${message}`);
				log(`✗ ${t.id}: ${message}`);
			}
		}
	return Object.fromEntries(
		targets.map((t) => {
			const s = samples[t.id] ?? [];
			/** @param {'fcp' | 'lcp' | 'picture' | 'mapReady' | 'mapIdle' | 'cameraMs' | 'dcl' | 'load' | 'longTasksDuringLoad' | 'longTaskMsDuringLoad'} k */
			const med = (k) => round(median(s.map((x) => x[k])));
			return [
				t.id,
				{
					url: pathOf(t.url),
					runs: s.length,
					fcp: med('fcp'),
					lcp: med('lcp'),
					picture: med('picture'),
					mapReady: t.map ? med('mapReady') : null,
					mapIdle: t.map ? med('mapIdle') : null,
					cameraMs: t.map ? med('cameraMs') : null,
					dcl: med('dcl'),
					load: med('load'),
					longTasksDuringLoad: med('longTasksDuringLoad'),
					longTaskMsDuringLoad: med('longTaskMsDuringLoad'),
					lcpElement: s.map((x) => x.lcpElement).find(Boolean) ?? null,
					drawnAtIdle: s.map((x) => x.drawnAtIdle).find(Boolean) ?? null,
					errors: [...new Set(s.flatMap((x) => x.errors))].slice(0, 5),
					samples: s.map(({ fcp, lcp, picture, mapReady, mapIdle }) => ({ fcp: round(fcp), lcp: round(lcp), picture: round(picture), mapReady: round(mapReady), mapIdle: round(mapIdle) }))
				}
			];
		})
	);
}

/** Size of the map canvas on the story page, so the map floor draws the same number of pixels. @param {Browser} browser @param {string} url */
export async function canvasSize(browser, url) {
	const { context, page } = await newPage(browser);
	try {
		await page.goto(url, { waitUntil: 'load' });
		const box = await page.locator('.map-canvas').boundingBox();
		return box ? { w: Math.round(box.width), h: Math.round(box.height) } : { w: 640, h: VIEWPORT.height };
	} finally {
		await context.close();
	}
}
