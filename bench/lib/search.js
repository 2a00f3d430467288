// What the site search loads for one query: the responses of /search/?q=… that / does not
// request itself (the search page, its code and the index it reads), measured generically so
// that it holds for any search that has a /search/ page ([data-search-results] gets
// data-search-done="true" when the results are shown).
import { newPage } from './browser.js';

export const QUERY = 'merida';

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {string} base the site's origin
 * @param {string[]} homePaths the paths / requests, loaded and scrolled to the end
 * @returns {Promise<Record<string, any>>}
 */
export async function measureSearch(browser, base, homePaths) {
	const probe = await fetch(`${base}/search/`).catch(() => null);
	if (!probe || probe.status !== 200) return { available: false, status: probe?.status ?? null };
	const { context, page } = await newPage(browser);
	const known = new Set(homePaths);
	/** @type {Promise<{ path: string, raw: number, wire: number } | null>[]} */
	const pending = [];
	context.on('requestfinished', (request) => {
		pending.push(
			(async () => {
				const url = new URL(request.url());
				if (url.origin !== base || known.has(url.pathname)) return null;
				const response = await request.response();
				if (!response) return null;
				const [body, sizes] = await Promise.all([response.body().catch(() => Buffer.alloc(0)), request.sizes()]);
				return { path: url.pathname + url.search, raw: body.length, wire: sizes.responseBodySize };
			})().catch(() => null)
		);
	});
	try {
		await page.goto(`${base}/search/?q=${QUERY}`, { waitUntil: 'load', timeout: 90_000 });
		const ok = await page
			.waitForSelector('[data-search-results][data-search-done="true"]', { state: 'attached', timeout: 60_000 })
			.then(() => true)
			.catch(() => false);
		// When the bench saw the results (polled: an upper bound), ms from navigation start.
		const doneMs = ok ? await page.evaluate(() => performance.now()) : null;
		await page.waitForLoadState('networkidle', { timeout: 10_000 }).catch(() => {});
		const results = await page.locator('[data-search-results] a').count();
		const received = (await Promise.all(pending)).filter((r) => r !== null);
		const seen = new Set();
		const files = received.filter((r) => !seen.has(r.path) && seen.add(r.path)).sort((a, b) => b.wire - a.wire);
		return {
			available: true,
			done: ok,
			query: QUERY,
			results,
			doneMs: doneMs === null ? null : Math.round(doneMs),
			files: files.length,
			raw: files.reduce((s, f) => s + f.raw, 0),
			wire: files.reduce((s, f) => s + f.wire, 0),
			largest: files.slice(0, 8)
		};
	} finally {
		await context.close();
	}
}
