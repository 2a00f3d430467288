// One page of one engine, behind the few operations the engine suites use, so that Firefox and
// WebKit run the very same test files. Firefox is driven by Puppeteer over WebDriver BiDi
// (firefox.ts), WebKit over classic WebDriver (webkit.ts). Which engine: FRONTERA_ENGINE.
import type { PNG } from 'pngjs';

export type EngineName = 'firefox' | 'webkit';
export type Key = 'Tab' | 'Enter' | 'Escape';

export interface EnginePage {
	/** The engine and its version, as the browser reports them ("Firefox 153.8.0esr"). */
	readonly name: string;
	/** Where its console errors come from, said in the suite's output. */
	readonly errorSource: string;
	/** Loads a URL and waits for its load event. */
	goto(url: string): Promise<void>;
	/** Runs a self-contained function in the page (it may not refer to anything outside its body) with JSON arguments. */
	evaluate<A extends unknown[], R>(fn: (...args: A) => R, ...args: A): Promise<Awaited<R>>;
	/** The viewport, in device pixels. */
	screenshot(): Promise<PNG>;
	/** Sets the viewport's size in CSS pixels; resolves with the size it got (a window may have a minimum width). */
	resize(width: number, height: number): Promise<{ width: number; height: number }>;
	/** A real key press, where the page has focus. */
	press(key: Key, options?: { shift?: boolean }): Promise<void>;
	/** A real click at the middle of the element matching `selector`. */
	click(selector: string): Promise<void>;
	/** Console errors, uncaught exceptions and failed loads since the last call. */
	errors(): Promise<string[]>;
	close(): Promise<void>;
}

export const ENGINES: EngineName[] = ['firefox', 'webkit'];

/** The engine this run tests. */
export function engineName(): EngineName {
	const name = process.env.FRONTERA_ENGINE as EngineName | undefined;
	if (!name || !ENGINES.includes(name)) throw new Error(`FRONTERA_ENGINE must be one of ${ENGINES.join(', ')} (scripts/test.js sets it)`);
	return name;
}

/** Opens a page of the engine under test; `webgl: false` opens the engine with WebGL turned off. */
export async function openEngine({ webgl = true }: { webgl?: boolean } = {}): Promise<EnginePage> {
	const name = engineName();
	const adapter = name === 'firefox' ? await import('./firefox') : await import('./webkit');
	return adapter.open({ webgl });
}
