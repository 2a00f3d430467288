// WebKit behind the engine suites' page (engine.ts): MiniBrowser over classic WebDriver. That
// protocol has no console log, and MiniBrowser under automation keeps its console to itself
// (its session is private), so errors are heard from inside each page (in-page.ts, watchErrors)
// from as early as WebKit lets a script of ours run: navigation returns as soon as it starts
// (pageLoadStrategy "none"), and a load where that came after the page's own scripts is repeated.
import { PNG } from 'pngjs';
import { launchWebKit, webkitDriverPath } from '../../tools/browsers/webkit.js';
import type { EnginePage } from './engine';
import { takeErrors, watchErrors } from './in-page';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const LOAD_ATTEMPTS = 5;

export async function open({ webgl }: { webgl: boolean }): Promise<EnginePage> {
	const executablePath = webkitDriverPath();
	if (!executablePath) throw new Error('No WebKitWebDriver: set WEBKIT_DRIVER_PATH or install Debian’s webkit2gtk-driver');
	const { session, close } = await launchWebKit({ executablePath, webgl });
	const errors: string[] = [];
	const evaluate = async <A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Promise<Awaited<R>> => (await session.execute(fn, args)) as Awaited<R>;
	const collect = async () => {
		errors.push(...(await evaluate(takeErrors).catch(() => [] as string[])));
	};

	/** Loads `url` and listens for errors from as early as WebKit lets a script run; returns how many scripts the page had asked for by then. */
	async function load(url: string): Promise<number> {
		await collect();
		await session.navigate(url);
		const deadline = Date.now() + 30_000;
		let watch = { installed: false, scriptsBefore: 0 };
		while (!watch.installed) {
			if (Date.now() > deadline) throw new Error(`WebKit: ${url} did not start loading within 30 s`);
			await sleep(5);
			watch = await evaluate(watchErrors).catch(() => watch);
		}
		while ((await evaluate(() => document.readyState)) !== 'complete') {
			if (Date.now() > deadline) throw new Error(`WebKit: ${url} did not finish loading within 30 s`);
			await sleep(50);
		}
		return watch.scriptsBefore;
	}

	const page: EnginePage = {
		name: `WebKitGTK ${session.capabilities.browserVersion} (${session.capabilities.browserName})`,
		errorSource: 'listeners in each page, from before its own scripts run (WebKitWebDriver has no log)',
		async goto(url) {
			// WebKit runs no script of ours while a page loads from its cache, which can be until
			// the page's own scripts have been asked for: then the load is repeated, and said.
			let late = 0;
			for (let attempt = 0; attempt < LOAD_ATTEMPTS; attempt++) {
				late = await load(url);
				if (!late) return;
			}
			console.log(`WebKit: on ${url}, errors were listened for only after ${late} of its scripts had been asked for (${LOAD_ATTEMPTS} loads); errors before then go unseen`);
		},
		evaluate,
		async screenshot() {
			return PNG.sync.read(await session.screenshot());
		},
		async resize(width, height) {
			// The window's size includes its frame (a toolbar): size it, measure the page's, correct
			// once. MiniBrowser's toolbar keeps its window from being narrower than about 450 px.
			await session.setWindowSize(width, height);
			const [w, h] = await evaluate(() => [innerWidth, innerHeight]);
			if (w !== width || h !== height) await session.setWindowSize(2 * width - w!, 2 * height - h!);
			const [gotWidth, gotHeight] = await evaluate(() => [innerWidth, innerHeight]);
			if (gotHeight !== height || gotWidth! < width) throw new Error(`WebKit: asked for a ${width}×${height} viewport, got ${gotWidth}×${gotHeight}`);
			return { width: gotWidth!, height: gotHeight! };
		},
		press: (key, options) => session.press(key, options),
		click: (selector) => session.click(selector),
		async errors() {
			await collect();
			return errors.splice(0);
		},
		close
	};
	return page;
}
