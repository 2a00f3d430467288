// The floor pages the story is compared with: its own HTML without scripts (text only, same
// CSS), and bench/floor-map/ (MapLibre drawing the same GeoJSON and nothing else).
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT, ROOT } from './paths.js';

/** The story's HTML as a text-only page: no scripts, no modulepreload; CSS kept. @param {string} html */
export function textOnly(html) {
	return html.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<link\b[^>]*rel=["']?modulepreload["']?[^>]*>/gi, '');
}

/** Builds bench/floor-map/ with Vite into bench/out/floor-map. */
export async function buildFloorMap() {
	const { build } = await import('vite');
	const outDir = join(OUT, 'floor-map');
	await build({
		root: join(ROOT, 'bench/floor-map'),
		base: '/floor-map/',
		configFile: false,
		logLevel: 'warn',
		build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000, target: 'es2022' }
	});
	return outDir;
}

/**
 * A folder served like the site: the text floors at the same paths as the pages they come from
 * (/ and /chapters/<slug>/), the map floor at /floor-map/, the site's assets linked in.
 * The text floors have no .br/.gz copies: each is served as it is, with the site's compressed assets.
 * @param {string} name
 * @param {string} siteDir
 * @param {string[]} pages
 * @param {string} floorMapDir
 */
export function makeFloors(name, siteDir, pages, floorMapDir) {
	const dir = join(OUT, 'floors', name);
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	for (const page of pages) {
		const html = readFileSync(join(siteDir, page, 'index.html'), 'utf8');
		mkdirSync(join(dir, page), { recursive: true });
		writeFileSync(join(dir, page, 'index.html'), textOnly(html));
	}
	for (const linked of ['_app', 'maps', 'fonts', 'favicon.svg']) if (existsSync(join(siteDir, linked))) symlinkSync(join(siteDir, linked), join(dir, linked));
	cpSync(floorMapDir, join(dir, 'floor-map'), { recursive: true });
	return dir;
}

/** Removes the floor folders. */
export function removeFloors() {
	rmSync(join(OUT, 'floors'), { recursive: true, force: true });
}
