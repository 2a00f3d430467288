// `npm run bench`: performance figures for the production build, in headless Chromium.
//
//   node scripts/bench.js [--runs 5] [--scale-runs 3] [--scale 500] [--scale-budget 200] [--scroll-cap 40]
//                         [--skip-scale] [--no-readme] [--readme-only] [--keep]
//
// What it does, in one run:
//  1. Copies the project (src, seeds, geo, static, configs; node_modules symlinked) into a
//     temporary folder and builds it with `vite build`, timed: the story as the repository
//     holds it. A second copy gets a generated story of --scale chapters (the real chapters
//     cloned, slugs scale-001…) over the same layers, and is built the same way, stopped after
//     --scale-budget seconds if it has not finished (its total is then estimated from the rate
//     it was writing pages, and the pages it had written are measured).
//     Building copies keeps the measured build still while anything else rebuilds ./build.
//  2. Builds the floor pages: the story's own HTML with every <script> and modulepreload
//     removed (text only, same CSS), and bench/floor-map/ (MapLibre drawing the same GeoJSON
//     and nothing else, built with Vite). Outputs go to bench/out/ (git-ignored).
//  3. Serves each build and its floors with scripts/serve.js and loads /, one deep link and
//     the floors --runs times each (fresh browser context, cache disabled, interleaved),
//     taking medians of first contentful paint, largest contentful paint and the time until
//     .map-canvas[data-map-idle="true"] appears. The story's figures are also given as ratios
//     to the floors, which a busy machine moves far less than the raw figures.
//  4. Bytes of / after scrolling to the end, by kind, raw and gzip -9 (the static server does
//     not compress, so gzip sizes are computed from the served files).
//  5. Scrolls the story at a reader's pace (wheel, 120 px every 100 ms) and records long
//     tasks (> 50 ms) and the intervals between animation frames.
//  6. Prints Markdown tables, writes bench/out/latest.md and bench/out/latest.json, and puts
//     the tables into README.md's "## Performance" section (bench/README-performance.md while
//     README.md does not exist).
//
// Timing never fails the run: it exits non-zero only when something is broken (a build
// fails, a page does not load, the map reports failure).
import { spawn } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, extname, join, normalize, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';

const started = Date.now();
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench/out');
const SERVE = join(ROOT, 'scripts/serve.js');

const { values: opts } = parseArgs({
	options: {
		runs: { type: 'string', default: '5' },
		// Loads of the generated story take ~10 s each; fewer runs keep the bench under 15 min.
		'scale-runs': { type: 'string', default: '3' },
		scale: { type: 'string', default: '500' },
		// Seconds the full build of the generated story may take before it is stopped and its
		// total estimated from its progress; the browser figures then come from the pages it had
		// written (the same files a finished build would serve).
		'scale-budget': { type: 'string', default: '200' },
		// Seconds of reader-paced scrolling at most (the generated story is far longer).
		'scroll-cap': { type: 'string', default: '40' },
		'skip-scale': { type: 'boolean', default: false },
		'no-readme': { type: 'boolean', default: false },
		// Only (re)write the README section from bench/out/latest.{md,json}; measure nothing.
		'readme-only': { type: 'boolean', default: false },
		keep: { type: 'boolean', default: false }
	}
});
const RUNS = Math.max(1, Number(opts.runs));
const SCALE_RUNS = Math.max(1, Number(opts['scale-runs']));
const SCALE = Math.max(15, Number(opts.scale));
const SCALE_BUDGET_MS = Number(opts['scale-budget']) * 1000;
const SCROLL_CAP_MS = Number(opts['scroll-cap']) * 1000;
const VIEWPORT = { width: 1280, height: 800 };
const CHROMIUM_ARGS = ['--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--disable-background-networking', '--no-first-run'];

/** Problems that mean something is broken (not slow): any of them makes the exit code 1. */
const broken = [];
const log = (...a) => console.error('[bench]', ...a);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => quantile(xs, 0.5);
function quantile(values, q) {
	const xs = values.filter((x) => typeof x === 'number' && Number.isFinite(x)).sort((a, b) => a - b);
	if (!xs.length) return null;
	const pos = (xs.length - 1) * q;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	return xs[lo] + (xs[hi] - xs[lo]) * (pos - lo);
}
const round = (x, d = 0) => (x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

// ---------------------------------------------------------------------------------------
// Project copies and builds

const COPY = ['src', 'seeds', 'geo', 'static', 'svelte.config.js', 'vite.config.ts', 'tsconfig.json', 'package.json'];
const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;
const fileSlug = (file) => file.replace(/\.md$/, '').replace(/^\d+[-_]/, '');

function copyProject(dest) {
	mkdirSync(dest, { recursive: true });
	for (const p of COPY) if (existsSync(join(ROOT, p))) cpSync(join(ROOT, p), join(dest, p), { recursive: true });
	symlinkSync(join(ROOT, 'node_modules'), join(dest, 'node_modules'), 'dir');
}

/** The chapters of a project copy in story order: slug and frontmatter. */
function chaptersOf(dir) {
	const folder = join(dir, 'src/content/chapters');
	return readdirSync(folder)
		.filter((f) => f.endsWith('.md'))
		.sort()
		.map((f) => {
			const data = parseYaml(FENCE.exec(readFileSync(join(folder, f), 'utf8'))?.[1] ?? '') ?? {};
			return { slug: data.slug ?? fileSlug(f), bounds: data.bounds };
		});
}

/**
 * Replaces a copy's chapters with `count` clones of the real ones (cycled), slugs scale-001….
 * The first cycle keeps its citations, so every passage a body cites is still defined once;
 * later clones drop theirs (redefining a passage, or quoting the same words under another id,
 * is a build error) and cite the passages the first cycle defines, as chapters may.
 */
function generateScaleStory(dir, count) {
	const folder = join(dir, 'src/content/chapters');
	const real = readdirSync(folder)
		.filter((f) => f.endsWith('.md'))
		.sort()
		.map((f) => readFileSync(join(folder, f), 'utf8'));
	rmSync(folder, { recursive: true });
	mkdirSync(folder);
	const width = String(count).length < 3 ? 3 : String(count).length;
	for (let i = 0; i < count; i++) {
		const match = FENCE.exec(real[i % real.length]);
		if (!match) throw new Error(`chapter ${i % real.length} has no frontmatter`);
		const data = parseYaml(match[1]);
		const slug = `scale-${String(i + 1).padStart(width, '0')}`;
		data.slug = slug;
		// Every text differs from its model's, as in a real story: the page data is serialised
		// with devalue, which stores a repeated string once and would flatter exact copies.
		data.title = `${String(data.title).slice(0, 100)} (${i + 1})`;
		data.mapText = `${String(data.mapText).slice(0, 580)} (${i + 1})`;
		if (data.description) data.description = `${String(data.description).slice(0, 280)} (${i + 1})`;
		if (i >= real.length) delete data.citations;
		const body = `Chapter ${i + 1} of the generated story, a copy of chapter ${(i % real.length) + 1}.\n\n${match[2]}`;
		writeFileSync(join(folder, `${slug}.md`), `---\n${stringifyYaml(data)}---\n${body}`);
	}
}

/**
 * The site a stopped build had written so far, put together as the adapter would have
 * (client assets plus prerendered pages) into <dir>/build. Returns the chapter slugs whose pages
 * are complete: the page being written when the build stopped is left out.
 */
function assemblePartialBuild(dir, slugs) {
	const out = join(dir, '.svelte-kit/output');
	const pages = join(out, 'prerendered/pages');
	if (!existsSync(join(out, 'client')) || !existsSync(join(pages, 'index.html'))) return [];
	const build = join(dir, 'build');
	rmSync(build, { recursive: true, force: true });
	cpSync(join(out, 'client'), build, { recursive: true });
	cpSync(pages, build, { recursive: true });
	if (existsSync(join(out, 'prerendered/dependencies'))) cpSync(join(out, 'prerendered/dependencies'), build, { recursive: true });
	const written = slugs
		.filter((slug) => existsSync(join(pages, 'chapters', slug, 'index.html')))
		.map((slug) => ({ slug, mtime: statSync(join(pages, 'chapters', slug, 'index.html')).mtimeMs }))
		.sort((a, b) => a.mtime - b.mtime);
	const newest = written.pop();
	return slugs.filter((slug) => written.some((w) => w.slug === slug) && slug !== newest?.slug);
}

function countFiles(dir, test) {
	if (!existsSync(dir)) return 0;
	let n = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.isDirectory()) n += countFiles(join(dir, entry.name), test);
		else if (test(entry.name)) n++;
	}
	return n;
}

function dirSize(dir) {
	if (!existsSync(dir)) return 0;
	let n = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, entry.name);
		n += entry.isDirectory() ? dirSize(p) : lstatSync(p).size;
	}
	return n;
}

/**
 * `vite build` in a project copy, timed (wall clock, and CPU time of the build's processes
 * from bash's `times`). With `budgetMs`, a build still running then is stopped, and its
 * progress (chapter pages and still maps prerendered so far) gives an estimate of the total.
 */
function viteBuild(dir, { label, budgetMs = 0, chapters = 0 }) {
	return new Promise((resolveBuild) => {
		const logFile = join(dir, 'bench-build.log');
		const t0 = Date.now();
		const child = spawn('bash', ['-c', 'node node_modules/vite/bin/vite.js build; rc=$?; echo "__TIMES__"; times; exit $rc'], {
			cwd: dir,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, FORCE_COLOR: '0' }
		});
		let output = '';
		child.stdout.on('data', (d) => (output += d));
		child.stderr.on('data', (d) => (output += d));
		const prerendered = join(dir, '.svelte-kit/output/prerendered');
		const progress = () => ({
			pages: countFiles(join(prerendered, 'pages/chapters'), (f) => f === 'index.html'),
			maps: countFiles(prerendered, (f) => f.endsWith('.png'))
		});
		// When the first chapter page was written, and the progress since (for the estimate).
		const series = [];
		const poll = setInterval(() => {
			if (budgetMs > 0) series.push({ t: Date.now(), ...progress() });
		}, 2000);
		let stopped = null;
		const timer =
			budgetMs > 0
				? setTimeout(() => {
						stopped = { at: Date.now(), ...progress() };
						log(`${label}: still building after ${Math.round(budgetMs / 1000)} s; stopping it (${stopped.pages}/${chapters} chapter pages, ${stopped.maps}/${chapters} still maps written)`);
						try {
							process.kill(-child.pid, 'SIGTERM');
							setTimeout(() => {
								try {
									process.kill(-child.pid, 'SIGKILL');
								} catch {}
							}, 3000);
						} catch {}
					}, budgetMs)
				: null;
		child.on('close', (code) => {
			clearInterval(poll);
			if (timer) clearTimeout(timer);
			const wallMs = Date.now() - t0;
			writeFileSync(logFile, output);
			const times = output.split('__TIMES__')[1]?.trim().split('\n').pop()?.trim().split(/\s+/) ?? [];
			const secs = (t) => {
				const m = /^(\d+)m([\d.]+)s$/.exec(t ?? '');
				return m ? Number(m[1]) * 60 + Number(m[2]) : null;
			};
			const cpu = secs(times[0]) !== null && secs(times[1]) !== null ? secs(times[0]) + secs(times[1]) : null;
			const vite = [...output.matchAll(/built in ([\d.]+)(ms|s)/g)].map((m) => round(Number(m[1]) * (m[2] === 'ms' ? 0.001 : 1), 1));
			const result = { label, ok: code === 0 && !stopped, exitCode: code, wallS: round(wallMs / 1000, 1), cpuS: round(cpu, 1), viteBundleS: vite, log: logFile };
			if (stopped) {
				// Chapter pages are written at a steady rate once they start (each holds the whole
				// story, so each costs the same): the rest would take (remaining / rate).
				const first = series.find((p) => p.pages > 0);
				const rate = first && stopped.pages > first.pages ? (stopped.pages - first.pages) / ((stopped.at - first.t) / 1000) : null;
				result.stopped = {
					afterS: round((stopped.at - t0) / 1000, 1),
					chapterPages: stopped.pages,
					stillMaps: stopped.maps,
					chapters,
					chapterPagesPerS: round(rate, 2),
					// Lower bound: the adapter's copy of the output to build/ is not included.
					estimatedTotalS: rate ? round((stopped.at - t0) / 1000 + (chapters - stopped.pages) / rate) : null,
					prerenderedBytesSoFar: dirSize(prerendered)
				};
			} else if (code !== 0) {
				log(`${label}: vite build failed (exit ${code}); see ${logFile}`);
				console.error(output.split('\n').slice(-30).join('\n'));
			}
			resolveBuild(result);
		});
	});
}

// ---------------------------------------------------------------------------------------
// Floors

/** The story's HTML as a text-only page: no scripts, no modulepreload; CSS kept. */
function textOnly(html) {
	return html
		.replace(/<script\b[\s\S]*?<\/script>/gi, '')
		.replace(/<link\b[^>]*rel=["']?modulepreload["']?[^>]*>/gi, '');
}

async function buildFloorMap() {
	const { build } = await import('vite');
	const outDir = join(OUT, 'floor-map');
	await build({
		root: join(ROOT, 'bench/floor-map'),
		base: '/floor-map/',
		configFile: false,
		logLevel: 'warn',
		build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000 }
	});
	return outDir;
}

/**
 * A folder served like the site: the text floors at the same paths as the pages they come from
 * (/ and /chapters/<slug>/), the map floor at /floor-map/, the site's assets linked in.
 */
function makeFloors(name, siteDir, pages, floorMapDir) {
	const dir = join(OUT, 'floors', name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	for (const page of pages) {
		const html = readFileSync(join(siteDir, page, 'index.html'), 'utf8');
		mkdirSync(join(dir, page), { recursive: true });
		writeFileSync(join(dir, page, 'index.html'), textOnly(html));
	}
	for (const linked of ['_app', 'maps', 'favicon.svg']) if (existsSync(join(siteDir, linked))) symlinkSync(join(siteDir, linked), join(dir, linked));
	cpSync(floorMapDir, join(dir, 'floor-map'), { recursive: true });
	return dir;
}

// ---------------------------------------------------------------------------------------
// Static servers (scripts/serve.js, as for npm run preview)

const servers = [];
let nextPort = 4460 + Math.floor(Math.random() * 200);

function serve(dir) {
	return new Promise((resolveServe, reject) => {
		const port = nextPort++;
		const child = spawn(process.execPath, [SERVE, '--dir', dir, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
		servers.push(child);
		let out = '';
		const onData = (d) => {
			out += d;
			if (out.includes('served at')) resolveServe(`http://localhost:${port}`);
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', (d) => (out += d));
		child.on('exit', (code) => reject(new Error(`serve.js ${dir} exited (${code}): ${out}`)));
		setTimeout(() => reject(new Error(`serve.js ${dir} did not start: ${out}`)), 15000);
	});
}

function stopServers() {
	for (const child of servers) if (child.exitCode === null) child.kill('SIGTERM');
}

// ---------------------------------------------------------------------------------------
// Browser measurements

/** Runs in every page before its own scripts. Times are performance.now(): ms since navigation start. */
function instrument() {
	const b = (window.__bench = { fcp: null, lcp: null, lcpElement: null, ready: null, idle: null, status: null, drawnAtIdle: null, drawn: [], longtasks: [], frames: null });
	const describe = (el) =>
		el ? el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + (typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '') : null;
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') b.fcp = e.startTime;
		}).observe({ type: 'paint', buffered: true });
	} catch {}
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) {
				b.lcp = e.startTime;
				b.lcpElement = describe(e.element);
			}
		}).observe({ type: 'largest-contentful-paint', buffered: true });
	} catch {}
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) b.longtasks.push([e.startTime, e.duration]);
		}).observe({ type: 'longtask', buffered: true });
	} catch {}
	new MutationObserver(() => {
		const c = document.querySelector('.map-canvas');
		if (!c) return;
		const now = performance.now();
		const status = c.getAttribute('data-map-status');
		if (status !== b.status) {
			b.status = status;
			if (status === 'ready' && b.ready === null) b.ready = now;
		}
		const drawn = c.getAttribute('data-map-drawn');
		if (drawn && drawn !== b.drawn[b.drawn.length - 1]?.[1]) b.drawn.push([now, drawn]);
		if (b.idle === null && status === 'ready' && c.getAttribute('data-map-idle') === 'true') {
			b.idle = now;
			b.drawnAtIdle = drawn;
		}
	}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-status', 'data-map-idle', 'data-map-drawn'] });
}

async function newPage(browser) {
	const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
	await context.addInitScript(instrument);
	const page = await context.newPage();
	const cdp = await context.newCDPSession(page);
	await cdp.send('Network.enable');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	const errors = [];
	page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(`console: ${m.text()}`);
	});
	return { context, page, cdp, errors };
}

const mapSettled = () => window.__bench.idle !== null || window.__bench.status === 'failed' || window.__bench.status === 'unsupported';

/** One load of one page: FCP, LCP and (for map pages) the time until the map is idle. */
async function loadOnce(browser, target) {
	const { context, page, errors } = await newPage(browser);
	try {
		const response = await page.goto(target.url, { waitUntil: 'load', timeout: 90_000 });
		if (!response || response.status() !== 200) throw new Error(`HTTP ${response?.status()} for ${target.url}`);
		// A long page can fire load before its first paint: wait for the paint, then let LCP settle.
		await page.waitForFunction(() => window.__bench.fcp !== null, null, { timeout: 60_000, polling: 50 });
		if (target.map) await page.waitForFunction(mapSettled, null, { timeout: 90_000, polling: 100 });
		await page.waitForTimeout(500);
		const m = await page.evaluate(() => {
			const nav = performance.getEntriesByType('navigation')[0];
			return {
				...window.__bench,
				dcl: nav?.domContentLoadedEventEnd ?? null,
				load: nav?.loadEventEnd ?? null,
				htmlBytes: nav?.encodedBodySize ?? null,
				cameraMs: Number(document.querySelector('.map-canvas')?.getAttribute('data-camera-duration') ?? NaN)
			};
		});
		if (target.map && m.status !== 'ready') throw new Error(`map status "${m.status}" on ${target.url}`);
		return {
			fcp: m.fcp,
			lcp: m.lcp,
			lcpElement: m.lcpElement,
			mapReady: target.map ? m.ready : null,
			mapIdle: target.map ? m.idle : null,
			drawnAtIdle: m.drawnAtIdle,
			cameraMs: Number.isFinite(m.cameraMs) ? m.cameraMs : null,
			dcl: m.dcl,
			load: m.load,
			longTasksDuringLoad: m.longtasks.length,
			longTaskMsDuringLoad: m.longtasks.reduce((s, [, d]) => s + d, 0),
			errors: errors.slice(0, 5)
		};
	} finally {
		await context.close();
	}
}

/** All targets, `runs` times each, interleaved so that a busy spell hits all of them alike. */
async function measureLoads(browser, targets, runs) {
	const samples = Object.fromEntries(targets.map((t) => [t.id, []]));
	for (const t of targets) await loadOnce(browser, t).catch(() => {}); // warm-up: server, disk cache, GPU process
	for (let run = 0; run < runs; run++)
		for (const t of targets) {
			try {
				samples[t.id].push(await loadOnce(browser, t));
			} catch (error) {
				broken.push(`${t.id} (${t.url}): ${error.message}`);
				log(`✗ ${t.id}: ${error.message}`);
			}
		}
	return Object.fromEntries(
		targets.map((t) => {
			const s = samples[t.id];
			const med = (k) => round(median(s.map((x) => x[k])));
			return [
				t.id,
				{
					url: t.url.replace(/^http:\/\/localhost:\d+/, ''),
					runs: s.length,
					fcp: med('fcp'),
					lcp: med('lcp'),
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
					samples: s.map(({ fcp, lcp, mapReady, mapIdle }) => ({ fcp: round(fcp), lcp: round(lcp), mapReady: round(mapReady), mapIdle: round(mapIdle) }))
				}
			];
		})
	);
}

/** Size of the map canvas on the story page, so the map floor draws the same number of pixels. */
async function canvasSize(browser, url) {
	const { context, page } = await newPage(browser);
	try {
		await page.goto(url, { waitUntil: 'load' });
		const box = await page.locator('.map-canvas').boundingBox();
		return box ? { w: Math.round(box.width), h: Math.round(box.height) } : { w: 640, h: VIEWPORT.height };
	} finally {
		await context.close();
	}
}

const isMapLibre = (file, text) => /maplibre-gl-worker/.test(file) || (text.match(/maplibre/gi)?.length ?? 0) >= 20;

function classify(file) {
	const ext = extname(file).toLowerCase();
	if (ext === '.js' || ext === '.mjs') return isMapLibre(file, readFileSync(file, 'latin1')) ? 'maplibre' : 'js';
	if (ext === '.css') return /maplibre/i.test(readFileSync(file, 'latin1').slice(0, 4000)) ? 'maplibreCss' : 'css';
	if (ext === '.geojson') return 'geo';
	if (['.woff2', '.woff', '.ttf', '.otf'].includes(ext)) return 'fonts';
	if (['.png', '.svg', '.jpg', '.jpeg', '.webp', '.avif', '.gif'].includes(ext)) return 'images';
	if (ext === '.html') return 'html';
	if (ext === '.json') return 'data';
	return 'other';
}

const CATEGORIES = [
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

/** The file serve.js answers a URL path with. */
function fileFor(siteDir, urlPath) {
	const path = decodeURIComponent(urlPath);
	const full = normalize(join(siteDir, path));
	if (existsSync(full) && statSync(full).isFile()) return full;
	if (path.endsWith('/') && existsSync(join(full, 'index.html'))) return join(full, 'index.html');
	return null;
}

/** Loads /, scrolls to the end (so lazy assets load), and sizes everything that was fetched. */
async function measureBytes(browser, base, siteDir) {
	const { context, page } = await newPage(browser);
	const urls = new Map();
	// Context-wide, so requests made by the MapLibre worker (GeoJSON) are seen too.
	context.on('requestfinished', async (request) => {
		try {
			const sizes = await request.sizes();
			urls.set(request.url(), sizes.responseBodySize + sizes.responseHeadersSize);
		} catch {}
	});
	try {
		await page.goto(base + '/', { waitUntil: 'load', timeout: 90_000 });
		await page.waitForFunction(mapSettled, null, { timeout: 90_000, polling: 100 }).catch(() => {});
		for (let i = 0; i < 400; i++) {
			const done = await page.evaluate(() => {
				window.scrollBy(0, innerHeight);
				return scrollY + innerHeight >= document.documentElement.scrollHeight - 2;
			});
			await page.waitForTimeout(30);
			if (done) break;
		}
		await page.waitForLoadState('networkidle', { timeout: 20_000 }).catch(() => {});
		await page.waitForTimeout(500);
	} finally {
		await context.close();
	}
	const totals = Object.fromEntries(CATEGORIES.map(([k]) => [k, { files: 0, raw: 0, gzip: 0, wire: 0 }]));
	const files = [];
	for (const [url, wire] of urls) {
		const u = new URL(url);
		if (!url.startsWith(base)) continue;
		const file = fileFor(siteDir, u.pathname);
		if (!file) continue;
		const body = readFileSync(file);
		const kind = classify(file);
		const gzip = gzipSync(body, { level: 9 }).length;
		totals[kind].files++;
		totals[kind].raw += body.length;
		totals[kind].gzip += gzip;
		totals[kind].wire += wire;
		files.push({ path: u.pathname, kind, raw: body.length, gzip });
	}
	files.sort((a, b) => b.gzip - a.gzip);
	const total = Object.values(totals).reduce((t, c) => ({ files: t.files + c.files, raw: t.raw + c.raw, gzip: t.gzip + c.gzip, wire: t.wire + c.wire }), { files: 0, raw: 0, gzip: 0, wire: 0 });
	return { totals, total, files };
}

/**
 * Scrolls a page from the top at a reader's pace: a wheel notch (120 px) every 100 ms, sent on
 * schedule whether or not the page has handled the last one (as a reader's wheel would), until
 * the end of the page or the cap. Records long tasks and the intervals between animation frames.
 */
async function measureScroll(browser, url, { map }) {
	const { context, page, cdp, errors } = await newPage(browser);
	try {
		await page.goto(url, { waitUntil: 'load', timeout: 90_000 });
		if (map) await page.waitForFunction(mapSettled, null, { timeout: 90_000, polling: 100 });
		await page.waitForTimeout(1000);
		await page.evaluate(() => {
			const b = window.__bench;
			b.frames = [];
			b.scrollStart = performance.now();
			const loop = (t) => {
				if (!b.frames) return;
				b.frames.push(t);
				requestAnimationFrame(loop);
			};
			requestAnimationFrame(loop);
		});
		const x = Math.round(VIEWPORT.width / 4);
		const y = Math.round(VIEWPORT.height / 2);
		await page.mouse.move(x, y);
		const t0 = Date.now();
		let atEnd = false;
		let checking = false;
		for (let step = 0; Date.now() - t0 < SCROLL_CAP_MS && !atEnd; step++) {
			cdp.send('Input.dispatchMouseEvent', { type: 'mouseWheel', x, y, deltaX: 0, deltaY: 120 }).catch(() => {});
			if (step % 5 === 4 && !checking) {
				checking = true;
				page
					.evaluate(() => scrollY + innerHeight >= document.documentElement.scrollHeight - 2)
					.then((end) => (atEnd ||= end))
					.catch(() => {})
					.finally(() => (checking = false));
			}
			await sleep(Math.max(0, t0 + (step + 1) * 100 - Date.now()));
		}
		const scrollMs = Date.now() - t0;
		await page.waitForTimeout(2000); // the last camera move finishes
		const r = await page.evaluate(() => {
			const b = window.__bench;
			const frames = b.frames;
			b.frames = null;
			return {
				frames,
				start: b.scrollStart,
				longtasks: b.longtasks.filter(([s]) => s >= b.scrollStart),
				drawn: b.drawn.filter(([t]) => t >= b.scrollStart).length,
				scrollY,
				height: document.documentElement.scrollHeight,
				chapters: document.querySelectorAll('section.chapter').length,
				passed: [...document.querySelectorAll('section.chapter')].filter((s) => s.getBoundingClientRect().top < innerHeight / 2).length
			};
		});
		const intervals = r.frames.slice(1).map((t, i) => t - r.frames[i]);
		const durations = r.longtasks.map(([, d]) => d);
		return {
			url: url.replace(/^http:\/\/localhost:\d+/, ''),
			scrolledPx: Math.round(r.scrollY),
			pageHeightPx: r.height,
			reachedEnd: atEnd,
			scrollS: round(scrollMs / 1000, 1),
			chaptersPassed: r.passed,
			chapters: r.chapters,
			mapViewsDrawn: r.drawn,
			longTasks: durations.length,
			longTaskMs: round(durations.reduce((s, d) => s + d, 0)),
			longTaskMaxMs: round(Math.max(0, ...durations)),
			blockingMs: round(durations.reduce((s, d) => s + Math.max(0, d - 50), 0)),
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

/** Every figure for one built story: loads against its floors, bytes, scrolling. */
async function measureStory(browser, name, siteDir, chapters, runs, deepSlug = null) {
	const site = await serve(siteDir);
	const deep = deepSlug ?? chapters[Math.floor((chapters.length - 1) / 2)].slug;
	const deepPath = `/chapters/${deep}/`;
	const size = await canvasSize(browser, `${site}/`);
	const bounds = Array.isArray(chapters[0].bounds) ? chapters[0].bounds.join(',') : '-118,13.5,-86,33';
	const floorsDir = makeFloors(name, siteDir, ['/', deepPath], floorMapDir);
	const floors = await serve(floorsDir);
	log(`${name}: measuring loads (${runs} runs; deep link ${deepPath}; map canvas ${size.w}×${size.h})`);
	const loads = await measureLoads(browser, [
		{ id: 'floorText', url: `${floors}/`, map: false },
		{ id: 'home', url: `${site}/`, map: true },
		{ id: 'floorTextDeep', url: `${floors}${deepPath}`, map: false },
		{ id: 'deep', url: `${site}${deepPath}`, map: true },
		{ id: 'floorMap', url: `${floors}/floor-map/?w=${size.w}&h=${size.h}&bounds=${bounds}`, map: true }
	], runs);
	const ratio = (a, b) => (a !== null && b ? round(a / b, 2) : null);
	const ratios = {
		home: { fcp: ratio(loads.home.fcp, loads.floorText.fcp), lcp: ratio(loads.home.lcp, loads.floorText.lcp), mapIdle: ratio(loads.home.mapIdle, loads.floorMap.mapIdle) },
		deep: { fcp: ratio(loads.deep.fcp, loads.floorTextDeep.fcp), lcp: ratio(loads.deep.lcp, loads.floorTextDeep.lcp), mapIdle: ratio(loads.deep.mapIdle, loads.floorMap.mapIdle) }
	};
	log(`${name}: bytes`);
	const bytes = await measureBytes(browser, site, siteDir);
	log(`${name}: scrolling`);
	const scrollFloor = await measureScroll(browser, `${floors}/`, { map: false });
	const scroll = await measureScroll(browser, `${site}/`, { map: true });
	return { chapters: chapters.length, runs, deepLink: deepPath, mapCanvas: size, loads, ratios, bytes, scroll, scrollFloor, htmlBytes: { home: statSync(join(siteDir, 'index.html')).size, deep: statSync(join(siteDir, deepPath, 'index.html')).size } };
}

// ---------------------------------------------------------------------------------------
// Report

const kib = (n) => (n === null || n === undefined ? '–' : n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MiB` : `${(n / 1024).toFixed(1)} KiB`);
const ms = (n) => (n === null || n === undefined ? '–' : `${Math.round(n)}`);
const x = (n) => (n === null || n === undefined ? '–' : `×${n.toFixed(2)}`);

function table(head, rows) {
	return [`| ${head.join(' | ')} |`, `| ${head.map((h, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

function report(result) {
	const stories = Object.entries(result.stories);
	const name = (key, s) => (key === 'real' ? `Story (${s.chapters} chapters)` : `Generated story (${s.chapters} chapters)`);
	const parts = [];
	parts.push(`Measured ${result.date} on ${result.machine.cpu} (${result.machine.cores} cores, ${result.machine.memoryGiB} GiB), ${result.machine.os}, Node ${result.machine.node}, Chromium ${result.machine.chromium} headless (WebGL in SwiftShader, on the CPU). Load average ${result.machine.loadAverage.start.join(' / ')} at the start. Medians of ${RUNS} loads (${SCALE_RUNS} for the generated story) after one warm-up, fresh browser context each, cache disabled; served by scripts/serve.js (no compression) on localhost. Times in ms from navigation start.`);
	const loadRows = [];
	for (const [key, s] of stories) {
		const l = s.loads;
		const label = name(key, s);
		loadRows.push([`${label}: text floor /`, ms(l.floorText.fcp), ms(l.floorText.lcp), '–', '', '', '']);
		loadRows.push([`${label}: map floor`, '–', '–', ms(l.floorMap.mapIdle), '', '', '']);
		loadRows.push([`**${label}: /**`, ms(l.home.fcp), ms(l.home.lcp), ms(l.home.mapIdle), x(s.ratios.home.fcp), x(s.ratios.home.lcp), x(s.ratios.home.mapIdle)]);
		loadRows.push([`${label}: text floor ${s.deepLink}`, ms(l.floorTextDeep.fcp), ms(l.floorTextDeep.lcp), '–', '', '', '']);
		loadRows.push([`**${label}: ${s.deepLink}**`, ms(l.deep.fcp), ms(l.deep.lcp), ms(l.deep.mapIdle), x(s.ratios.deep.fcp), x(s.ratios.deep.lcp), x(s.ratios.deep.mapIdle)]);
	}
	parts.push('### Page loads\n\n' + table(['Page', 'FCP', 'LCP', 'Map idle', 'FCP / text floor', 'LCP / text floor', 'Map idle / map floor'], loadRows));
	const notes = [];
	for (const [key, s] of stories) {
		const l = s.loads;
		if (l.home.cameraMs) notes.push(`${name(key, s)}: the map's first view on / is an eased camera move of ${l.home.cameraMs} ms (data-camera-duration), inside "map idle"; map ready (load event) at ${ms(l.home.mapReady)} ms. LCP element: ${l.home.lcpElement ?? '–'}. HTML of /: ${kib(s.htmlBytes.home)}.`);
	}
	if (notes.length) parts.push(notes.map((n) => `- ${n}`).join('\n'));

	const byteRows = CATEGORIES.filter(([k]) => stories.some(([, s]) => s.bytes.totals[k].files > 0)).map(([k, label]) => [
		label,
		...stories.flatMap(([, s]) => {
			const c = s.bytes.totals[k];
			return [c.files ? `${kib(c.raw)} (${c.files})` : '–', c.files ? kib(c.gzip) : '–'];
		})
	]);
	byteRows.push(['**Total**', ...stories.flatMap(([, s]) => [`**${kib(s.bytes.total.raw)}** (${s.bytes.total.files})`, `**${kib(s.bytes.total.gzip)}**`])]);
	parts.push(
		'### Bytes for / (loaded, then scrolled to the end)\n\n' +
			table(['Kind', ...stories.flatMap(([, s]) => [`${s.chapters} ch.: raw (files)`, `${s.chapters} ch.: gzip -9`])], byteRows)
	);

	const scrollRow = (label, c) => [
		label,
		`${c.scrolledPx} of ${c.pageHeightPx} px in ${c.scrollS} s${c.reachedEnd ? '' : ' (capped)'}`,
		`${c.chaptersPassed}/${c.chapters}`,
		c.mapViewsDrawn === null ? '–' : String(c.mapViewsDrawn),
		`${c.longTasks} / ${ms(c.longTaskMs)} ms (max ${ms(c.longTaskMaxMs)})`,
		ms(c.blockingMs),
		String(c.frameMedianMs ?? '–'),
		String(c.frameP95Ms ?? '–'),
		`${c.framesOver50Ms} of ${c.frames}`
	];
	const scrollRows = stories.flatMap(([key, s]) => [scrollRow(`${name(key, s)}: text floor`, { ...s.scrollFloor, mapViewsDrawn: null }), scrollRow(`**${name(key, s)}**`, s.scroll)]);
	parts.push(
		'### Scrolling at a reader’s pace (wheel, 120 px every 100 ms, from the top)\n\n' +
			table(['Story', 'Scrolled', 'Chapters passed', 'Map views drawn', 'Long tasks > 50 ms (count / total)', 'Blocking (Σ over 50 ms)', 'Frame median ms', 'Frame p95 ms', 'Frames > 50 ms'], scrollRows)
	);

	const buildRows = Object.entries(result.builds).map(([key, b]) => [
		b.label,
		b.ok ? `${b.wallS} s` : b.stopped ? `stopped at ${b.stopped.afterS} s; ≈ ${b.stopped.estimatedTotalS ?? '?'} s estimated` : `failed (exit ${b.exitCode})`,
		b.cpuS !== null ? `${b.cpuS} s` : '–',
		b.stopped ? `${b.stopped.chapterPages}/${b.stopped.chapters} chapter pages, ${b.stopped.stillMaps}/${b.stopped.chapters} still maps` : b.output ? `${b.output.pages} pages, ${kib(b.output.bytes)}` : '–'
	]);
	parts.push('### Builds (`vite build` of a copy of the project)\n\n' + table(['Build', 'Wall time', 'CPU time', 'Output'], buildRows));
	if (result.scaleNote) parts.push(result.scaleNote);
	return parts.join('\n\n');
}

const BEGIN = '<!-- bench:begin (written by npm run bench; edits between these markers are replaced) -->';
const END = '<!-- bench:end -->';

/**
 * Puts the latest tables into README.md's "## Performance" section, between markers, keeping the
 * section's own text: replaces the marked block, or a PERFORMANCE_TABLE placeholder line, or
 * appends to the section (adding the section when there is none). Without README.md, writes
 * bench/README-performance.md instead.
 */
function writeReadme(markdown, result) {
	const block = `${BEGIN}\n\nRaw times depend on the machine and on how busy it is; the ratios to the floor pages (the same HTML without its scripts; MapLibre alone drawing the same data) are the figures to compare between runs.\n\n${markdown.replace(/^### /gm, '#### ')}\n\n${END}`;
	const readme = join(ROOT, 'README.md');
	if (!existsSync(readme)) {
		const file = join(ROOT, 'bench/README-performance.md');
		writeFileSync(file, `## Performance\n\n${block}\n`);
		return file;
	}
	const text = readFileSync(readme, 'utf8');
	let next;
	const begin = text.indexOf('<!-- bench:begin');
	const end = text.indexOf(END);
	if (begin !== -1 && end > begin) next = text.slice(0, begin) + block + text.slice(end + END.length);
	else if (/^PERFORMANCE_TABLE[ \t]*$/m.test(text)) next = text.replace(/^PERFORMANCE_TABLE[ \t]*$/m, () => block);
	else {
		const start = text.search(/^## Performance[ \t]*$/m);
		if (start === -1) next = `${text.replace(/\s*$/, '')}\n\n## Performance\n\n${block}\n`;
		else {
			const after = text.slice(start + 1).search(/^## /m);
			const sectionEnd = after === -1 ? text.length : start + 1 + after;
			next = `${text.slice(0, sectionEnd).replace(/\s*$/, '')}\n\n${block}\n${after === -1 ? '' : '\n' + text.slice(sectionEnd)}`;
		}
	}
	writeFileSync(readme, next);
	return readme;
}

// ---------------------------------------------------------------------------------------
// Main

let floorMapDir;
let work;

async function main() {
	mkdirSync(OUT, { recursive: true });
	work = mkdtempSync(join(os.tmpdir(), 'frontera-bench-'));
	const loadStart = os.loadavg().map((n) => round(n, 2));

	// Builds first, then every browser measurement back to back.
	log(`building the story in ${work}/real`);
	const realDir = join(work, 'real');
	copyProject(realDir);
	const realChapters = chaptersOf(realDir);
	const builds = {};
	builds.real = await viteBuild(realDir, { label: `Story, ${realChapters.length} chapters` });
	if (!builds.real.ok) {
		broken.push('the build of the story failed');
		throw new Error(`vite build failed; log: ${builds.real.log}`);
	}
	builds.real.output = { pages: countFiles(join(realDir, 'build'), (f) => f.endsWith('.html')), bytes: dirSize(join(realDir, 'build')) };

	let scaleDir = null;
	let scaleChapters = null;
	let scaleNote = null;
	let scaleDeep = null;
	if (!opts['skip-scale']) {
		scaleDir = join(work, 'scale');
		copyProject(scaleDir);
		generateScaleStory(scaleDir, SCALE);
		scaleChapters = chaptersOf(scaleDir);
		log(`building the generated story of ${SCALE} chapters (budget ${SCALE_BUDGET_MS / 1000} s)`);
		builds.scale = await viteBuild(scaleDir, { label: `Generated story, ${SCALE} chapters (full)`, budgetMs: SCALE_BUDGET_MS, chapters: SCALE });
		if (builds.scale.ok) builds.scale.output = { pages: countFiles(join(scaleDir, 'build'), (f) => f.endsWith('.html')), bytes: dirSize(join(scaleDir, 'build')) };
		else if (!builds.scale.stopped) broken.push(`the build of the generated ${SCALE}-chapter story failed (see ${builds.scale.log})`);
		if (builds.scale.stopped) {
			const stopped = builds.scale.stopped;
			const written = join(scaleDir, '.svelte-kit/output/prerendered/pages/chapters');
			const sample = existsSync(written) ? readdirSync(written).find((d) => existsSync(join(written, d, 'index.html'))) : undefined;
			const pageBytes = sample ? statSync(join(written, sample, 'index.html')).size : null;
			// The pages a reader gets do not depend on whether the build finished: measure the ones
			// it wrote. The deep link is the middle chapter if it was written, else the furthest one.
			const complete = assemblePartialBuild(scaleDir, scaleChapters.map((c) => c.slug));
			const middle = scaleChapters[Math.floor((scaleChapters.length - 1) / 2)].slug;
			scaleDeep = complete.includes(middle) ? middle : complete[complete.length - 1] ?? null;
			scaleNote =
				`The full build of the generated story was stopped after ${stopped.afterS} s (--scale-budget), with ${stopped.chapterPages} of ${stopped.chapters} chapter pages and ${stopped.stillMaps} of ${stopped.chapters} still maps prerendered; ` +
				`at the rate chapter pages were being written (${stopped.chapterPagesPerS ?? '?'} per second) the whole build would take at least ${stopped.estimatedTotalS ?? '?'} s, before the adapter copies the output. ` +
				(pageBytes ? `Each chapter page of that story is ${kib(pageBytes)} of HTML, plus its __data.json, so its ${stopped.chapters + 1} pages come to about ${kib(pageBytes * (stopped.chapters + 1))} of HTML alone. ` : '') +
				(scaleDeep
					? `Its browser figures come from the pages the stopped build had written (/ and ${`/chapters/${scaleDeep}/`}), with the client assets it had built: the same files a finished build serves.`
					: `It had not written the pages the bench loads, so the generated story has no browser figures in this run: raise --scale-budget.`);
			if (!scaleDeep) rmSync(join(scaleDir, 'build'), { recursive: true, force: true });
		}
	}

	log('building the map floor (bench/floor-map)');
	floorMapDir = await buildFloorMap();

	const { chromium } = await import('@playwright/test');
	const executablePath = process.env.CHROME_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
	const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
	const chromiumVersion = browser.version();
	const stories = {};
	try {
		stories.real = await measureStory(browser, 'real', join(realDir, 'build'), realChapters, RUNS);
		if (scaleDir && existsSync(join(scaleDir, 'build/index.html')))
			stories.scale = await measureStory(browser, 'scale', join(scaleDir, 'build'), scaleChapters, SCALE_RUNS, scaleDeep);
	} finally {
		await browser.close();
	}

	const cpus = os.cpus();
	const result = {
		date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
		machine: {
			cpu: cpus[0]?.model?.trim() ?? 'unknown',
			cores: cpus.length,
			memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
			os: `${os.type()} ${os.release()} ${os.arch()}`,
			node: process.version,
			chromium: chromiumVersion,
			loadAverage: { start: loadStart, end: os.loadavg().map((n) => round(n, 2)) }
		},
		settings: { runs: RUNS, scaleRuns: SCALE_RUNS, scale: SCALE, scaleBudgetS: SCALE_BUDGET_MS / 1000, scrollCapS: SCROLL_CAP_MS / 1000, viewport: VIEWPORT, chromiumArgs: CHROMIUM_ARGS },
		builds,
		stories,
		scaleNote,
		broken,
		benchSeconds: null
	};
	result.benchSeconds = round((Date.now() - started) / 1000);
	const markdown = report(result) + `\n\nBench run time: ${result.benchSeconds} s.`;
	writeFileSync(join(OUT, 'latest.json'), JSON.stringify(result, null, '\t') + '\n');
	writeFileSync(join(OUT, 'latest.md'), markdown + '\n');
	console.log(markdown);
	if (!opts['no-readme']) log(`performance section written to ${relative(ROOT, writeReadme(markdown, result))}`);
	log(`JSON: ${relative(ROOT, join(OUT, 'latest.json'))}; Markdown: ${relative(ROOT, join(OUT, 'latest.md'))}`);
}

try {
	if (opts['readme-only']) {
		const result = JSON.parse(readFileSync(join(OUT, 'latest.json'), 'utf8'));
		log(`performance section written to ${relative(ROOT, writeReadme(readFileSync(join(OUT, 'latest.md'), 'utf8').trim(), result))}`);
	} else await main();
} catch (error) {
	log(error.stack ?? String(error));
	if (!broken.length) broken.push(String(error.message ?? error));
} finally {
	stopServers();
	if (!opts.keep && work) {
		rmSync(work, { recursive: true, force: true });
		rmSync(join(OUT, 'floors'), { recursive: true, force: true });
	}
}
if (broken.length) {
	log(`broken:\n  ${broken.join('\n  ')}`);
	process.exitCode = 1;
}
