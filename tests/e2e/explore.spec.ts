/**
 * Explore mode: the map takes the window, a feature is selected from the map or the list (by
 * keyboard too), the selection lives in ?select= so an explored view can be shared, panels never
 * cover one another or the framed area, and "Return to the story" puts the reader back.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { MAP_ATTRIBUTES as A, MAP_CONTAINER } from '../../src/lib/map/contract.js';
import { changedFraction, chapterFiles, mapIdle, screenshotPixels } from './helpers';

const chapters = chapterFiles();
const chapter = chapters.find((c) => c.highlight.includes('remain-in-mexico'))!;
const FEATURE = 'remain-in-mexico';

type Rect = { left: number; top: number; right: number; bottom: number };
const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

async function rect(locator: Locator): Promise<Rect> {
	const box = (await locator.boundingBox())!;
	return { left: box.x, top: box.y, right: box.x + box.width, bottom: box.y + box.height };
}

/** Where the map's framed area lies on the page (the contract gives it in container pixels). */
async function framed(page: Page): Promise<Rect> {
	const container = await rect(page.locator(MAP_CONTAINER));
	const [left, top, right, bottom] = (await page.locator(MAP_CONTAINER).getAttribute(A.frame))!.split(',').map(Number) as [number, number, number, number];
	return { left: container.left + left, top: container.top + top, right: container.left + right, bottom: container.top + bottom };
}

function watchErrors(page: Page): string[] {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
	return errors;
}

test('a ?select= link opens explore mode with the card open and the feature framed, and survives a reload', async ({ page }) => {
	const errors = watchErrors(page);
	await page.goto(`/chapters/${chapter.slug}/?select=${FEATURE}`);
	const panel = page.getByRole('region', { name: 'Exploring the map' });
	await expect(panel).toBeVisible();
	await expect(panel.getByRole('heading', { level: 3 })).toContainText('Remain in Mexico');
	await mapIdle(page);
	await expect(page).toHaveURL(new RegExp(`/chapters/${chapter.slug}/\\?select=${FEATURE}$`));
	await page.reload();
	await expect(page.getByRole('region', { name: 'Exploring the map' }).getByRole('heading', { level: 3 })).toContainText('Remain in Mexico');
	await mapIdle(page);
	expect(errors).toEqual([]);
});

test('an unknown ?select= is ignored without an error', async ({ page }) => {
	const errors = watchErrors(page);
	for (const value of ['atlantis', '%3Cscript%3Ealert(1)%3C%2Fscript%3E', '__proto__', '%E0%A4%A']) {
		await page.goto(`/chapters/${chapter.slug}/?select=${value}`);
		await mapIdle(page, chapter.slug);
		await expect(page.getByRole('region', { name: 'Exploring the map' })).toHaveCount(0);
	}
	expect(errors).toEqual([]);
});

test('by keyboard alone: explore, point at a feature, select it, hear it, and come back', async ({ page }) => {
	await page.goto(`/chapters/${chapter.slug}/`);
	await mapIdle(page, chapter.slug);
	const canvas = page.locator('.map-canvas canvas');
	await page.getByRole('button', { name: /^Explore/ }).focus();
	await page.keyboard.press('Enter');
	const panel = page.getByRole('region', { name: 'Exploring the map' });
	await expect(panel).toBeVisible();
	await mapIdle(page);
	const before = await screenshotPixels(canvas);

	// Focusing an item of the list highlights its feature on the map.
	const item = panel.getByRole('button', { name: /Remain in Mexico/ });
	await item.focus();
	await mapIdle(page);
	expect(changedFraction(before, await screenshotPixels(canvas))).toBeGreaterThan(0.002);

	await page.keyboard.press('Enter');
	const heading = panel.getByRole('heading', { level: 3 });
	await expect(heading).toBeFocused();
	await expect(panel.locator('[aria-live="polite"]')).toHaveText(/Selected: .*Remain in Mexico/);
	await expect(page).toHaveURL(new RegExp(`[?&]select=${FEATURE}(&|$)`));

	await page.keyboard.press('Escape');
	await expect(panel.getByRole('heading', { name: 'On the map now' })).toBeVisible();
	await expect(page).not.toHaveURL(/select=/);
	await page.keyboard.press('Escape');
	await expect(panel).toHaveCount(0);
	await mapIdle(page, chapter.slug);
});

for (const viewport of [
	{ width: 1280, height: 800 },
	{ width: 390, height: 844 }
]) {
	test(`at ${viewport.width}×${viewport.height} the panels cover neither one another nor the framed area`, async ({ page }) => {
		await page.setViewportSize(viewport);
		await page.goto(`/chapters/${chapter.slug}/?select=${FEATURE}`);
		const panel = page.locator('.explore');
		await expect(panel).toBeVisible();
		await mapIdle(page);
		await expect(page.locator(MAP_CONTAINER)).toHaveAttribute(A.frame, /\d/);
		expect(overlaps(await rect(panel), await framed(page)), 'explore panel over the framed feature').toBe(false);

		const layers = page.getByRole('button', { name: /^Layers/ });
		if ((await layers.getAttribute('aria-expanded')) === 'false') await layers.click();
		const legend = page.locator('#legend-panel');
		await expect(legend).toBeVisible();
		// The map re-frames clear of the legend once it has its size.
		await expect.poll(async () => overlaps(await rect(legend), await framed(page)), { message: 'legend over the framed feature' }).toBe(false);
		await mapIdle(page);
		expect(overlaps(await rect(panel), await rect(legend)), 'legend over the explore panel').toBe(false);
		expect(overlaps(await rect(panel), await framed(page)), 'explore panel over the framed feature').toBe(false);

		if (viewport.width < 900) {
			// On a phone the sheet folded for the legend; opening it again folds the legend away.
			await page.getByRole('button', { name: 'Open the panel' }).click();
			await expect(legend).toBeHidden();
			await expect(panel.getByRole('heading', { level: 3 })).toBeVisible();
		}
	});
}

test('"Return to the story" brings back the chapter, its layers and the reader’s place', async ({ page }) => {
	await page.goto(`/chapters/${chapter.slug}/`);
	await mapIdle(page, chapter.slug);
	await page.mouse.wheel(0, 300);
	await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
	await page.waitForTimeout(500);
	const scrollY = await page.evaluate(() => window.scrollY);
	const url = page.url();
	await page.getByRole('button', { name: /^Explore/ }).click();
	const layers = page.getByRole('button', { name: /^Layers/ });
	if ((await layers.getAttribute('aria-expanded')) === 'false') await layers.click();
	await page.locator('#legend-panel button[data-layer="surveillance"]').click();
	await expect(page).toHaveURL(/layers=surveillance/);
	await page.getByRole('button', { name: 'Return to the story' }).click();
	await expect(page.getByRole('region', { name: 'Exploring the map' })).toHaveCount(0);
	await expect(page).toHaveURL(url);
	await expect.poll(async () => Math.abs((await page.evaluate(() => window.scrollY)) - scrollY)).toBeLessThanOrEqual(8);
	await mapIdle(page);
	await expect(page.locator('#legend-panel button[data-layer="surveillance"]')).toHaveAttribute('aria-pressed', String(chapter.layers.includes('surveillance')));
});

test('a bare ?select= link (typed by hand, or shortened) switches the feature’s layer on and opens its card', async ({ page }) => {
	const errors = watchErrors(page);
	// The opening shows the first chapter's map, which has no thematic layer on.
	expect(chapters[0]!.layers).not.toContain('enforcement');
	await page.goto('/?select=merida-initiative');
	const panel = page.getByRole('region', { name: 'Exploring the map' });
	await expect(panel.getByRole('heading', { level: 3 })).toContainText('Mérida Initiative');
	await mapIdle(page);
	await expect(page.locator('#legend-panel button[data-layer="enforcement"]')).toHaveAttribute('aria-pressed', 'true');
	// The address says what the reader sees: shared again, it opens the same view.
	await expect(page).toHaveURL(/\/\?(?=.*layers=enforcement)(?=.*select=merida-initiative)/);
	// A ?layers= that switches the layer off gives way to the selection.
	await page.goto('/?layers=-enforcement&select=merida-initiative');
	await expect(panel.getByRole('heading', { level: 3 })).toContainText('Mérida Initiative');
	await expect(page.locator('#legend-panel button[data-layer="enforcement"]')).toHaveAttribute('aria-pressed', 'true');
	// Returning to the story gives the chapter its own layers back.
	await panel.getByRole('button', { name: 'Return to the story' }).click();
	await expect(page.locator('#legend-panel button[data-layer="enforcement"]')).toHaveAttribute('aria-pressed', 'false');
	expect(errors).toEqual([]);
});
