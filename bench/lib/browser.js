// Headless Chromium for the bench (tools/browsers/chromium.js: the same browser and flags as the tests),
// and fresh pages with the instrumentation and the cache disabled.
import { CHROMIUM_ARGS, chromiumPath } from '../../tools/browsers/chromium.js';
import { MAP_PICTURE_TIMING } from '../../src/lib/map/contract.js';
import { instrument } from './instrument.js';

export const VIEWPORT = { width: 1280, height: 800 };

export async function launch() {
	const { chromium } = await import('@playwright/test');
	return chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });
}

/**
 * A page in a fresh context: instrumented, cache disabled, errors collected.
 * @param {import('@playwright/test').Browser} browser
 */
export async function newPage(browser) {
	const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
	await context.addInitScript(instrument, MAP_PICTURE_TIMING);
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	/** @type {string[]} */
	const errors = [];
	page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(`console: ${m.text()}`);
	});
	return { context, page, cdp, errors };
}
