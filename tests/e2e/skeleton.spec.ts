import { expect, test } from '@playwright/test';
import { changedFraction, chapterFiles, distinctColours, mapIdle, screenshotPixels, scrollToChapter } from './helpers';

const chapters = chapterFiles();

/** A sentence-sized run of plain words from a chapter's own prose, to find in the page. */
function proseSample(body: string): string {
	const line = body.split('\n').find((l) => /^[A-Z][^{}[\]]{40,}/.test(l.trim()))!;
	return line.trim().split(/[[{]/)[0]!.split(' ').slice(0, 8).join(' ');
}

test('the served HTML holds the text of every chapter, before any script runs', async ({ request }) => {
	for (const path of ['/', `/chapters/${chapters.at(-1)!.slug}/`]) {
		const response = await request.get(path);
		expect(response.status()).toBe(200);
		const entities: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
		// A place's first mention in the prose is a link to its page: its words are the text.
		const html = (await response.text())
			.replace(/<a class="place-link" href="[^"]*">([^<]*)<\/a>/g, '$1')
			.replace(/&(amp|lt|gt|quot|#39);/g, (e) => entities[e]!)
			.replace(/\s+/g, ' ');
		for (const c of chapters) {
			expect(html, `${path} has the title of ${c.slug}`).toContain(`id="${c.slug}"`);
			expect(html).toContain(c.title);
			expect(html, `${path} has the prose of ${c.slug}`).toContain(proseSample(c.body));
		}
	}
});

test('the map draws: the canvas holds a real picture, not a blank', async ({ page }) => {
	await page.goto('/');
	await mapIdle(page);
	const canvas = page.locator('.map-canvas canvas');
	await expect(canvas).toBeVisible();
	const png = await screenshotPixels(canvas);
	expect(png.width).toBeGreaterThan(300);
	expect(distinctColours(png)).toBeGreaterThan(8);
});

test('scrolling to the second chapter changes what the map shows', async ({ page }) => {
	await page.goto('/');
	await scrollToChapter(page, chapters[0]!.slug);
	await mapIdle(page, chapters[0]!.slug);
	const canvas = page.locator('.map-canvas canvas');
	const before = await screenshotPixels(canvas);
	await scrollToChapter(page, chapters[1]!.slug);
	await mapIdle(page, chapters[1]!.slug);
	const after = await screenshotPixels(canvas);
	expect(changedFraction(before, after)).toBeGreaterThan(0.2);
});

test('a deep link opens with its chapter in view', async ({ page }) => {
	const target = chapters.at(-1)!;
	await page.goto(`/chapters/${target.slug}/`);
	await expect(page.getByRole('heading', { name: target.title, level: 2 })).toBeInViewport();
	await expect(page).toHaveTitle(new RegExp(target.title));
});

test('no request leaves the site, while loading and scrolling the whole story', async ({ page, baseURL }) => {
	const origin = new URL(baseURL!).origin;
	const elsewhere: string[] = [];
	page.on('request', (request) => {
		const url = request.url();
		if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) elsewhere.push(url);
	});
	await page.goto('/');
	await mapIdle(page);
	for (const c of chapters) {
		await scrollToChapter(page, c.slug);
		await mapIdle(page, c.slug);
	}
	expect(elsewhere).toEqual([]);
});
