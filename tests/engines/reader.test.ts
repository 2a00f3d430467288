/**
 * The story for readers of another engine on a phone and by keyboard: at 390 px wide no page
 * scrolls sideways, in any chapter or in explore mode; and Tab reaches every control of the story.
 */
import { afterAll, describe, expect, inject, test } from 'vitest';
import { chapterFiles } from '../chapters';
import { openEngine } from './engine';
import { noteFocus, scrollToChapter, sidewaysScroll, trackFocus, unreachedControls } from './in-page';
import { expectNoErrors, hydrated, mapDrawn, openStoryEngine, settled } from './story';

const origin = inject('origin');
const chapters = chapterFiles();
const { page, live, title } = await openStoryEngine(openEngine);
afterAll(() => page.close());

const explored = chapters.find((c) => c.highlight.includes('remain-in-mexico'))!;
/** Every kind of page, each with content that could be too wide: long names, tables, quotes, maps. */
const PAGES = ['/places/', '/places/tijuana/', '/programs/', '/programs/remain-in-mexico/', '/timeline/', '/search/?q=merida', '/sources/', '/404.html'];

describe(title, () => {
	test('at 390 px wide (or the engine’s narrowest window) no page scrolls sideways', async () => {
		const { width } = await page.resize(390, 844);
		if (width !== 390) console.log(`${page.name}: the narrowest window it allows is ${width} px wide; the check below runs at ${width} px`);
		expect(width, 'still a phone’s width').toBeLessThan(480);
		try {
			await page.goto(`${origin}/`);
			await hydrated(page);
			for (const c of chapters) {
				await page.evaluate(scrollToChapter, c.slug);
				expect(await page.evaluate(sidewaysScroll), `/ at ${c.slug}`).toBe(0);
			}
			// Explore mode, where the engine can draw the map it explores.
			await page.goto(`${origin}/chapters/${explored.slug}/?select=remain-in-mexico`);
			await hydrated(page);
			if (live) await mapDrawn(page);
			expect(await page.evaluate(sidewaysScroll), `${explored.slug} ${live ? 'exploring' : '(no WebGL2: no explore mode)'}`).toBe(0);
			for (const path of PAGES) {
				await page.goto(`${origin}${path}`);
				await settled(page);
				expect(await page.evaluate(sidewaysScroll), path).toBe(0);
			}
			await expectNoErrors(page);
		} finally {
			await page.resize(1280, 800);
		}
	});

	test('Tab reaches every control of the story', async () => {
		await page.goto(`${origin}/`);
		await hydrated(page);
		if (live) await mapDrawn(page);
		await page.evaluate(trackFocus);
		let left = await page.evaluate(unreachedControls);
		// Each control once, and a margin for the stops between (the browser's own, the page's edges).
		for (let presses = 1; left.missing.length && presses < left.controls * 1.5 + 20; presses++) {
			await page.press('Tab');
			await page.evaluate(noteFocus);
			if (presses % 25 === 0) left = await page.evaluate(unreachedControls);
		}
		left = await page.evaluate(unreachedControls);
		console.log(`${page.name}: Tab reached ${left.reached} of ${left.controls} controls on /`);
		expect(left.missing).toEqual([]);
		await expectNoErrors(page);
	});
});
