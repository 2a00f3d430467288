// Scrolling at a reader's pace: long tasks and the intervals between animation frames.
import { newPage, VIEWPORT } from './browser.js';
import { atEnd, mapSettled, startFrames, stopFrames } from './instrument.js';
import { sleep } from './log.js';
import { pathOf } from './servers.js';
import { median, quantile, round } from './stats.js';

/**
 * Scrolls a page from the top at a reader's pace: a wheel notch (120 px) every 100 ms, sent on
 * schedule whether or not the page has handled the last one (as a reader's wheel would), until
 * the end of the page or `capMs`. Records long tasks and the intervals between animation frames.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} url
 * @param {{ map: boolean, capMs: number }} options
 */
export async function measureScroll(browser, url, { map, capMs }) {
	const { context, page, cdp, errors } = await newPage(browser);
	try {
		await page.goto(url, { waitUntil: 'load', timeout: 90_000 });
		if (map) await page.waitForFunction(mapSettled, null, { timeout: 90_000, polling: 100 });
		await page.waitForTimeout(1000);
		await page.evaluate(startFrames);
		const x = Math.round(VIEWPORT.width / 4);
		const y = Math.round(VIEWPORT.height / 2);
		await page.mouse.move(x, y);
		const t0 = Date.now();
		let reachedEnd = false;
		let checking = false;
		for (let step = 0; Date.now() - t0 < capMs && !reachedEnd; step++) {
			cdp.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x, y, deltaX: 0, deltaY: 120 }).catch(() => {});
			if (step % 5 === 4 && !checking) {
				checking = true;
				page
					.evaluate(atEnd)
					.then((end) => (reachedEnd ||= end))
					.catch(() => {})
					.finally(() => (checking = false));
			}
			await sleep(Math.max(0, t0 + (step + 1) * 100 - Date.now()));
		}
		const scrollMs = Date.now() - t0;
		await page.waitForTimeout(2000); // the last camera move finishes
		const r = await page.evaluate(stopFrames);
		const intervals = r.frames.slice(1).map((t, i) => t - /** @type {number} */ (r.frames[i]));
		const durations = r.longtasks.map(([, d]) => d);
		return {
			url: pathOf(url),
			scrolledPx: Math.round(r.scrollY),
			pageHeightPx: r.height,
			reachedEnd,
			scrollS: round(scrollMs / 1000, 1),
			chaptersPassed: r.passed,
			chapters: r.chapters,
			mapViewsDrawn: r.drawn,
			longTasks: durations.length,
			longTaskMs: round(durations.reduce((s, d) => s + d, 0)),
			longTaskMaxMs: round(Math.max(0, ...durations)),
			blockingMs: round(durations.reduce((s, d) => s + Math.max(0, d - 50), 0)),
			// Per second of the window the long tasks come from (the scroll and the 2 s after it).
			blockingMsPerS: round(durations.reduce((s, d) => s + Math.max(0, d - 50), 0) / (r.elapsedMs / 1000), 1),
			// Chapters during whose reading the map came to rest on their own view.
			mapRested: map ? r.rested : null,
			chapterChanges: r.chapterChanges,
			cameraMoves: r.cameraMoves,
			frames: intervals.length,
			frameMedianMs: round(median(intervals), 1),
			frameP95Ms: round(quantile(intervals, 0.95), 1),
			framesOver50Ms: intervals.filter((d) => d > 50).length,
			errors: errors.slice(0, 5)
		};
	} finally {
		await context.close();
	}
}
