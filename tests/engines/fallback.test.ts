/**
 * The engine with WebGL turned off (Firefox's webgl.disabled, WebKitGTK's enable-webgl): the map
 * cannot be drawn, so each chapter shows its still picture, drawn at build, and the story says so.
 */
import { afterAll, describe, expect, inject, test } from 'vitest';
import { chapterFiles } from '../chapters';
import { changedFraction, distinctColours } from '../pixels';
import { openEngine } from './engine';
import { chapterInView, layerToggle, markByRole, scrollToChapter, webgl2 } from './in-page';
import { expectNoErrors, hydrated, pictureShown, report, steadyMapPixels, until } from './story';

const origin = inject('origin');
const chapters = chapterFiles();
const page = await openEngine({ webgl: false });
afterAll(() => page.close());
await page.resize(1280, 800);

describe(`${page.name} with WebGL turned off`, () => {
	test('the engine really has no WebGL2', async () => {
		expect((await page.evaluate(webgl2)).webgl2).toBe(false);
	});

	test('the map reports that it cannot be drawn; the still picture shows each chapter while scrolling', async () => {
		await page.goto(`${origin}/`);
		await hydrated(page);
		// Firefox with WebGL off still defines WebGL2RenderingContext: the map library loads, then
		// finds it cannot make a context.
		const status = await until('the map reports that it cannot draw', async () => {
			const { status } = await report(page);
			return status === 'loading' ? null : status;
		});
		expect(status).toBe('unsupported');
		expect(await page.evaluate(markByRole, 'button', '^(Explore|Layers)'), 'no control of a map that is not there').toBe(false);
		expect((await page.evaluate(layerToggle, 'refuge')).exists).toBe(false);
		let previous = null;
		for (const c of [chapters[0]!, chapters[4]!, chapters.at(-1)!]) {
			await page.evaluate(scrollToChapter, c.slug);
			await pictureShown(page, c.slug);
			const png = await steadyMapPixels(page);
			expect(distinctColours(png), `${c.slug}: a picture, not a blank panel`).toBeGreaterThan(20);
			if (previous) expect(changedFraction(previous, png), `${c.slug}: its own picture`).toBeGreaterThan(0.005);
			previous = png;
		}
		await expectNoErrors(page);
	});

	test('a chapter link opens that chapter with its picture', async () => {
		const c = chapters[6]!;
		await page.goto(`${origin}/chapters/${c.slug}/?layers=refuge`);
		await hydrated(page);
		await pictureShown(page, c.slug);
		await until('the chapter’s heading on screen', () => page.evaluate(chapterInView, c.slug), 5_000);
		await expectNoErrors(page);
	});
});
