// Bytes of / after scrolling to the end, by kind: measured from the HTTP responses the page
// received (decoded body, as the browser uses it; the bytes on the wire, compressed as served),
// with the gzip -9 size of each body for comparison with hosts that compress on the fly.
import { extname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { newPage } from './browser.js';
import { atEnd, mapSettled } from './instrument.js';

/** @type {[string, string][]} kind, and its name in the table */
export const CATEGORIES = [
	['js', 'Our JavaScript'],
	['maplibre', 'MapLibre JS (main chunk + worker)'],
	['css', 'Our CSS'],
	['maplibreCss', 'MapLibre CSS'],
	['geo', 'Geo data (GeoJSON)'],
	['fonts', 'Fonts'],
	['images', 'Images'],
	['html', 'HTML'],
	['data', 'Other JSON'],
	['other', 'Other']
];

/** @param {string} path @param {Buffer} body */
const isMapLibre = (path, body) => /maplibre-gl-worker/.test(path) || (body.toString('latin1').match(/maplibre/gi)?.length ?? 0) >= 20;

/** The kind of a response, from its path (a folder's page is HTML) and its body. @param {string} path @param {Buffer} body */
export function classify(path, body) {
	const ext = path.endsWith('/') ? '.html' : extname(path).toLowerCase();
	if (ext === '.js' || ext === '.mjs') return isMapLibre(path, body) ? 'maplibre' : 'js';
	if (ext === '.css') return /maplibre/i.test(body.subarray(0, 4000).toString('latin1')) ? 'maplibreCss' : 'css';
	if (ext === '.geojson') return 'geo';
	if (['.woff2', '.woff', '.ttf', '.otf'].includes(ext)) return 'fonts';
	if (['.png', '.svg', '.jpg', '.jpeg', '.webp', '.avif', '.gif'].includes(ext)) return 'images';
	if (ext === '.html') return 'html';
	if (ext === '.json') return 'data';
	return 'other';
}

/**
 * Loads /, scrolls to the end (so lazy assets load), and sizes every response from `base`.
 * @param {import('@playwright/test').Browser} browser
 * @param {string} base the site's origin
 */
export async function measureBytes(browser, base) {
	const { context, page } = await newPage(browser);
	/** @type {Promise<{ url: string, body: Buffer, wire: number } | null>[]} */
	const pending = [];
	// Context-wide, so requests made by the MapLibre worker (GeoJSON) are seen too.
	context.on('requestfinished', (request) => {
		pending.push(
			(async () => {
				const response = await request.response();
				if (!response || response.status() !== 200 || !request.url().startsWith(`${base}/`)) return null;
				const [body, sizes] = await Promise.all([response.body(), request.sizes()]);
				return { url: request.url(), body, wire: sizes.responseBodySize };
			})().catch(() => null)
		);
	});
	/** @type {({ url: string, body: Buffer, wire: number } | null)[]} */
	let received = [];
	try {
		await page.goto(`${base}/`, { waitUntil: 'load', timeout: 90_000 });
		await page.waitForFunction(mapSettled, null, { timeout: 90_000, polling: 100 }).catch(() => {});
		for (let i = 0; i < 400; i++) {
			await page.evaluate(() => window.scrollBy(0, innerHeight));
			await page.waitForTimeout(30);
			if (await page.evaluate(atEnd)) break;
		}
		await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => {});
		await page.waitForTimeout(500);
		received = await Promise.all(pending);
	} finally {
		await context.close();
	}
	const totals = Object.fromEntries(CATEGORIES.map(([k]) => [k, { files: 0, raw: 0, gzip: 0, wire: 0 }]));
	const files = [];
	const seen = new Set();
	for (const r of received) {
		if (!r || seen.has(r.url)) continue;
		seen.add(r.url);
		const path = new URL(r.url).pathname;
		const kind = classify(path, r.body);
		const gzip = gzipSync(r.body, { level: 9 }).length;
		const t = /** @type {{ files: number, raw: number, gzip: number, wire: number }} */ (totals[kind]);
		t.files++;
		t.raw += r.body.length;
		t.gzip += gzip;
		t.wire += r.wire;
		files.push({ path, kind, raw: r.body.length, gzip, wire: r.wire });
	}
	files.sort((a, b) => b.gzip - a.gzip);
	const total = Object.values(totals).reduce((t, c) => ({ files: t.files + c.files, raw: t.raw + c.raw, gzip: t.gzip + c.gzip, wire: t.wire + c.wire }), { files: 0, raw: 0, gzip: 0, wire: 0 });
	return { totals, total, files };
}
