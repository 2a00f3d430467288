import { expect, type Locator, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { MAP_ATTRIBUTES as A, MAP_CONTAINER } from '../../src/lib/map/contract.js';

export { chapterFiles, type ChapterFile } from '../chapters';
export { changedFraction, distinctColours } from '../pixels';

/**
 * Waits until a story page's scripts have run. They come after its first paint
 * (src/lib/server/scripts-after-paint.ts): until then its links are plain links (full loads)
 * and it has no map controls. The map leaves its first status once the page has hydrated.
 */
export async function hydrated(page: Page): Promise<void> {
	await expect(page.locator(MAP_CONTAINER)).not.toHaveAttribute(A.status, 'waiting', { timeout: 30_000 });
}

/** Waits until the map has drawn the current view, or the view of a given chapter. */
export async function mapIdle(page: Page, slug?: string): Promise<void> {
	const drawn = slug ? `[${A.drawn}="${slug}"]` : '';
	await expect(page.locator(`${MAP_CONTAINER}[${A.status}="ready"][${A.idle}="true"]${drawn}`)).toBeAttached({ timeout: 30_000 });
}

/** A number the map reports on its container (contract.js): camera moves, layer writes… */
export async function mapCount(page: Page, attribute: keyof typeof A): Promise<number> {
	return Number(await page.locator(MAP_CONTAINER).getAttribute(A[attribute]));
}

/** The map's visible extent after its last move: [west, south, east, north]. */
export async function mapExtent(page: Page): Promise<[number, number, number, number]> {
	return (await page.locator(MAP_CONTAINER).getAttribute(A.extent))!.split(',').map(Number) as [number, number, number, number];
}

export async function screenshotPixels(target: Locator): Promise<PNG> {
	return PNG.sync.read(await target.screenshot({ animations: 'disabled' }));
}

/** Scrolls a chapter to the reading line, as a reader's scrolling would. */
export async function scrollToChapter(page: Page, slug: string): Promise<void> {
	await page.evaluate((id) => {
		const el = document.getElementById(id)!;
		const y = el.getBoundingClientRect().top + window.scrollY - window.innerHeight * 0.3;
		window.scrollTo({ top: y, behavior: 'instant' });
	}, slug);
}
