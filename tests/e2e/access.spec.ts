import { chromium, expect, test } from '@playwright/test';
import { chapterFiles, hydrated, mapIdle, scrollToChapter } from './helpers';

const chapters = chapterFiles();

test('keyboard only: skip link, contents, chapter links, layer toggles and explore mode', async ({ page }) => {
	await page.goto('/');
	await hydrated(page);
	await page.keyboard.press('Tab');
	const skip = page.getByRole('link', { name: 'Skip to the story' });
	await expect(skip).toBeFocused();
	await expect(skip).toBeInViewport();

	// Contents → a chapter: it comes into view and its heading takes focus.
	const target = chapters[1]!;
	const tocLink = page.locator(`nav.toc a[href="/chapters/${target.slug}/"]`);
	await tocLink.focus();
	const outline = await tocLink.evaluate((el) => getComputedStyle(el).outlineStyle);
	expect(outline).not.toBe('none');
	await page.keyboard.press('Enter');
	const heading = page.getByRole('heading', { level: 2, name: target.title });
	await expect(heading).toBeFocused();
	await expect(heading).toBeInViewport();
	await expect(page).toHaveURL(new RegExp(`/chapters/${target.slug}/$`));

	// Next chapter from the keyboard.
	const next = chapters[2]!;
	await page.locator(`#${target.slug} a[rel="next"]`).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 2, name: next.title })).toBeFocused();
	await expect(page).toHaveURL(new RegExp(`/chapters/${next.slug}/$`));
	await mapIdle(page, next.slug);

	// Layer toggles are buttons with their state exposed.
	const layersButton = page.getByRole('button', { name: /^Layers/ });
	if ((await layersButton.getAttribute('aria-expanded')) === 'false') {
		await layersButton.focus();
		await page.keyboard.press('Enter');
	}
	const toggle = page.locator('#legend-panel button[aria-pressed]').first();
	const pressed = await toggle.getAttribute('aria-pressed');
	await toggle.focus();
	await page.keyboard.press('Space');
	await expect(toggle).not.toHaveAttribute('aria-pressed', pressed!);
	await page.keyboard.press('Space');
	await expect(toggle).toHaveAttribute('aria-pressed', pressed!);

	// Explore mode: open, choose a feature from the list, read it, return.
	await page.getByRole('button', { name: 'Explore the map' }).focus();
	await page.keyboard.press('Enter');
	const panel = page.getByRole('region', { name: 'Exploring the map' });
	await expect(panel).toBeVisible();
	const firstFeature = panel.locator('.explore__list button').first();
	if (await firstFeature.count()) {
		const name = (await firstFeature.textContent())!.trim();
		await firstFeature.focus();
		await page.keyboard.press('Enter');
		await expect(panel.getByRole('heading', { level: 3, name })).toBeFocused();
		await expect(panel.locator('blockquote').first()).toBeVisible();
		await expect(panel.locator('a[href^="/sources/"]').first()).toBeVisible();
	}
	await panel.getByRole('button', { name: 'Return to the story' }).focus();
	await page.keyboard.press('Enter');
	await expect(panel).toBeHidden();
	await mapIdle(page, next.slug);
});

test('reduced motion: the camera jumps, and the visible switch overrides it both ways', async ({ page }) => {
	await page.emulateMedia({ reducedMotion: 'reduce' });
	await page.goto('/');
	await mapIdle(page);
	await scrollToChapter(page, chapters[1]!.slug);
	await mapIdle(page, chapters[1]!.slug);
	await expect(page.locator('.map-canvas')).toHaveAttribute('data-camera-duration', '0');

	const layersButton = page.getByRole('button', { name: /^Layers/ });
	if ((await layersButton.getAttribute('aria-expanded')) === 'false') await layersButton.click();
	const motion = page.getByRole('checkbox', { name: /reduce motion/i });
	await expect(motion).toBeChecked();
	await motion.uncheck();
	await scrollToChapter(page, chapters[2]!.slug);
	await mapIdle(page, chapters[2]!.slug);
	expect(Number(await page.locator('.map-canvas').getAttribute('data-camera-duration'))).toBeGreaterThan(0);
});

test('the map is described to screen readers and the description follows the chapter', async ({ page }) => {
	await page.goto(`/chapters/${chapters[0]!.slug}/`);
	await mapIdle(page, chapters[0]!.slug);
	const caption = page.locator('#map-caption');
	await expect(caption).toHaveAttribute('aria-live', 'polite');
	const first = await caption.textContent();
	await expect(page.locator('.map-canvas canvas')).toHaveAttribute('aria-label', /^Map: .{20,}/);
	await scrollToChapter(page, chapters[1]!.slug);
	await expect(caption).not.toHaveText(first!);
	await expect(caption).toContainText(chapters[1]!.title);
});

test('without WebGL the chapters show their still maps, with no uncaught error', async ({ baseURL }) => {
	const noGl = await chromium.launch({
		executablePath: process.env.CHROME_PATH,
		args: ['--no-sandbox', '--disable-webgl', '--disable-3d-apis', '--disable-background-networking', '--no-first-run']
	});
	const page = await noGl.newPage();
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto(`${baseURL}/chapters/${chapters[1]!.slug}/`);
	await expect(page.locator('[data-map-status="unsupported"]')).toBeAttached();
	await expect(page.locator('.map-unavailable')).toBeVisible();
	const still = page.locator(`#${chapters[1]!.slug} .static-map img`);
	await still.scrollIntoViewIfNeeded();
	await expect(still).toBeVisible();
	await expect.poll(() => still.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1200);
	expect(errors).toEqual([]);
	await noGl.close();
});

test.describe('with JavaScript disabled', () => {
	test.use({ javaScriptEnabled: false });
	test('every chapter shows its text and its still map, and no control that needs a script', async ({ page }) => {
		await page.goto('/');
		await expect(page.locator('.map button')).toHaveCount(0);
		for (const c of chapters) {
			await expect(page.getByRole('heading', { level: 2, name: c.title })).toBeVisible();
			const img = page.locator(`#${c.slug} .static-map img`);
			await img.scrollIntoViewIfNeeded();
			await expect(img).toBeVisible();
		}
	});
});

test.describe('on a phone', () => {
	test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

	test('no horizontal scrolling, and a swipe over the map scrolls the story', async ({ page }) => {
		for (const path of ['/', `/chapters/${chapters[1]!.slug}/`, '/sources/']) {
			await page.goto(path);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
		}
		await page.goto('/');
		await mapIdle(page);
		const before = await page.evaluate(() => window.scrollY);
		const cdp = await page.context().newCDPSession(page);
		// A finger swipe upward that starts on the map.
		const box = (await page.locator('.map-canvas canvas').boundingBox())!;
		const x = box.x + box.width / 2;
		const y = box.y + box.height * 0.8;
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x, y }] });
		for (let i = 1; i <= 10; i++) await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: [{ x, y: y - i * 25 }] });
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
		await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before + 150);
	});
});
