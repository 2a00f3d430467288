/**
 * The map's furniture as a reader meets it: the key says what the map shows now, a chosen year
 * shows itself, the layer panel closes with Escape, "Link copied" leaves, and a named place can
 * be selected in explore mode. (That the key is in view in every chapter, lists the layers on and
 * covers nothing framed is checked in cartography.spec.ts.)
 */
import { expect, test } from '@playwright/test';
import { MAP_ATTRIBUTES as A, MAP_CONTAINER } from '../../src/lib/map/contract.js';
import { chapterFiles, mapIdle } from './helpers';

const chapters = chapterFiles();
const bySlug = (slug: string) => chapters.find((c) => c.slug === slug)!;

test('after the reader hides layers, the key no longer says their features are highlighted, and says what changed', async ({ page }) => {
	const chapter = bySlug('frontera-sur');
	await page.goto(`/chapters/${chapter.slug}/`);
	await mapIdle(page, chapter.slug);
	const key = page.locator('.map-key-box');
	await expect(key.locator('.map-key__highlighted')).toContainText('Programa Frontera Sur');
	await page.getByRole('button', { name: /^Layers/ }).click();
	for (const layer of ['enforcement', 'surveillance']) await page.locator(`#legend-panel button[data-layer="${layer}"]`).click();
	await expect(key.locator('.map-key__highlighted')).toHaveCount(0);
	await expect(key).not.toContainText('Highlighted');
	await expect(key.locator('.map-key__changed')).toContainText('This chapter’s map shows');
	await expect(key.locator('.map-key__changed')).toContainText('on now: international borders');
	await expect(key.locator('.map-key__long')).toHaveText(['International borders']);
	// The open panel lies over the key: closing it uncovers the way back.
	await page.keyboard.press('Escape');
	await key.getByRole('button', { name: 'Back to the chapter’s map' }).click();
	await expect(key.locator('.map-key__highlighted')).toContainText('Programa Frontera Sur');
	await expect(page).not.toHaveURL(/layers=/);
});

test('a ?year= link shows its badge on the map and in the key, with a way back to every year', async ({ page }) => {
	const chapter = bySlug('deportations');
	await page.goto(`/chapters/${chapter.slug}/?year=2014`);
	await mapIdle(page, chapter.slug);
	const key = page.locator('.map-key-box');
	await expect(key.locator('.year-badge')).toHaveText('In force in 2014');
	await expect(key).toContainText('Only what was in force in 2014 is drawn');
	await key.getByRole('button', { name: 'Back to every year' }).click();
	await expect(key.locator('.year-badge')).toHaveCount(0);
	await expect(page).not.toHaveURL(/year=/);
});

test('the timeline reads ?year=: that year is in view and marked, and links to the map at that year', async ({ page }) => {
	await page.goto('/timeline/?year=2014');
	const year = page.locator('#year-2014');
	await expect(year).toHaveClass(/is-chosen/);
	await expect(year.getByRole('heading', { level: 2 })).toContainText('the year your link chose');
	await expect(year.getByRole('heading', { level: 2 })).toBeInViewport();
	await expect(page.locator('.tl-year.is-chosen')).toHaveCount(1);
	const link = year.getByRole('link', { name: 'The map in 2014' });
	await link.click();
	await expect(page).toHaveURL(/\/chapters\/[a-z-]+\/\?year=2014$/);
	await mapIdle(page);
	await expect(page.locator('.year-badge')).toHaveText('In force in 2014');
});

test('Escape closes the layer panel and gives the focus back to its button', async ({ page }) => {
	await page.goto(`/chapters/${chapters[2]!.slug}/`);
	await mapIdle(page, chapters[2]!.slug);
	const button = page.getByRole('button', { name: /^Layers/ });
	await button.click();
	const panel = page.locator('#legend-panel');
	await expect(panel).toBeVisible();
	await panel.locator('button[data-layer]').first().focus();
	await page.keyboard.press('Escape');
	await expect(panel).toBeHidden();
	await expect(button).toBeFocused();
	await expect(button).toHaveAttribute('aria-expanded', 'false');
	// Its last control can be scrolled to: nothing is clipped out of reach.
	await button.click();
	const last = panel.locator('.motion-switch input');
	await last.scrollIntoViewIfNeeded();
	await expect(last).toBeInViewport();
});

test('“Link copied” is announced, then leaves within five seconds', async ({ page, context }) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	await page.goto(`/chapters/${chapters[1]!.slug}/`);
	await mapIdle(page, chapters[1]!.slug);
	await page.getByRole('button', { name: /^Copy link/ }).click();
	await expect(page.getByRole('button', { name: /^Link copied/ })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'Link to this chapter copied.' })).toHaveCount(1);
	expect(await page.evaluate(() => navigator.clipboard.readText())).toContain(`/chapters/${chapters[1]!.slug}/`);
	await page.waitForTimeout(5000);
	await expect(page.getByRole('button', { name: /^Link copied/ })).toHaveCount(0);
	await expect(page.getByRole('button', { name: /^Copy link/ })).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: 'copied' })).toHaveCount(0);
});

test('in explore mode a place the map names opens its card, by a click on its dot or from the list with Enter', async ({ page }) => {
	const chapter = bySlug('southern-border');
	await page.goto(`/chapters/${chapter.slug}/`);
	await mapIdle(page, chapter.slug);
	await page.getByRole('button', { name: /^Explore/ }).click();
	await expect(page.getByRole('region', { name: 'Exploring the map' })).toBeVisible();
	await mapIdle(page);
	await page.waitForTimeout(1200);
	await mapIdle(page);
	// Where the map wrote Tapachula: its point is the dot.
	const labels = (await page.locator(MAP_CONTAINER).getAttribute(A.labels))!;
	const at = labels.match(/(?:^| )!?tapachula@([\d.]+),([\d.]+)\//);
	expect(at, labels).not.toBeNull();
	const box = (await page.locator(`${MAP_CONTAINER} canvas`).boundingBox())!;
	await page.mouse.click(box.x + Number(at![1]), box.y + Number(at![2]));
	await expect(page.getByRole('heading', { level: 3, name: 'Tapachula' })).toBeVisible();
	await page.getByRole('button', { name: 'Back to the list' }).click();

	const item = page.getByRole('region', { name: 'Exploring the map' }).getByRole('button', { name: 'Suchiate river crossing' });
	await item.focus();
	await page.keyboard.press('Enter');
	await expect(page.getByRole('heading', { level: 3, name: 'Suchiate river crossing' })).toBeVisible();
	await expect(page).toHaveURL(/select=suchiate-crossing/);
});
