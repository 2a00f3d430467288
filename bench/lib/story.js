// Every figure for one built story: loads against its floors, bytes, search, scrolling, and
// (when asked) Lighthouse's mobile audit.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { measureBytes } from './bytes.js';
import { makeFloors, textOnly } from './floors.js';
import { measureLighthouse } from './lighthouse.js';
import { canvasSize, measureLoads } from './loads.js';
import { broken, log } from './log.js';
import { measureScroll } from './scroll.js';
import { measureSearch } from './search.js';
import { serve } from './servers.js';
import { ratio } from './stats.js';

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {{ name: string, siteDir: string, chapters: { slug: string, bounds?: number[] }[], runs: number, deepSlug?: string | null, floorMapDir: string, scrollCapMs: number, lighthouseRuns?: number }} story
 */
export async function measureStory(browser, { name, siteDir, chapters, runs, deepSlug = null, floorMapDir, scrollCapMs, lighthouseRuns = 0 }) {
	const site = await serve(siteDir);
	const deep = deepSlug ?? chapters[Math.floor((chapters.length - 1) / 2)]?.slug;
	const deepPath = `/chapters/${deep}/`;
	const size = await canvasSize(browser, `${site}/`);
	const bounds = Array.isArray(chapters[0]?.bounds) ? chapters[0].bounds.join(',') : '-118,13.5,-86,33';
	const floors = await serve(makeFloors(name, siteDir, ['/', deepPath], floorMapDir));
	log(`${name}: measuring loads (${runs} runs; deep link ${deepPath}; map canvas ${size.w}×${size.h})`);
	const loads = await measureLoads(
		browser,
		[
			{ id: 'floorText', url: `${floors}/`, map: false },
			{ id: 'home', url: `${site}/`, map: true },
			{ id: 'floorTextDeep', url: `${floors}${deepPath}`, map: false },
			{ id: 'deep', url: `${site}${deepPath}`, map: true },
			{ id: 'floorMap', url: `${floors}/floor-map/?w=${size.w}&h=${size.h}&bounds=${bounds}`, map: true }
		],
		runs
	);
	const ratios = {
		home: { fcp: ratio(loads.home.fcp, loads.floorText.fcp), lcp: ratio(loads.home.lcp, loads.floorText.lcp), mapIdle: ratio(loads.home.mapIdle, loads.floorMap.mapIdle), picture: ratio(loads.home.picture, loads.home.fcp) },
		deep: { fcp: ratio(loads.deep.fcp, loads.floorTextDeep.fcp), lcp: ratio(loads.deep.lcp, loads.floorTextDeep.lcp), mapIdle: ratio(loads.deep.mapIdle, loads.floorMap.mapIdle), picture: ratio(loads.deep.picture, loads.deep.fcp) }
	};
	log(`${name}: bytes`);
	const bytes = await measureBytes(browser, site);
	log(`${name}: search`);
	const search = await measureSearch(browser, site, bytes.files.map((f) => f.path));
	log(`${name}: scrolling`);
	const scrollFloor = await measureScroll(browser, `${floors}/`, { map: false, capMs: scrollCapMs });
	const scroll = await measureScroll(browser, `${site}/`, { map: true, capMs: scrollCapMs });
	// The served HTML of / against the same file without its scripts (the text floor): raw bytes.
	const home = readFileSync(join(siteDir, 'index.html'), 'utf8');
	const htmlBytes = { home: Buffer.byteLength(home), homeWithoutScripts: Buffer.byteLength(textOnly(home)), deep: statSync(join(siteDir, deepPath, 'index.html')).size };
	const htmlRatio = ratio(htmlBytes.home, htmlBytes.homeWithoutScripts);
	if (lighthouseRuns > 0) log(`${name}: Lighthouse (${lighthouseRuns} runs of / and ${deepPath})`);
	const lighthouse =
		lighthouseRuns > 0
			? await measureLighthouse(site, ['/', deepPath], lighthouseRuns).catch((error) => {
					broken.push(`Lighthouse: ${error instanceof Error ? error.message : String(error)}`);
					return null;
				})
			: null;
	return { chapters: chapters.length, runs, deepLink: deepPath, mapCanvas: size, loads, ratios, bytes, search, scroll, scrollFloor, htmlBytes, htmlRatio, lighthouse };
}
