// Timed `vite build` of a project copy, stopped after a budget if asked, and the site a stopped
// build had written put together as the adapter would have.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteAddress } from '../../scripts/site-address.js';
import { log } from './log.js';
import { countFiles, dirSize, isCompressedCopy } from './project.js';
import { round } from './stats.js';

/** Seconds from bash's `times` format ("1m2.345s"), or null. @param {string | undefined} t */
function seconds(t) {
	const m = /^(\d+)m([\d.]+)s$/.exec(t ?? '');
	return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/**
 * The address the measured builds are made for: the site's own when it has one. A build for a
 * host is what the bench measures; a preview says noindex, which Lighthouse's SEO audit counts.
 */
const BENCH_ADDRESS = 'https://frontera.example.org';

/** @param {import('node:child_process').ChildProcess} child */
function stopGroup(child) {
	try {
		process.kill(-(/** @type {number} */ (child.pid)), 'SIGTERM');
		setTimeout(() => {
			try {
				process.kill(-(/** @type {number} */ (child.pid)), 'SIGKILL');
			} catch {}
		}, 3000);
	} catch {}
}

/**
 * The search index a build wrote, if any: Pagefind's folder, or JSON under /search/.
 * @param {string} build
 */
export function searchIndex(build) {
	if (existsSync(join(build, 'pagefind'))) return { kind: 'pagefind', path: '/pagefind/', bytes: dirSize(join(build, 'pagefind'), (f) => !isCompressedCopy(f)) };
	const json = countFiles(join(build, 'search'), (f) => f.endsWith('.json'));
	return json ? { kind: 'json', path: '/search/', bytes: dirSize(join(build, 'search'), (f) => f.endsWith('.json')) } : null;
}

/**
 * The project's build (`npm run build`: `vite build` and whatever the project's build script
 * adds, such as a search index) in a project copy, timed (wall clock, and CPU time of the build's
 * processes from bash's `times`), with the time from the end of `vite build` (the adapter's
 * "done") to the end. With `budgetMs`, a build still running then is stopped, and its
 * progress (chapter pages and still maps prerendered so far) gives an estimate of the total.
 * @param {string} dir
 * @param {{ label: string, budgetMs?: number, chapters?: number }} options
 * @returns {Promise<Record<string, any>>}
 */
export function viteBuild(dir, { label, budgetMs = 0, chapters = 0 }) {
	return new Promise((resolveBuild) => {
		const logFile = join(dir, 'bench-build.log');
		const t0 = Date.now();
		const child = spawn('bash', ['-c', 'npm run build --silent; rc=$?; echo "__TIMES__"; times; exit $rc'], {
			cwd: dir,
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
			env: { ...process.env, FORCE_COLOR: '0', SITE_URL: siteAddress() ?? BENCH_ADDRESS }
		});
		let output = '';
		/** @type {number | null} */
		let viteDone = null;
		/** @param {Buffer} d */
		const collect = (d) => {
			output += d;
			if (viteDone === null && output.includes('✔ done')) viteDone = Date.now();
		};
		child.stdout.on('data', collect);
		child.stderr.on('data', collect);
		const prerendered = join(dir, '.svelte-kit/output/prerendered');
		const progress = () => ({
			pages: countFiles(join(prerendered, 'pages/chapters'), (f) => f === 'index.html'),
			maps: countFiles(prerendered, (f) => f.endsWith('.png'))
		});
		// The progress over time, for the estimate of a stopped build.
		/** @type {{ t: number, pages: number, maps: number }[]} */
		const series = [];
		const poll = setInterval(() => {
			if (budgetMs > 0) series.push({ t: Date.now(), ...progress() });
		}, 2000);
		/** @type {{ at: number, pages: number, maps: number } | null} */
		let stopped = null;
		const timer =
			budgetMs > 0
				? setTimeout(() => {
						stopped = { at: Date.now(), ...progress() };
						log(`${label}: still building after ${Math.round(budgetMs / 1000)} s; stopping it (${stopped.pages}/${chapters} chapter pages, ${stopped.maps}/${chapters} still maps written)`);
						stopGroup(child);
					}, budgetMs)
				: null;
		child.on('close', (code) => {
			clearInterval(poll);
			if (timer) clearTimeout(timer);
			writeFileSync(logFile, output);
			const times = output.split('__TIMES__')[1]?.trim().split('\n').pop()?.trim().split(/\s+/) ?? [];
			const user = seconds(times[0]);
			const system = seconds(times[1]);
			const vite = [...output.matchAll(/built in ([\d.]+)(ms|s)/g)].map((m) => round(Number(m[1]) * (m[2] === 'ms' ? 0.001 : 1), 1));
			// The site search's indexer says how long it took (svelte.config.js, after the adapter).
			const indexed = /Search index: .* written in (\d+) ms/.exec(output);
			/** @type {Record<string, any>} */
			const result = { label, ok: code === 0 && !stopped, exitCode: code, wallS: round((Date.now() - t0) / 1000, 1), afterViteS: viteDone ? round((Date.now() - viteDone) / 1000, 1) : null, cpuS: user !== null && system !== null ? round(user + system, 1) : null, viteBundleS: vite, searchIndexS: indexed ? round(Number(indexed[1]) / 1000, 2) : null, log: logFile };
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
					// Lower bound: the adapter's copy and compression of the output are not included.
					estimatedTotalS: rate ? round((stopped.at - t0) / 1000 + (chapters - stopped.pages) / rate) : null,
					prerenderedBytesSoFar: dirSize(prerendered)
				};
			} else if (code !== 0) {
				log(`${label}: vite build failed (exit ${code}); see ${logFile}`);
				console.error(output.split('\n').slice(-30).join('\n'));
			} else {
				const build = join(dir, 'build');
				result.output = { pages: countFiles(build, (f) => f.endsWith('.html')), bytes: dirSize(build, (f) => !isCompressedCopy(f)), compressedBytes: dirSize(build, isCompressedCopy) };
				result.searchIndex = searchIndex(build);
			}
			resolveBuild(result);
		});
	});
}

/**
 * The site a stopped build had written so far, put together as the adapter would have
 * (client assets plus prerendered pages, not compressed) into <dir>/build. Returns the chapter
 * slugs whose pages are complete: the page being written when the build stopped is left out.
 * @param {string} dir
 * @param {string[]} slugs
 */
export function assemblePartialBuild(dir, slugs) {
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
