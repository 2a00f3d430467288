import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { PAINT_REPORT_MS, scriptsAfterPaint } from './scripts-after-paint';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

/** SvelteKit's start-up script as it writes it (kit 2.x), with its data shortened. */
const BOOT = `
				{
					__sveltekit_abc = {
						base: ""
					};

					const element = document.currentScript.parentElement;

					Promise.all([
						import("/_app/immutable/entry/start.A.js"),
						import("/_app/immutable/entry/app.B.js")
					]).then(([kit, app]) => {
						kit.start(app, element, { node_ids: [0, 2], data: [null, { text: "a call to import(\\"x\\") in the prose" }] });
					});
				}
			`;
const page = (boot = BOOT, policy = `script-src 'self' ${sha(BOOT)}`) => `<!doctype html>
<html lang="en">
	<head>
		<meta http-equiv="content-security-policy" content="default-src 'self'; ${policy}">
		<link href="/_app/immutable/entry/start.A.js" rel="modulepreload">
		<link href="/_app/immutable/chunks/C.js" rel="modulepreload">
		<link href="/_app/immutable/assets/0.css" rel="stylesheet">
	</head>
	<body>
		<div style="display: contents"><p>text</p><script>${boot}</script></div>
	</body>
</html>`;

const script = (html: string) => /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;

/** Runs the held start-up script with the browser's parts it uses stood in for; reports what it did. */
function run(body: string, { paints = true } = {}) {
	const log: string[] = [];
	const observers: ((list: { getEntries: () => { name: string }[] }) => void)[] = [];
	class PerformanceObserver {
		static supportedEntryTypes = paints ? ['paint', 'element'] : [];
		constructor(private callback: (list: { getEntries: () => { name: string }[] }) => void) {}
		observe() {
			observers.push(this.callback);
		}
		disconnect() {
			log.push('disconnect');
		}
	}
	const timers: { label: string; run: () => void }[] = [];
	const document = {
		currentScript: { parentElement: 'container' },
		createElement: () => ({}),
		head: { append: (link: { rel: string; href: string }) => log.push(`${link.rel} ${link.href}`) }
	};
	const window = { PerformanceObserver: paints ? PerformanceObserver : undefined };
	const imports: string[] = [];
	const started = new Promise<void>((resolve) => {
		const kit = { start: () => (log.push('start'), resolve()) };
		const load = (url: string) => (imports.push(url), log.push(`import ${url}`), Promise.resolve(url.includes('start') ? kit : {}));
		const setTimeout = (f: () => void, ms?: number) => timers.push({ label: `timer ${ms ?? 0}`, run: f });
		const requestAnimationFrame = (f: () => void) => timers.push({ label: 'frame', run: f });
		// `import(...)` is syntax; the script is run with it spelled as a function of ours.
		new Function('window', 'document', 'PerformanceObserver', 'setTimeout', 'requestAnimationFrame', '__import', body.replaceAll('import(', '__import('))(
			window,
			document,
			PerformanceObserver,
			setTimeout,
			requestAnimationFrame,
			load
		);
	});
	const paint = (name: string) => observers.forEach((o) => o({ getEntries: () => [{ name }] }));
	/** Runs the first pending timer or frame callback of that label. */
	const fire = (label: string) => {
		const i = timers.findIndex((t) => t.label === label);
		expect(i, `a pending ${label}`).toBeGreaterThanOrEqual(0);
		const [t] = timers.splice(i, 1);
		log.push(label);
		t!.run();
	};
	const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
	return { log, imports, started, paint, fire, settle };
}

describe('scriptsAfterPaint', () => {
	it('takes the module preloads out of the head and brings the policy’s hash up to date', () => {
		const out = scriptsAfterPaint(page(), '/').html;
		expect(out).not.toMatch(/<link[^>]*rel="modulepreload"/);
		expect(out).toContain('<link href="/_app/immutable/assets/0.css" rel="stylesheet">');
		const held = script(out);
		expect(out).toContain(sha(held));
		expect(out).not.toContain(sha(BOOT));
		// The same policy sent as a header (the dev server's way) is brought up to date alike.
		const { policy } = scriptsAfterPaint(page(), '/');
		expect(policy(`default-src 'self'; script-src 'self' ${sha(BOOT)}`)).toBe(`default-src 'self'; script-src 'self' ${sha(held)}`);
		expect(() => policy("script-src 'self'")).toThrow(/^\/: the content security policy has no hash/);
		expect(held).toContain('painted.then(() => import("/_app/immutable/entry/start.A.js"))');
		expect(held).toContain('painted.then(() => import("/_app/immutable/entry/app.B.js"))');
		expect(held).toContain('import(\\"x\\") in the prose');
		expect(out.replace(held, '')).toBe(
			page()
				.replace(BOOT, '')
				.replace(sha(BOOT), sha(held))
				.replace(/\s*<link href="[^"]+" rel="modulepreload">/g, '')
		);
	});

	it('asks for nothing until the first contentful paint is reported, then for every module at once, and starts the app', async () => {
		const r = run(script(scriptsAfterPaint(page(), '/').html));
		await r.settle();
		expect(r.imports).toEqual([]);
		r.paint('first-paint');
		await r.settle();
		expect(r.imports).toEqual([]);
		r.paint('first-contentful-paint');
		await r.started;
		expect(r.log).toEqual([
			'disconnect',
			'modulepreload /_app/immutable/entry/start.A.js',
			'modulepreload /_app/immutable/chunks/C.js',
			'import /_app/immutable/entry/start.A.js',
			'import /_app/immutable/entry/app.B.js',
			'start'
		]);
		// The fallback timer, when it comes, does not ask again.
		r.fire(`timer ${PAINT_REPORT_MS}`);
		expect(r.log.filter((l) => l.startsWith('modulepreload'))).toHaveLength(2);
	});

	it('where paints are not reported, starts a frame later; where a report never comes, after the fallback wait', async () => {
		const unreported = run(script(scriptsAfterPaint(page(), '/').html), { paints: false });
		unreported.fire('frame');
		await unreported.settle();
		expect(unreported.imports).toEqual([]);
		unreported.fire('timer 0');
		await unreported.started;
		expect(unreported.log.slice(0, 3)).toEqual(['frame', 'timer 0', 'modulepreload /_app/immutable/entry/start.A.js']);

		const silent = run(script(scriptsAfterPaint(page(), '/').html));
		silent.fire(`timer ${PAINT_REPORT_MS}`);
		await silent.started;
		expect(silent.log.slice(0, 2)).toEqual([`timer ${PAINT_REPORT_MS}`, 'modulepreload /_app/immutable/entry/start.A.js']);
	});

	it('leaves a page without SvelteKit’s start-up script as it is', () => {
		const plain = '<!doctype html><html><head><link href="/a.js" rel="modulepreload"></head><body><p>text</p></body></html>';
		expect(scriptsAfterPaint(plain, '/plain').html).toBe(plain);
		expect(scriptsAfterPaint(plain, '/plain').policy("script-src 'self'")).toBe("script-src 'self'");
	});

	it('fails, naming the page, on a start-up script it cannot hold or a policy without its hash', () => {
		const bare = BOOT.replace(/import\(/g, 'load(');
		expect(() => scriptsAfterPaint(page(bare, `script-src ${sha(bare)}`), '/chapters/x/')).toThrow(/^\/chapters\/x\/: SvelteKit's start-up script/);
		expect(() => scriptsAfterPaint(page(BOOT, "script-src 'self'"), '/sources/')).toThrow(/^\/sources\/: the content security policy has no hash/);
	});
});
