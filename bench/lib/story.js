// Every figure for one built story: loads against its floors, bytes, scrolling.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { measureBytes } from './bytes.js';
import { makeFloors } from './floors.js';
import { canvasSize, measureLoads } from './loads.js';
import { log } from './log.js';
import { measureScroll } from './scroll.js';
import { serve } from './servers.js';
import { ratio } from './stats.js';

/**
 * @param {import('@playwright/test').Browser} browser
 * @param {{ name: string, siteDir: string, chapters: { slug: string, bounds?: number[] }[], runs: number, deepSlug?: string | null, floorMapDir: string, scrollCapMs: number }} story
 */
export async function measureStory(browser, { name, siteDir, chapters, runs, deepSlug = null, floorMapDir, scrollCapMs }) {
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
		home: { fcp: ratio(loads.home.fcp, loads.floorText.fcp), lcp: ratio(loads.home.lcp, loads.floorText.lcp), mapIdle: ratio(loads.home.mapIdle, loads.floorMap.mapIdle) },
		deep: { fcp: ratio(loads.deep.fcp, loads.floorTextDeep.fcp), lcp: ratio(loads.deep.lcp, loads.floorTextDeep.lcp), mapIdle: ratio(loads.deep.mapIdle, loads.floorMap.mapIdle) }
	};
	log(`${name}: bytes`);
	const bytes = await measureBytes(browser, site);
	log(`${name}: scrolling`);
	const scrollFloor = await measureScroll(browser, `${floors}/`, { map: false, capMs: scrollCapMs });
	const scroll = await measureScroll(browser, `${site}/`, { map: true, capMs: scrollCapMs });
	const htmlBytes = { home: statSync(join(siteDir, 'index.html')).size, deep: statSync(join(siteDir, deepPath, 'index.html')).size };
	return { chapters: chapters.length, runs, deepLink: deepPath, mapCanvas: size, loads, ratios, bytes, scroll, scrollFloor, htmlBytes };
}
