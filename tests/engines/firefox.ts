// Firefox behind the engine suites' page (engine.ts): Puppeteer over WebDriver BiDi, which
// reports console messages, uncaught exceptions and responses from the browser itself, and runs
// the suites' own listeners (in-page.ts) in every page before its scripts, as in WebKit: some
// errors (a ResizeObserver loop) reach a page's listeners but not the browser's log.
import { PNG } from 'pngjs';
import { firefoxPath, launchFirefox } from '../../tools/browsers/firefox.js';
import type { EnginePage } from './engine';
import { takeErrors, watchErrors } from './in-page';

export async function open({ webgl }: { webgl: boolean }): Promise<EnginePage> {
	const executablePath = firefoxPath();
	if (!executablePath) throw new Error('No Firefox: set FIREFOX_PATH or install Debian’s firefox-esr');
	const browser = await launchFirefox({ executablePath, webgl });
	const page = (await browser.pages())[0] ?? (await browser.newPage());
	const errors: string[] = [];
	const pending: Promise<unknown>[] = [];
	page.on('console', (message) => {
		if (message.type() !== 'error') return;
		const text = Promise.all(message.args().map((arg) => arg.evaluate((v) => (v instanceof Error ? `${v.name}: ${v.message}` : String(v))).catch(() => '?')));
		pending.push(text.then((parts) => errors.push(`console: ${parts.join(' ')}`)));
	});
	page.on('pageerror', (error) => errors.push(`uncaught: ${error instanceof Error ? error.message : String(error)}`));
	page.on('response', (response) => {
		if (response.status() >= 400) errors.push(`HTTP ${response.status()}: ${response.url()}`);
	});
	await page.evaluateOnNewDocument(watchErrors);
	const version = (await browser.version()).replace(/^firefox\//i, '');
	return {
		name: `Firefox ${version}`,
		errorSource: 'the browser’s own log (WebDriver BiDi) and listeners in each page',
		async goto(url) {
			errors.push(...(await page.evaluate(takeErrors).catch(() => [])));
			await page.goto(url, { waitUntil: 'load' });
		},
		evaluate: (fn, ...args) => page.evaluate(fn as (...a: unknown[]) => unknown, ...args) as never,
		async screenshot() {
			return PNG.sync.read(Buffer.from(await page.screenshot({ type: 'png' })));
		},
		async resize(width, height) {
			await page.setViewport({ width, height });
			return { width, height };
		},
		async press(key, { shift = false } = {}) {
			if (shift) await page.keyboard.down('Shift');
			await page.keyboard.press(key);
			if (shift) await page.keyboard.up('Shift');
		},
		click: (selector) => page.click(selector),
		async errors() {
			await Promise.all(pending.splice(0));
			const heard = await page.evaluate(takeErrors).catch(() => []);
			return [...new Set([...errors.splice(0), ...heard])];
		},
		close: () => browser.close()
	};
}
