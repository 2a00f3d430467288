import { createHash } from 'node:crypto';

/**
 * A page's scripts are asked for only once its first screen has painted. The text and the map
 * picture are in the HTML and need no script; until the first paint, every byte of script on
 * the wire competes with them for a slow connection, and every script run before it delays it.
 * So the module preloads SvelteKit lists in the head are taken out, and its inline start-up
 * script first waits for the browser's report of the first contentful paint, then asks for the
 * same modules at once (no waterfall of imports) and starts the app as it did.
 */

/** SvelteKit's module preloads, one per line of the head. */
const PRELOAD = /\s*<link href="([^"]+)" rel="modulepreload">/g;
/** The inline script that starts the app: SvelteKit's only inline script. */
const BOOT = /<script>([\s\S]*?kit\.start\([\s\S]*?)<\/script>/;
const IMPORT = /\bimport\(("[^"]+")\)/g;
const META = /<meta http-equiv="content-security-policy" content="([^"]*)"/;
const sha256 = (text: string) => createHash('sha256').update(text).digest('base64');

/** How long a page waits for a paint report that does not come (a browser that never sends one). */
export const PAINT_REPORT_MS = 3000;

/**
 * Resolves after the first contentful paint has been reported (where paints are not reported,
 * a frame later; at the latest after PAINT_REPORT_MS), having asked for the page's modules. Runs
 * in the page, inside the start-up script's own block: `modules` are the module preloads taken
 * out of the head.
 */
const waitForPaint = (modules: string[]) => `const painted = new Promise((go) => {
	let started = false;
	const start = () => {
		if (started) return;
		started = true;
		for (const href of ${JSON.stringify(modules)}) document.head.append(Object.assign(document.createElement("link"), { rel: "modulepreload", href }));
		go();
	};
	setTimeout(start, ${PAINT_REPORT_MS});
	if (!window.PerformanceObserver || !(PerformanceObserver.supportedEntryTypes || []).includes("paint")) return requestAnimationFrame(() => setTimeout(start));
	const seen = new PerformanceObserver((list) => {
		if (!list.getEntries().some((e) => e.name === "first-contentful-paint")) return;
		seen.disconnect();
		start();
	});
	seen.observe({ type: "paint", buffered: true });
});`;

/** A page with its scripts held, and how to bring a content security policy up to date with it. */
export interface Held {
	html: string;
	/** A policy (the page's <meta> one, or a header) with the start-up script's new hash for its old. */
	policy: (text: string) => string;
}

/**
 * The page with its scripts held until its first paint, and its <meta> content security policy's
 * hash of the start-up script brought up to date (a policy sent as a header, as the dev server
 * does, is the caller's to update with `policy`). A page without SvelteKit's start-up script is
 * returned as it is; one whose start-up script it cannot hold, or whose policy lacks the script's
 * hash, is an error naming the page: SvelteKit must have changed how it starts.
 */
export function scriptsAfterPaint(html: string, page: string): Held {
	const boot = BOOT.exec(html);
	if (!boot) return { html, policy: (text) => text };
	const body = boot[1]!;
	if (!/^\s*\{/.test(body) || !/\bimport\("/.test(body)) throw new Error(`${page}: SvelteKit's start-up script is not a block with an import() to hold until the first paint; see src/lib/server/scripts-after-paint.ts`);
	const modules: string[] = [];
	const head = html.slice(0, boot.index).replace(PRELOAD, (_, href: string) => {
		modules.push(href);
		return '';
	});
	const held = body.replace('{', `{\n${waitForPaint(modules)}\n`).replace(IMPORT, 'painted.then(() => import($1))');
	const [before, after] = [`'sha256-${sha256(body)}'`, `'sha256-${sha256(held)}'`];
	const policy = (text: string) => {
		if (!text.includes(before)) throw new Error(`${page}: the content security policy has no hash of SvelteKit's start-up script; see src/lib/server/scripts-after-paint.ts`);
		return text.replace(before, () => after);
	};
	const out = `${head}<script>${held}</script>${html.slice(boot.index + boot[0].length)}`;
	return { html: out.replace(META, (meta, content: string) => meta.replace(content, () => policy(content))), policy };
}
