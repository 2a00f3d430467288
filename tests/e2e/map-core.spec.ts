/**
 * The map core: one owner of the map's state, one camera move per chapter, layers applied by
 * difference, re-framing when the layout changes, and a picture of the chapter's map before the
 * live map has drawn. What the map does is read through its documented contract
 * (src/lib/map/contract.js) and checked in pixels.
 */
import { readFileSync } from 'node:fs';
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import { expect, test, type Page } from '@playwright/test';
import { MAP_PICTURE_TIMING } from '../../src/lib/map/contract.js';
import { changedFraction, chapterFiles, hydrated, distinctColours, mapCount, mapExtent, mapIdle, screenshotPixels, scrollToChapter } from './helpers';

const chapters = chapterFiles();
const GEO = new URL('../../geo/', import.meta.url);

/** Bounding boxes of every feature the chapters may highlight: layer features and gazetteer places. */
const boxes = new Map<string, [number, number, number, number]>();
for (const file of ['enforcement', 'surveillance', 'refuge', 'borders'].map((l) => `${l}.geojson`)) {
	const fc = JSON.parse(readFileSync(new URL(file, GEO), 'utf8')) as FeatureCollection;
	for (const f of fc.features) boxes.set(String(f.properties!.id), bbox(f) as [number, number, number, number]);
}
for (const p of JSON.parse(readFileSync(new URL('gazetteer.json', GEO), 'utf8')) as { id: string; coordinates: [number, number] }[])
	if (!boxes.has(p.id)) boxes.set(p.id, [...p.coordinates, ...p.coordinates]);

/** Two chapters, not next to each other, that show the same layers. */
function sameLayers(): [number, number] {
	for (let i = 0; i < chapters.length; i++)
		for (let j = i + 2; j < chapters.length; j++)
			if ([...chapters[i]!.layers].sort().join() === [...chapters[j]!.layers].sort().join()) return [i, j];
	throw new Error('test setup: no two chapters share their layers');
}

/** Lets any further camera move start and end: a second move would show in the count. */
const settle = (page: Page) => page.waitForTimeout(1800);

test('a chapter change moves the camera once; layers that stay the same are not touched', async ({ page }) => {
	const [a, b] = sameLayers();
	await page.goto(`/chapters/${chapters[a]!.slug}/`);
	await mapIdle(page, chapters[a]!.slug);
	await settle(page);
	const moves = await mapCount(page, 'moves');
	const writes = await mapCount(page, 'layerWrites');

	await scrollToChapter(page, chapters[a + 1]!.slug);
	await mapIdle(page, chapters[a + 1]!.slug);
	await settle(page);
	expect(await mapCount(page, 'moves')).toBe(moves + 1);
	expect(await mapCount(page, 'duration')).toBeGreaterThan(0);
	expect(await mapCount(page, 'layerWrites')).toBeGreaterThan(writes);

	// Back to the first chapter's layers, then on to a chapter with the very same layers.
	await page.goto(`/chapters/${chapters[a]!.slug}/`);
	await mapIdle(page, chapters[a]!.slug);
	await settle(page);
	const before = { moves: await mapCount(page, 'moves'), writes: await mapCount(page, 'layerWrites') };
	await scrollToChapter(page, chapters[b]!.slug);
	await mapIdle(page, chapters[b]!.slug);
	await settle(page);
	expect(await mapCount(page, 'moves')).toBe(before.moves + 1);
	expect(await mapCount(page, 'layerWrites')).toBe(before.writes);
});

test('a layer toggle changes the map, not the camera', async ({ page }) => {
	const chapter = chapters[2]!;
	await page.goto(`/chapters/${chapter.slug}/`);
	await mapIdle(page, chapter.slug);
	const layers = page.getByRole('button', { name: /^Layers/ });
	if ((await layers.getAttribute('aria-expanded')) === 'false') await layers.click();
	await mapIdle(page, chapter.slug);
	await settle(page);
	const moves = await mapCount(page, 'moves');
	await page.locator('#legend-panel button[data-layer="refuge"]').click();
	await mapIdle(page);
	expect(await mapCount(page, 'moves')).toBe(moves);
});

test('in explore mode a layer toggle changes the map', async ({ page }) => {
	const chapter = chapters[2]!;
	await page.goto(`/chapters/${chapter.slug}/`);
	await mapIdle(page, chapter.slug);
	await page.getByRole('button', { name: /^Explore/ }).click();
	await expect(page.getByRole('region', { name: 'Exploring the map' })).toBeVisible();
	await mapIdle(page);
	await settle(page);
	const canvas = page.locator('.map-canvas canvas');
	const before = await screenshotPixels(canvas);
	const layers = page.getByRole('button', { name: /^Layers/ });
	if ((await layers.getAttribute('aria-expanded')) === 'false') await layers.click();
	const toggle = page.locator('#legend-panel button[data-layer="enforcement"]');
	await toggle.click();
	await expect(toggle).toHaveAttribute('aria-pressed', chapter.layers.includes('enforcement') ? 'false' : 'true');
	await mapIdle(page);
	// The legend panel covers part of the canvas: compare only the part it leaves free.
	expect(changedFraction(before, await screenshotPixels(canvas))).toBeGreaterThan(0.01);
});

test('resizing across the breakpoint frames the chapter as a fresh load at that size does', async ({ page, browser }) => {
	const chapter = chapters.find((c) => c.highlight.some((id) => boxes.has(id)) && c.highlight.length === 1)!;
	const [w, s, e, n] = boxes.get(chapter.highlight[0]!)!;
	const inside = (extent: number[]) => w >= extent[0]! && e <= extent[2]! && s >= extent[1]! && n <= extent[3]!;

	const phone = { width: 390, height: 844 };
	const fresh = await browser.newPage({ viewport: phone });
	await fresh.goto(`/chapters/${chapter.slug}/`);
	await mapIdle(fresh, chapter.slug);
	const expected = await mapExtent(fresh);
	await fresh.close();
	expect(inside(expected), `${chapter.highlight[0]} inside ${expected}`).toBe(true);

	await page.goto(`/chapters/${chapter.slug}/`);
	await mapIdle(page, chapter.slug);
	const wide = await mapExtent(page);
	await page.setViewportSize(phone);
	await expect.poll(() => mapExtent(page)).not.toEqual(wide);
	await mapIdle(page, chapter.slug);
	const resized = await mapExtent(page);
	expect(inside(resized), `${chapter.highlight[0]} inside ${resized}`).toBe(true);
	const span = expected[2] - expected[0];
	for (let i = 0; i < 4; i++) expect(Math.abs(resized[i]! - expected[i]!), `extent[${i}]`).toBeLessThan(span * 0.03);
});

test('before the live map, the panel shows the chapter’s picture; the live map takes its place without a shift', async ({ page }) => {
	// Hold the map's data back, as a slow network would: the live map cannot draw without it.
	let release = () => {};
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(/maplibre-gl-worker|\.geojson$/, async (route) => {
		await held;
		await route.continue();
	});
	await page.addInitScript(() => {
		(window as unknown as { __cls: number }).__cls = 0;
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[])
				if (!entry.hadRecentInput) (window as unknown as { __cls: number }).__cls += entry.value;
		}).observe({ type: 'layout-shift', buffered: true });
	});
	const chapter = chapters[3]!;
	await page.goto(`/chapters/${chapter.slug}/`);
	const picture = page.locator('.map-picture img');
	await expect(picture).toBeVisible();
	await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
	await expect(page.locator('.map-canvas')).not.toHaveAttribute('data-map-status', 'ready');
	// Once the page has hydrated (and opened its chapter), not while it jumps there.
	await hydrated(page);
	const panel = page.locator('.map-panel');
	expect(distinctColours(await screenshotPixels(panel))).toBeGreaterThan(8);
	expect(await picture.evaluate((img: HTMLImageElement) => img.currentSrc)).toContain(`/${chapter.slug}.webp`);

	// Scrolling changes the picture while the live map is still on its way.
	const next = chapters[4]!;
	await scrollToChapter(page, next.slug);
	await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.currentSrc)).toContain(`/${next.slug}.webp`);
	await expect.poll(() => picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
	const pictured = await screenshotPixels(panel);

	release();
	await mapIdle(page, next.slug);
	await expect(picture).toBeHidden();
	// The live map shows what the picture showed: most of the panel is unchanged.
	expect(changedFraction(pictured, await screenshotPixels(panel))).toBeLessThan(0.25);
	expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBeLessThanOrEqual(0.01);
});

test('the year control shows what was in force that year, in the map and the address, and survives a reload', async ({ page }) => {
	// The last chapter shows every theme. Pictures are taken with the legend closed: it lies over the map.
	const chapter = chapters.at(-1)!;
	await page.goto(`/chapters/${chapter.slug}/`);
	await mapIdle(page, chapter.slug);
	await settle(page);
	const canvas = page.locator('.map-canvas canvas');
	const all = await screenshotPixels(canvas);
	const layers = page.getByRole('button', { name: /^Layers/ });
	const legend = async (open: boolean) => {
		if ((await layers.getAttribute('aria-expanded')) !== String(open)) await layers.click();
		await mapIdle(page, chapter.slug);
		await settle(page);
	};

	await legend(true);
	const slider = page.getByRole('slider', { name: 'Year' });
	await slider.focus();
	await slider.fill('2015');
	await expect(page).toHaveURL(/[?&]year=2015(&|$)/);
	await expect(page.locator('.year-control__counts')).toContainText('In force in 2015');
	await expect(page.locator('.year-control__counts')).toContainText(/do not give/);
	await legend(false);
	const in2015 = await screenshotPixels(canvas);
	expect(changedFraction(all, in2015)).toBeGreaterThan(0.005);

	await page.reload();
	await mapIdle(page, chapter.slug);
	await settle(page);
	expect(changedFraction(in2015, await screenshotPixels(canvas))).toBeLessThan(0.02);
	await legend(true);
	await expect(page.getByRole('slider', { name: 'Year' })).toHaveValue('2015');
	await page.getByRole('button', { name: 'All years' }).click();
	await expect(page).not.toHaveURL(/year=/);
});

test('scripts come after the first screen: the page’s own once the text has painted, the map’s once the picture is on screen', async ({ page }) => {
	const chapter = chapters[2]!;
	await page.addInitScript((id) => {
		const w = window as unknown as { __picture: number | null };
		w.__picture = null;
		new PerformanceObserver((list) => {
			for (const e of list.getEntries() as (PerformanceEntry & { identifier: string; renderTime: number })[])
				if (e.identifier === id && w.__picture === null) w.__picture = e.renderTime;
		}).observe({ type: 'element', buffered: true });
	}, MAP_PICTURE_TIMING);
	await page.goto(`/chapters/${chapter.slug}/`);
	await mapIdle(page, chapter.slug);
	const times = await page.evaluate(() => ({
		fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
		picture: (window as unknown as { __picture: number | null }).__picture,
		// MapLibre is the one script of the page past half a megabyte.
		engine: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => r.initiatorType === 'script' && r.decodedBodySize > 500_000).map((r) => r.startTime),
		own: (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).filter((r) => /\/_app\/immutable\/.*\.js$/.test(r.name)).map((r) => r.startTime)
	}));
	expect(times.fcp).not.toBeNull();
	expect(times.own.length).toBeGreaterThan(2);
	expect(Math.min(...times.own)).toBeGreaterThanOrEqual(times.fcp!);
	expect(times.picture).not.toBeNull();
	expect(times.engine).toHaveLength(1);
	expect(times.engine[0]!).toBeGreaterThanOrEqual(times.fcp!);
	expect(times.engine[0]!).toBeGreaterThanOrEqual(times.picture!);
});

test('hydration keeps the page the server sent: the same text and picture nodes, no hydration warning', async ({ page }) => {
	const warnings: string[] = [];
	page.on('console', (m) => {
		if (/hydrat/i.test(m.text())) warnings.push(m.text());
	});
	await page.addInitScript(() => {
		document.addEventListener('DOMContentLoaded', () => {
			const w = window as unknown as { __sent: Element[] };
			w.__sent = [document.querySelector('.prose p'), document.querySelector('.map-picture img'), document.querySelector('.app > *')].filter((e): e is Element => !!e);
		});
	});
	for (const path of ['/', `/chapters/${chapters[5]!.slug}/`]) {
		await page.goto(path);
		await expect(page.locator('.map-canvas')).toHaveAttribute('data-map-status', /ready|loading/);
		const kept = await page.evaluate(() => {
			const sent = (window as unknown as { __sent: Element[] }).__sent;
			return { sent: sent.length, connected: sent.filter((e) => e.isConnected).length, paragraphs: document.querySelectorAll('.prose p').length };
		});
		expect(kept.sent, path).toBe(3);
		expect(kept.connected, path).toBe(3);
		expect(kept.paragraphs, path).toBeGreaterThan(chapters.length);
	}
	expect(warnings).toEqual([]);
});

test('a map picture that fails to load does not hold the live map back', async ({ page }) => {
	await page.route(/\/maps\/(wide|phone)\/[^/]+\.webp$/, (route) => route.abort());
	const chapter = chapters[1]!;
	await page.goto(`/chapters/${chapter.slug}/`);
	await mapIdle(page, chapter.slug);
	await expect(page.locator('.map-canvas')).toHaveAttribute('data-map-status', 'ready');
});
