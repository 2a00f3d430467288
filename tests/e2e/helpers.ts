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
export async function mapIdle(page: Page, slug?: string, timeout = 30_000): Promise<void> {
	const drawn = slug ? `[${A.drawn}="${slug}"]` : '';
	await expect(page.locator(`${MAP_CONTAINER}[${A.status}="ready"][${A.idle}="true"]${drawn}`)).toBeAttached({ timeout });
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

/**
 * The map as drawn, without the panels over it (the key, the controls, the layer panel: whatever
 * says `data-covers-map`), which are hidden for the moment of the screenshot and take no part in
 * the layout, so the map does not move.
 */
export async function mapPixels(page: Page): Promise<PNG> {
	const hide = (hidden: boolean) =>
		page.evaluate((h) => {
			for (const el of document.querySelectorAll<HTMLElement>('[data-covers-map]')) el.style.visibility = h ? 'hidden' : '';
		}, hidden);
	await hide(true);
	try {
		return await screenshotPixels(page.locator(`${MAP_CONTAINER} canvas`));
	} finally {
		await hide(false);
	}
}

/**
 * Scrolls a chapter to the reading line, as a reader's scrolling would. Chapters off screen have
 * an estimated height (content-visibility) until they are laid out, so the chapters the jump
 * lands beside can move it: it is repeated until the chapter stays where it was put.
 */
export async function scrollToChapter(page: Page, slug: string): Promise<void> {
	await page.evaluate(async (id) => {
		const el = document.getElementById(id)!;
		const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
		// Laying out the chapters beside it can move it a frame later: it must stay put twice running.
		for (let i = 0, still = 0; i < 10 && still < 2; i++) {
			const off = el.getBoundingClientRect().top - window.innerHeight * 0.3;
			still = Math.abs(off) < 2 ? still + 1 : 0;
			if (!still) window.scrollTo({ top: window.scrollY + off, behavior: 'instant' });
			await frame();
		}
	}, slug);
}
