// Lighthouse's mobile audit (its defaults: a simulated slow phone on a slow network) of pages of
// a served build, through its Node API, in the tests' Chromium launched by chrome-launcher.
import { chromiumPath } from '../../tools/browsers/chromium.js';
import { log } from './log.js';
import { median, ratio, round } from './stats.js';

/** Flags for Lighthouse's Chromium (chrome-launcher adds its own quiet defaults). */
export const LIGHTHOUSE_FLAGS = ['--headless=new', '--no-sandbox', '--enable-unsafe-swiftshader', '--use-angle=swiftshader', '--ignore-gpu-blocklist'];

const CATEGORIES = /** @type {const} */ ({ performance: 'performance', accessibility: 'accessibility', bestPractices: 'best-practices', seo: 'seo' });
const METRICS = /** @type {const} */ ({ tbt: 'total-blocking-time', fcp: 'first-contentful-paint', lcp: 'largest-contentful-paint' });

/** The figures of one report. @param {any} lhr @returns {Record<string, any>} */
function figures(lhr) {
	/** @type {Record<string, number | null>} */
	const out = {};
	for (const [k, id] of Object.entries(CATEGORIES)) out[k] = lhr.categories[id]?.score === null || lhr.categories[id]?.score === undefined ? null : Math.round(lhr.categories[id].score * 100);
	for (const [k, id] of Object.entries(METRICS)) out[k] = lhr.audits[id]?.numericValue ?? null;
	// What keeps a category other than performance below 100, by audit id.
	const failing = [];
	for (const [id, c] of Object.entries(lhr.categories))
		if (id !== 'performance') for (const ref of /** @type {any[]} */ (c.auditRefs)) if (ref.weight > 0 && typeof lhr.audits[ref.id]?.score === 'number' && lhr.audits[ref.id].score < 1) failing.push(`${id}: ${ref.id}`);
	// A run Lighthouse could not finish (a page that never painted for it, a protocol timeout).
	const error = lhr.runtimeError?.code ?? null;
	return { ...out, failing, warnings: lhr.runWarnings ?? [], error };
}

/**
 * Audits each path of `origin` `runs` times (interleaved); medians per path.
 * The origin's host is named "localhost". The pages' canonical links name the address the bench
 * builds for (build.js), another host, which Lighthouse's canonical audit accepts.
 * @param {string} origin e.g. http://127.0.0.1:40123
 * @param {string[]} paths
 * @param {number} runs
 * @returns {Promise<Record<string, any>>}
 */
export async function measureLighthouse(origin, paths, runs) {
	const { default: lighthouse } = await import('lighthouse');
	const chromeLauncher = await import('chrome-launcher');
	const base = origin.replace('://127.0.0.1:', '://localhost:');
	const chrome = await chromeLauncher.launch({ chromePath: chromiumPath(), chromeFlags: LIGHTHOUSE_FLAGS });
	/** @type {Record<string, ReturnType<typeof figures>[]>} */
	const samples = Object.fromEntries(paths.map((p) => [p, []]));
	let version = null;
	try {
		for (let run = 0; run < runs; run++)
			for (const path of paths)
				// A run that ends in a runtime error is tried once more; both are kept (errors are listed).
				for (let attempt = 0; attempt < 2; attempt++) {
					const result = await lighthouse(`${base}${path}`, { port: chrome.port, output: 'json', logLevel: 'error' });
					if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
					version = result.lhr.lighthouseVersion;
					const f = figures(result.lhr);
					samples[path]?.push(f);
					log(`lighthouse ${path} (${run + 1}/${runs}): ${f.error ? `runtime error ${f.error}` : `performance ${f.performance}`}`);
					if (!f.error) break;
				}
	} finally {
		await chrome.kill();
	}
	const pages = Object.fromEntries(
		paths.map((path) => {
			const all = samples[path] ?? [];
			const s = all.filter((x) => !x.error);
			/** @param {string} k */
			const med = (k) => round(median(s.map((x) => /** @type {any} */ (x)[k])));
			const lcp = med('lcp');
			const fcp = med('fcp');
			return [
				path,
				{
					runs: s.length,
					performance: med('performance'),
					accessibility: med('accessibility'),
					bestPractices: med('bestPractices'),
					seo: med('seo'),
					tbt: med('tbt'),
					fcp,
					lcp,
					lcpOverFcp: ratio(lcp, fcp),
					failing: [...new Set(s.flatMap((x) => x.failing))],
					warnings: [...new Set(s.flatMap((x) => x.warnings))],
					errors: all.filter((x) => x.error).map((x) => x.error),
					samples: s.map(({ performance, tbt, fcp, lcp }) => ({ performance, tbt: round(tbt), fcp: round(fcp), lcp: round(lcp) }))
				}
			];
		})
	);
	return { version, runs, formFactor: 'mobile', throttling: 'simulate', flags: LIGHTHOUSE_FLAGS, pages };
}
