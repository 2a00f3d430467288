import { expect, test } from '@playwright/test';
import { PNG } from 'pngjs';
import { changedFraction, chapterFiles, distinctColours, mapIdle, mapPixels, screenshotPixels, scrollToChapter } from './helpers';

const chapters = chapterFiles();

test('scrolling the whole story: the address follows each chapter, history does not grow', async ({ page }) => {
	await page.goto('/');
	const start = await page.evaluate(() => history.length);
	for (const c of chapters) {
		await scrollToChapter(page, c.slug);
		await expect(page).toHaveURL(new RegExp(`/chapters/${c.slug}/$`));
		await expect(page.locator(`nav.toc a[href="/chapters/${c.slug}/"]`)).toHaveAttribute('aria-current', 'location');
	}
	await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
	await expect(page).toHaveURL(/\/$/);
	expect(await page.evaluate(() => history.length)).toBe(start);
});

test('every deep link opens at its chapter, with its own title, description, canonical URL and share image', async ({ page, request }) => {
	for (const c of chapters) {
		await page.goto(`/chapters/${c.slug}/`);
		await expect(page.getByRole('heading', { level: 2, name: c.title })).toBeInViewport();
		await expect(page).toHaveTitle(`${c.title} · Frontera`);
		const head = page.locator('head');
		await expect(head.locator('meta[name="description"]')).toHaveAttribute('content', /.{40,}/);
		// A build for a host names the chapter's address; a preview build (tests/build/site-address.test.ts) names none and says noindex.
		const canonical = head.locator('link[rel="canonical"]');
		if (await canonical.count()) await expect(canonical).toHaveAttribute('href', new RegExp(`^https?://[^/]+/chapters/${c.slug}/$`));
		else await expect(head.locator('meta[name="robots"]')).toHaveAttribute('content', 'noindex');
		await expect(head.locator('meta[property="og:title"]')).toHaveAttribute('content', new RegExp(c.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
		await expect(head.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
		const image = await head.locator('meta[property="og:image"]').getAttribute('content');
		const response = await request.get(new URL(image!, page.url()).pathname);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('image/png');
		const png = PNG.sync.read(await response.body());
		expect([png.width, png.height]).toEqual([1200, 630]);
		expect(distinctColours(png)).toBeGreaterThan(5);
	}
});

test('a deep link opens with the map already in its chapter’s view', async ({ page }) => {
	const target = chapters.at(-2)!;
	await page.goto(`/chapters/${target.slug}/`);
	await mapIdle(page, target.slug);
	const direct = await screenshotPixels(page.locator('.map-canvas canvas'));
	// The same chapter reached by scrolling from the top looks the same.
	await page.goto('/');
	await scrollToChapter(page, target.slug);
	await mapIdle(page, target.slug);
	const scrolled = await screenshotPixels(page.locator('.map-canvas canvas'));
	expect(changedFraction(direct, scrolled)).toBeLessThan(0.02);
});

test('a layer toggle changes the map and the address; reload keeps it; the story’s layers come back', async ({ page }) => {
	const chapter = chapters[0]!;
	await page.goto(`/chapters/${chapter.slug}/`);
	await mapIdle(page, chapter.slug);
	const legend = page.locator('#legend-panel');
	if (!(await legend.isVisible())) await page.getByRole('button', { name: /^Layers/ }).click();
	// Opening the legend reframes the map beside it (an animated camera move): wait for it.
	await mapIdle(page, chapter.slug);
	const toggles = legend.locator('button[aria-pressed]');
	const count = await toggles.count();
	expect(count).toBeGreaterThanOrEqual(3);

	// The toggle whose layer changes the most pixels: switch it the other way.
	const before = await mapPixels(page);
	let best = { index: -1, change: 0, layer: '', pressed: '' };
	for (let i = 0; i < count; i++) {
		const t = toggles.nth(i);
		const pressed = (await t.getAttribute('aria-pressed'))!;
		await t.click();
		await expect(t).toHaveAttribute('aria-pressed', pressed === 'true' ? 'false' : 'true');
		await mapIdle(page);
		const change = changedFraction(before, await mapPixels(page));
		if (change > best.change) best = { index: i, change, layer: (await t.getAttribute('data-layer'))!, pressed };
		await t.click();
		await mapIdle(page);
	}
	expect(best.change).toBeGreaterThan(0.01);

	const chosen = toggles.nth(best.index);
	await chosen.click();
	// The key says what changed, and grows: the map re-frames clear of it once it has.
	await page.waitForTimeout(1000);
	await mapIdle(page);
	const toggled = await mapPixels(page);
	const expected = best.pressed === 'true' ? `-${best.layer}` : best.layer;
	await expect(page).toHaveURL(new RegExp(`[?&]layers=${expected}(&|$)`));

	await page.reload();
	await mapIdle(page, chapter.slug);
	if (!(await legend.isVisible())) await page.getByRole('button', { name: /^Layers/ }).click();
	// Opening the legend reframes the map beside it (an animated camera move): wait for it.
	await mapIdle(page, chapter.slug);
	await expect(legend.locator(`button[data-layer="${best.layer}"]`)).toHaveAttribute('aria-pressed', best.pressed === 'true' ? 'false' : 'true');
	expect(changedFraction(toggled, await mapPixels(page))).toBeLessThan(0.02);

	await page.getByRole('button', { name: 'Back to the story’s layers' }).click();
	await expect(page).not.toHaveURL(/layers=/);
	await expect(legend.locator(`button[data-layer="${best.layer}"]`)).toHaveAttribute('aria-pressed', best.pressed);
	await page.waitForTimeout(1000);
	await mapIdle(page);
	expect(changedFraction(before, await mapPixels(page))).toBeLessThan(0.02);
});

