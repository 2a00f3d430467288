/**
 * The story in another engine: it loads without an error, the map follows the chapters while
 * the reader scrolls, a layer toggle changes the map's pixels, a ?layers= link opens its chapter
 * with those layers, and explore mode opens and returns. Where the engine has no WebGL2 the
 * live map cannot exist: each check says so in its name and checks the still pictures instead.
 */
import { afterAll, describe, expect, inject, test } from 'vitest';
import { MAP_CONTAINER } from '../../src/lib/map/contract.js';
import { chapterFiles, type ChapterFile } from '../chapters';
import { changedFraction, distinctColours } from '../pixels';
import { openEngine } from './engine';
import { chapterInView, layerToggle, markByRole, offsiteResources, rectOf, scrollToChapter } from './in-page';
import { expectNoErrors, hydrated, mapDrawn, mapPixels, openStoryEngine, pictureShown, steadyMapPixels, until } from './story';

const origin = inject('origin');
const chapters = chapterFiles();
const { page, live, title } = await openStoryEngine(openEngine);
afterAll(() => page.close());

/** What a chapter's map shows, as its frontmatter sets it: chapters alike here draw alike. */
const mapOf = (c: ChapterFile) => JSON.stringify([[...c.layers].sort(), c.highlight, c.places, /^bounds:.*$/m.exec(c.yaml)?.[0]]);
const THEMES = ['refuge', 'surveillance', 'enforcement'];
/** A chapter with a theme it does not show, to switch on. */
const chapter = chapters.find((c, i) => i > 0 && THEMES.some((t) => !c.layers.includes(t)))!;
const layer = THEMES.find((t) => !chapter.layers.includes(t))!;

/** The map of the chapter in view: the live map drawn, or its picture. */
const shows = (slug: string) => (live ? mapDrawn(page, slug) : pictureShown(page, slug));

describe(title, () => {
	test('the story loads with no console error and asks nothing of another host', async () => {
		await page.goto(`${origin}/`);
		await hydrated(page);
		await shows(chapters[0]!.slug);
		expect(await page.evaluate(offsiteResources)).toEqual([]);
		await expectNoErrors(page);
	});

	test(`the ${live ? 'live map' : 'still picture'} shows each chapter while scrolling`, async () => {
		await page.goto(`${origin}/`);
		await hydrated(page);
		let previous: { png: Awaited<ReturnType<typeof mapPixels>>; chapter: ChapterFile } | null = null;
		for (const c of chapters) {
			await page.evaluate(scrollToChapter, c.slug);
			await shows(c.slug);
			const png = await steadyMapPixels(page);
			expect(distinctColours(png), `${c.slug}: a map, not a blank panel`).toBeGreaterThan(20);
			if (previous && mapOf(previous.chapter) !== mapOf(c)) expect(changedFraction(previous.png, png), `${previous.chapter.slug} → ${c.slug}: the map changes`).toBeGreaterThan(0.005);
			previous = { png, chapter: c };
		}
		await expectNoErrors(page);
	});

	test(live ? `a layer toggle (${layer}) changes the map` : 'no WebGL2: no layer toggle is offered, the picture stays', async () => {
		await page.goto(`${origin}/chapters/${chapter.slug}/`);
		await hydrated(page);
		await shows(chapter.slug);
		const toggle = await page.evaluate(layerToggle, layer);
		if (!live) {
			expect(toggle.exists, 'a toggle that could not change anything').toBe(false);
			return;
		}
		expect(toggle.exists, `a button with data-layer="${layer}" and aria-pressed`).toBe(true);
		if (!toggle.visible) {
			expect(toggle.opener, 'a visible disclosure button that shows the toggle').toBe(true);
			await page.click('[data-engine-target]');
			await until('the layer toggle shows', async () => (await page.evaluate(layerToggle, layer)).visible);
		}
		await mapDrawn(page, chapter.slug);
		const before = await steadyMapPixels(page);
		await page.click(`[data-layer="${layer}"][aria-pressed]`);
		await until('the toggle reports its new state', async () => (await page.evaluate(layerToggle, layer)).pressed === 'true');
		expect(await page.evaluate(() => location.search)).toContain(`layers=${layer}`);
		await mapDrawn(page);
		expect(changedFraction(before, await steadyMapPixels(page))).toBeGreaterThan(0.002);
		await expectNoErrors(page);
	});

	test(`a ?layers= link opens its chapter${live ? ' with those layers' : ' (no WebGL2: with its picture; layers cannot be drawn)'}`, async () => {
		await page.goto(`${origin}/chapters/${chapter.slug}/`);
		await hydrated(page);
		await shows(chapter.slug);
		const plain = await steadyMapPixels(page);

		await page.goto(`${origin}/chapters/${chapter.slug}/?layers=${layer}`);
		await hydrated(page);
		await shows(chapter.slug);
		await until('the chapter’s heading on screen', () => page.evaluate(chapterInView, chapter.slug), 5_000);
		expect(await page.evaluate(() => location.pathname + location.search)).toBe(`/chapters/${chapter.slug}/?layers=${layer}`);
		if (live) {
			for (const t of THEMES) expect((await page.evaluate(layerToggle, t)).pressed, `${t} toggle`).toBe(String(t === layer || chapter.layers.includes(t)));
			expect(changedFraction(plain, await steadyMapPixels(page)), 'the linked layer drawn').toBeGreaterThan(0.002);
		} else expect(changedFraction(plain, await steadyMapPixels(page)), 'the same picture').toBeLessThan(0.01);
		await expectNoErrors(page);
	});

	test(live ? 'explore mode opens over the whole window and returns to the chapter' : 'no WebGL2: explore mode is not offered', async () => {
		await page.goto(`${origin}/chapters/${chapter.slug}/`);
		await hydrated(page);
		await shows(chapter.slug);
		const offered = await page.evaluate(markByRole, 'button', '^Explore');
		if (!live) {
			expect(offered, 'an Explore button that could not work').toBe(false);
			return;
		}
		expect(offered, 'a button named “Explore…”').toBe(true);
		const story = (await page.evaluate(rectOf, MAP_CONTAINER))!;
		await page.click('[data-engine-target]');
		await until('the region “Exploring the map” shows', () => page.evaluate(markByRole, 'region', '^Exploring the map$'));
		await mapDrawn(page);
		const exploring = (await page.evaluate(rectOf, MAP_CONTAINER))!;
		expect(exploring.width * exploring.height, 'the map takes more of the window').toBeGreaterThan(story.width * story.height * 1.3);

		await until('a button “Return to the story”', () => page.evaluate(markByRole, 'button', '^Return to the story$'));
		await page.click('[data-engine-target]');
		await until('the explore region closes', async () => !(await page.evaluate(markByRole, 'region', '^Exploring the map$')));
		await mapDrawn(page, chapter.slug);
		await until('the chapter’s heading on screen', () => page.evaluate(chapterInView, chapter.slug), 5_000);
		await expectNoErrors(page);
	});
});
