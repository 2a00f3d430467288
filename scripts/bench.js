// `npm run bench`: performance figures for the production build, in headless Chromium.
//
//   node scripts/bench.js [--runs 5] [--scale-runs 3] [--scale 100] [--scale-budget 420] [--scroll-cap 40]
//                         [--lighthouse-runs 3] [--skip-scale] [--no-readme] [--readme-only] [--keep]
//
// What it does, in one run (each step a module of bench/lib/):
//  1. Copies the project into a temporary folder and builds it (`npm run build`), timed
//     (project.js, build.js): the story as the repository holds it. A second copy gets a
//     generated story of --scale chapters (the real chapters cloned, slugs scale-001…) and is
//     built the same way, stopped after --scale-budget seconds if it has not finished (its total
//     is then estimated from the rate it was writing pages, and the pages it had written are
//     measured). Building copies keeps the measured build still while anything else rebuilds ./build.
//  2. Builds the floor pages (floors.js): the story's own HTML with every <script> and
//     modulepreload removed, and bench/floor-map/ (MapLibre drawing the same GeoJSON and nothing
//     else). Outputs go to bench/out/ (git-ignored).
//  3. Serves each build and its floors with tools/server.js (servers.js) and loads /, one deep
//     link and the floors --runs times each (loads.js, instrument.js): medians of first
//     contentful paint, largest contentful paint and the time until the map is idle, also as
//     ratios to the floors, which a busy machine moves far less than the raw figures.
//  4. Bytes of / after scrolling to the end, by kind, from the responses received (bytes.js),
//     and what /search/?q=… loads beyond them (search.js).
//  5. Scrolls the story at a reader's pace and records long tasks, frame intervals, and whether
//     the map came to rest in each chapter while it was read (scroll.js).
//  6. Lighthouse's mobile audit of / and the deep link, --lighthouse-runs times (lighthouse.js;
//     the story only, 0 skips it).
//  7. Prints Markdown tables (report.js, targets.js: each asked-for figure beside its target and
//     the previous run's value), writes bench/out/latest.md and latest.json, and puts the
//     tables into README.md's "## Performance" section (readme.js).
//
// Timing never fails the run: it exits non-zero only when something is broken (a build
// fails, a page does not load, the map reports failure).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { launch, VIEWPORT } from '../bench/lib/browser.js';
import { assemblePartialBuild, viteBuild } from '../bench/lib/build.js';
import { buildFloorMap, removeFloors } from '../bench/lib/floors.js';
import { broken, log } from '../bench/lib/log.js';
import { OUT, ROOT } from '../bench/lib/paths.js';
import { chaptersOf, copyProject, generateScaleStory } from '../bench/lib/project.js';
import { writeReadme } from '../bench/lib/readme.js';
import { kib, report } from '../bench/lib/report.js';
import { stopServers } from '../bench/lib/servers.js';
import { round } from '../bench/lib/stats.js';
import { measureStory } from '../bench/lib/story.js';
import { CHROMIUM_ARGS } from '../tools/browsers/chromium.js';

const started = Date.now();
const { values: opts } = parseArgs({
	options: {
		runs: { type: 'string', default: '5' },
		// Loads of the generated story take ~10 s each; fewer runs keep the bench under 15 min.
		'scale-runs': { type: 'string', default: '3' },
		scale: { type: 'string', default: '100' },
		// Seconds the full build of the generated story may take before it is stopped and its
		// total estimated from its progress; the browser figures then come from the pages it had
		// written (the same files a finished build would serve). The 100-chapter build takes
		// 140–190 s on two shared cores: the budget leaves it room to finish; --scale 500 needs it.
		'scale-budget': { type: 'string', default: '420' },
		// Seconds of reader-paced scrolling at most (the generated story is far longer).
		'scroll-cap': { type: 'string', default: '40' },
		// Lighthouse audits of each page (median taken); 0 skips Lighthouse.
		'lighthouse-runs': { type: 'string', default: '3' },
		'skip-scale': { type: 'boolean', default: false },
		'no-readme': { type: 'boolean', default: false },
		// Only (re)write the README section from bench/out/latest.md; measure nothing.
		'readme-only': { type: 'boolean', default: false },
		keep: { type: 'boolean', default: false }
	}
});
const RUNS = Math.max(1, Number(opts.runs));
const SCALE_RUNS = Math.max(1, Number(opts['scale-runs']));
const SCALE = Math.max(15, Number(opts.scale));
const SCALE_BUDGET_MS = Number(opts['scale-budget']) * 1000;
const SCROLL_CAP_MS = Number(opts['scroll-cap']) * 1000;
const LIGHTHOUSE_RUNS = Math.max(0, Number(opts['lighthouse-runs']));

/** @type {string | undefined} */
let work;

/** Builds the generated story; returns its folder, chapters, deep link and note (or nulls). @param {string} dir @param {Record<string, any>} builds */
async function buildScaleStory(dir, builds) {
	copyProject(dir);
	generateScaleStory(dir, SCALE);
	const chapters = chaptersOf(dir);
	log(`building the generated story of ${SCALE} chapters (budget ${SCALE_BUDGET_MS / 1000} s)`);
	const build = (builds.scale = await viteBuild(dir, { label: `Generated story, ${SCALE} chapters (full)`, budgetMs: SCALE_BUDGET_MS, chapters: SCALE }));
	if (!build.ok && !build.stopped) broken.push(`the build of the generated ${SCALE}-chapter story failed (see ${build.log})`);
	if (!build.stopped) return { chapters, deep: null, note: null };
	const stopped = build.stopped;
	const written = join(dir, '.svelte-kit/output/prerendered/pages/chapters');
	const sample = existsSync(written) ? readdirSync(written).find((d) => existsSync(join(written, d, 'index.html'))) : undefined;
	const pageBytes = sample ? statSync(join(written, sample, 'index.html')).size : null;
	// The pages a reader gets do not depend on whether the build finished: measure the ones
	// it wrote. The deep link is the middle chapter if it was written, else the furthest one.
	const complete = assemblePartialBuild(dir, chapters.map((c) => c.slug));
	const middle = chapters[Math.floor((chapters.length - 1) / 2)]?.slug ?? '';
	const deep = complete.includes(middle) ? middle : (complete[complete.length - 1] ?? null);
	const note =
		`The full build of the generated story was stopped after ${stopped.afterS} s (--scale-budget), with ${stopped.chapterPages} of ${stopped.chapters} chapter pages and ${stopped.stillMaps} of ${stopped.chapters} still maps prerendered; ` +
		`at the rate chapter pages were being written (${stopped.chapterPagesPerS ?? '?'} per second) the whole build would take at least ${stopped.estimatedTotalS ?? '?'} s, before the adapter copies and compresses the output. ` +
		(pageBytes ? `Each chapter page of that story is ${kib(pageBytes)} of HTML, plus its __data.json, so its ${stopped.chapters + 1} pages come to about ${kib(pageBytes * (stopped.chapters + 1))} of HTML alone. ` : '') +
		(deep
			? `Its browser figures come from the pages the stopped build had written (/ and /chapters/${deep}/), with the client assets it had built: the same files a finished build serves, without the .br/.gz copies the adapter would have added.`
			: `It had not written the pages the bench loads, so the generated story has no browser figures in this run: raise --scale-budget.`);
	if (!deep) rmSync(join(dir, 'build'), { recursive: true, force: true });
	return { chapters, deep, note };
}

async function main() {
	mkdirSync(OUT, { recursive: true });
	work = mkdtempSync(join(os.tmpdir(), 'frontera-bench-'));
	const loadStart = os.loadavg().map((n) => round(n, 2));

	// Builds first, then every browser measurement back to back.
	log(`building the story in ${work}/real`);
	const realDir = join(work, 'real');
	copyProject(realDir);
	const realChapters = chaptersOf(realDir);
	/** @type {Record<string, any>} */
	const builds = {};
	builds.real = await viteBuild(realDir, { label: `Story, ${realChapters.length} chapters` });
	if (!builds.real.ok) {
		broken.push('the build of the story failed');
		throw new Error(`vite build failed; log: ${builds.real.log}`);
	}
	const scaleDir = opts['skip-scale'] ? null : join(work, 'scale');
	const scale = scaleDir ? await buildScaleStory(scaleDir, builds) : null;

	log('building the map floor (bench/floor-map)');
	const floorMapDir = await buildFloorMap();

	const browser = await launch();
	const chromiumVersion = browser.version();
	/** @type {Record<string, any>} */
	const stories = {};
	const common = { floorMapDir, scrollCapMs: SCROLL_CAP_MS };
	try {
		stories.real = await measureStory(browser, { name: 'real', siteDir: join(realDir, 'build'), chapters: realChapters, runs: RUNS, lighthouseRuns: LIGHTHOUSE_RUNS, ...common });
		if (scaleDir && scale && existsSync(join(scaleDir, 'build/index.html')))
			stories.scale = await measureStory(browser, { name: 'scale', siteDir: join(scaleDir, 'build'), chapters: scale.chapters, runs: SCALE_RUNS, deepSlug: scale.deep, ...common });
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
		settings: { runs: RUNS, scaleRuns: SCALE_RUNS, scale: SCALE, scaleBudgetS: SCALE_BUDGET_MS / 1000, scrollCapS: SCROLL_CAP_MS / 1000, lighthouseRuns: LIGHTHOUSE_RUNS, viewport: VIEWPORT, chromiumArgs: CHROMIUM_ARGS },
		builds,
		stories,
		scaleNote: scale?.note ?? null,
		broken,
		benchSeconds: round((Date.now() - started) / 1000)
	};
	const previousFile = join(OUT, 'latest.json');
	const previous = existsSync(previousFile) ? JSON.parse(readFileSync(previousFile, 'utf8')) : null;
	const markdown = report(result, previous) + `\n\nBench run time: ${result.benchSeconds} s.`;
	writeFileSync(join(OUT, 'latest.json'), JSON.stringify(result, null, '\t') + '\n');
	writeFileSync(join(OUT, 'latest.md'), markdown + '\n');
	console.log(markdown);
	if (!opts['no-readme']) log(`performance section written to ${relative(ROOT, writeReadme(markdown))}`);
	log(`JSON: ${relative(ROOT, join(OUT, 'latest.json'))}; Markdown: ${relative(ROOT, join(OUT, 'latest.md'))}`);
}

try {
	if (opts['readme-only']) log(`performance section written to ${relative(ROOT, writeReadme(readFileSync(join(OUT, 'latest.md'), 'utf8').trim()))}`);
	else await main();
} catch (error) {
	log(error instanceof Error ? error.stack : String(error));
	if (!broken.length) broken.push(error instanceof Error ? error.message : String(error));
} finally {
	await stopServers();
	if (!opts.keep && work) {
		rmSync(work, { recursive: true, force: true });
		removeFloors();
	}
}
if (broken.length) {
	log(`broken:\n  ${broken.join('\n  ')}`);
	process.exitCode = 1;
}
