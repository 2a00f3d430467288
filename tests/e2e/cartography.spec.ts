/**
 * The map speaks for itself: at every chapter's camera, wide and on a phone, it writes the name of
 * every place and region the chapter highlights or its text names (where they lie in its frame),
 * no name over another, off the canvas or under a panel, and no panel over the framed area. The
 * names are read from the map's contract (data-map-labels: what MapLibre actually placed); their
 * boxes are measured from the typeface as the map lays them out (src/lib/labels/layout.ts), and
 * checked against the pixels the map drew.
 */
import { readFileSync } from 'node:fs';
import { bboxPolygon, booleanIntersects } from '@turf/turf';
import type { Feature, FeatureCollection } from 'geojson';
import { expect, test, type Page } from '@playwright/test';
import { MAP_ATTRIBUTES as A, MAP_CONTAINER } from '../../src/lib/map/contract.js';
import { labelBox, labelFeatures, meets, type Box, type Side } from '../../src/lib/labels/layout';
import { LABEL_CLASSES, labelClass } from '../../src/lib/labels/style';
import { measure } from '../../src/lib/labels/metrics.server';
import { chapterFiles, mapIdle, screenshotPixels } from './helpers';

const GEO = new URL('../../geo/', import.meta.url);
const json = <T>(file: string) => JSON.parse(readFileSync(new URL(file, GEO), 'utf8')) as T;
const labels = labelFeatures(json<{ features: { properties: Record<string, unknown>; geometry: unknown }[] }>('labels.geojson'));
const byId = new Map(labels.map((l) => [l.id, l]));
const gazetteer = json<{ id: string; kind: string; within: string; coordinates: [number, number] }[]>('gazetteer.json');
const places = new Map(gazetteer.map((p) => [p.id, p]));
const regions = new Map([...json<FeatureCollection>('states.geojson').features, ...json<FeatureCollection>('countries.geojson').features].map((f) => [String(f.properties!.id), f]));
const layerList = (JSON.parse(readFileSync(new URL('../../src/lib/layers/layers.json', import.meta.url), 'utf8')) as { layers: { id: string; title: string; short: string }[] }).layers;
const refOf = (id: string) => {
	const p = places.get(id);
	return p ? (p.kind === 'state' || p.kind === 'country' ? p.within : p.id) : null;
};
const chapters = chapterFiles();

interface Written {
	id: string;
	highlighted: boolean;
	side: Side;
	x: number;
	y: number;
	box: Box;
}

/** The names the map wrote, from its contract, with their boxes as the map lays them out. */
async function written(page: Page): Promise<Written[]> {
	const attr = (await page.locator(MAP_CONTAINER).getAttribute(A.labels)) ?? '';
	return attr
		.split(' ')
		.filter(Boolean)
		.map((entry) => {
			const m = entry.match(/^(!?)([^@]+)@([\d.-]+),([\d.-]+)\/(\w+)$/);
			if (!m) throw new Error(`unreadable label entry "${entry}"`);
			const [, strong, id, x, y, side] = m;
			const feature = byId.get(id!)!;
			const highlighted = strong === '!';
			const width = measure(feature.names.en!, labelClass(feature.kind, highlighted));
			return { id: id!, highlighted, side: side as Side, x: Number(x), y: Number(y), box: labelBox(feature.kind, side as Side, Number(x), Number(y), width, highlighted) };
		});
}

/** The boxes of the panels over the canvas, in its pixels. */
async function panels(page: Page): Promise<{ name: string; box: Box }[]> {
	return page.evaluate((container) => {
		const origin = document.querySelector(container)!.getBoundingClientRect();
		return [...document.querySelectorAll<HTMLElement>('[data-covers-map]')].flatMap((el) => {
			const r = el.getBoundingClientRect();
			return r.width && r.height ? [{ name: el.className || el.tagName, box: [r.left - origin.left, r.top - origin.top, r.right - origin.left, r.bottom - origin.top] as [number, number, number, number] }] : [];
		});
	}, MAP_CONTAINER);
}

/** The chapter's framed area in [west, south, east, north], from where the map says it lies on screen and what it shows. */
async function framedBounds(page: Page): Promise<[number, number, number, number]> {
	const [l, t, r, b] = (await page.locator(MAP_CONTAINER).getAttribute(A.frame))!.split(',').map(Number) as Box;
	const [w, s, e, n] = (await page.locator(MAP_CONTAINER).getAttribute(A.extent))!.split(',').map(Number) as Box;
	const size = await page.locator(MAP_CONTAINER).evaluate((el) => [el.clientWidth, el.clientHeight]);
	const y = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
	const lat = (v: number) => (Math.atan(Math.sinh(v)) * 180) / Math.PI;
	const lon = (px: number) => w + ((e - w) * px) / size[0]!;
	const latAt = (py: number) => lat(y(n) - ((y(n) - y(s)) * py) / size[1]!);
	return [lon(l), latAt(b), lon(r), latAt(t)];
}

/** The refs of what a chapter highlights, and of the places its prose names that lie in its frame. */
async function required(page: Page, slug: string, highlight: string[]): Promise<string[]> {
	const frame = bboxPolygon(await framedBounds(page));
	const named = await page.locator(`#${slug} .prose a.place-link`).evaluateAll((links) => links.map((a) => a.getAttribute('href')!.split('/')[2]!));
	const inFrame = (id: string) => {
		const p = places.get(id)!;
		const region = p.kind === 'state' || p.kind === 'country' ? regions.get(p.within) : undefined;
		return booleanIntersects(frame, (region as Feature) ?? { type: 'Point', coordinates: p.coordinates });
	};
	const refs = [...highlight.filter((id) => places.has(id)), ...named.filter(inFrame)].map(refOf);
	return [...new Set(refs.filter((r): r is string => r !== null))];
}

for (const [layout, viewport] of [
	['wide', { width: 1280, height: 800 }],
	['phone', { width: 390, height: 844 }]
] as const) {
	test.describe(`at every chapter’s camera (${layout})`, () => {
		test.use({ viewport });

		test('the map names what the chapter highlights or names; names overlap nothing; no panel covers the framed area; the key lists the layers on', async ({ page }) => {
			// Fourteen fresh loads with software WebGL: on a busy machine one can take most of a minute.
			test.setTimeout(600_000);
			const problems: string[] = [];
			for (const chapter of chapters) {
				await page.goto(`/chapters/${chapter.slug}/`);
				await mapIdle(page, chapter.slug, 60_000);
				const names = await written(page);
				const refs = new Set(names.map((n) => byId.get(n.id)!.ref));
				for (const ref of await required(page, chapter.slug, chapter.highlight)) if (!refs.has(ref)) problems.push(`${chapter.slug}: no name for ${ref}`);

				const over = await panels(page);
				const size = await page.locator(MAP_CONTAINER).evaluate((el) => [el.clientWidth, el.clientHeight]);
				for (const [i, a] of names.entries()) {
					if (a.box[0] < 0 || a.box[1] < 0 || a.box[2] > size[0]! || a.box[3] > size[1]!) problems.push(`${chapter.slug}: ${a.id} runs off the canvas`);
					for (const b of names.slice(i + 1)) if (meets(a.box, b.box)) problems.push(`${chapter.slug}: ${a.id} overlaps ${b.id}`);
					for (const p of over) if (meets(a.box, p.box)) problems.push(`${chapter.slug}: ${a.id} is under ${p.name}`);
				}
				const frame = (await page.locator(MAP_CONTAINER).getAttribute(A.frame))!.split(',').map(Number) as Box;
				for (const p of over) if (meets(frame, p.box)) problems.push(`${chapter.slug}: ${p.name} covers the framed area`);

				const key = page.locator('.map-key-box');
				await expect(key).toBeVisible();
				const listed = await key.locator(layout === 'wide' ? '.map-key__long' : '.map-key__short').allInnerTexts();
				const expected = layerList.filter((l) => chapter.layers.includes(l.id)).map((l) => (layout === 'wide' ? l.title : l.short));
				if (listed.join('|') !== expected.join('|')) problems.push(`${chapter.slug}: the key lists ${listed.join(', ')}, not ${expected.join(', ')}`);
			}
			expect(problems).toEqual([]);
		});
	});
}

test('the boxes the names are checked by hold the letters the map drew', async ({ page }) => {
	// The names' colours are used by nothing else on the map but the place dots (src/lib/labels/style.ts),
	// so pixels of those colours are the names' ink: every box must hold some, and nearly all of it
	// must lie within a box. The panels over the map (the key, the controls) have their own text and
	// are left out.
	const chapter = chapters.find((c) => c.slug === 'frontera-sur') ?? chapters[3]!;
	await page.goto(`/chapters/${chapter.slug}/`);
	await mapIdle(page, chapter.slug);
	const names = await written(page);
	expect(names.length).toBeGreaterThan(4);
	const canvas = page.locator(`${MAP_CONTAINER} canvas`);
	const covered = (await panels(page)).map((p) => p.box);
	const drawn = await screenshotPixels(canvas);
	const inks = Object.values(LABEL_CLASSES).map(({ color }) => [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16)));
	const scale = drawn.width / (await canvas.evaluate((c) => c.clientWidth));
	// Small letters are drawn lighter than their colour at their cores: near (within 100) counts as the
	// names' ink inside a box; only close (within 25) counts in the share outside them, since the
	// smoothed edges of the layers' lines over their fills come within 40 of the highlight and sea inks.
	const distance = (i: number) => Math.min(...inks.map(([r, g, b]) => Math.abs(drawn.data[i]! - r!) + Math.abs(drawn.data[i + 1]! - g!) + Math.abs(drawn.data[i + 2]! - b!)));
	let inside = 0;
	let outside = 0;
	const perBox = names.map(() => 0);
	for (let py = 0; py < drawn.height; py++)
		for (let px = 0; px < drawn.width; px++) {
			const d = distance((py * drawn.width + px) * 4);
			if (d >= 100) continue;
			const [x, y] = [px / scale, py / scale];
			if (covered.some(([l, t, r, b]) => x >= l && x <= r && y >= t && y <= b)) continue;
			const k = names.findIndex((n) => x >= n.box[0] - 1 && x <= n.box[2] + 1 && y >= n.box[1] - 1 && y <= n.box[3] + 1);
			if (k !== -1) {
				perBox[k]!++;
				if (d < 25) inside++;
			} else if (d < 25) outside++;
		}
	for (const [k, n] of names.entries()) expect(perBox[k], `ink in the box of ${n.id}`).toBeGreaterThan(2);
	// The place dots share the darkest ink; everything else of it is in the boxes.
	expect(outside / (inside + outside)).toBeLessThan(0.2);
});
