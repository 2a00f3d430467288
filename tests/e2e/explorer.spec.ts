/**
 * The explorer's pages against the production build: places and programs, their still maps,
 * their links into the source reader, without JavaScript, and with axe.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { parse } from 'yaml';
import { chapterFiles, distinctColours } from './helpers';

const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8');
const seeds = parse(read('seeds/sources.yaml')) as { id: string; file: string }[];
const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const seedText = (id: string) => collapse(read(`seeds/${seeds.find((s) => s.id === id)!.file}`));
const gazetteer = JSON.parse(read('geo/gazetteer.json')) as { id: string; name: string; aliases: string[]; location: string }[];
const fold = (s: string) => collapse(s).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Checks every passage listed on a place page against the seed files. Returns how many. */
async function checkNamings(page: Page, placeId: string): Promise<number> {
	const names = new Set(gazetteer.filter((p) => p.id === placeId).flatMap((p) => [p.name, ...p.aliases]).map(fold));
	const items = page.locator('.naming');
	const count = await items.count();
	for (let i = 0; i < count; i++) {
		const item = items.nth(i);
		const href = (await item.getByRole('link', { name: 'Read it in the source' }).getAttribute('href'))!;
		const [, sourceId] = /^\/sources\/([a-z0-9-]+)\/#para-\d+$/.exec(href) ?? [];
		expect(sourceId, `passage ${i} links to a paragraph of the reader`).toBeTruthy();
		const text = collapse(await item.locator('blockquote').innerText());
		expect(seedText(sourceId!), `passage ${i} is the words of ${sourceId}`).toContain(text);
		const marks = await item.locator('mark').allInnerTexts();
		expect(marks.length, `passage ${i} marks the name`).toBeGreaterThan(0);
		for (const mark of marks) expect(names, `"${mark}" names ${placeId}`).toContain(fold(mark));
	}
	return count;
}

test('a place page lists the source paragraphs that name the place, marked, each opening the reader there', async ({ page }) => {
	await page.goto('/places/tijuana/');
	await expect(page).toHaveTitle('Tijuana · Places · Frontera');
	await expect(page.getByRole('heading', { level: 1, name: 'Tijuana' })).toBeVisible();
	// Where its location comes from: the gazetteer's line, verbatim.
	await expect(page.locator('.explorer-facts')).toContainText(gazetteer.find((p) => p.id === 'tijuana')!.location);
	await expect(page.locator('.explorer-facts')).toContainText('General knowledge, not from the sources:');
	expect(await checkNamings(page, 'tijuana')).toBeGreaterThan(0);
	await expect(page.locator('.explorer-map')).toHaveAttribute('data-bounds', /^-?[\d.]+,-?[\d.]+,-?[\d.]+,-?[\d.]+$/);

	// Chapters and features link to their pages.
	await expect(page.locator('section[aria-labelledby="chapters"] a[href^="/chapters/"]').first()).toBeVisible();
	await expect(page.locator('a[href="/programs/remain-in-mexico/"]')).toBeVisible();

	// The link opens the reader at that paragraph, which holds the marked words.
	const first = page.locator('.naming').first();
	const marked = await first.locator('mark').first().innerText();
	await first.getByRole('link', { name: 'Read it in the source' }).click();
	await expect(page).toHaveURL(/\/sources\/[a-z0-9-]+\/#para-\d+$/);
	const anchor = new URL(page.url()).hash.slice(1);
	const paragraph = page.locator(`[id="${anchor}"]`);
	await expect(paragraph).toBeInViewport();
	await expect(paragraph).toContainText(marked);
});

test('names with accents, aliases and other capitals are found: Mexico City, Fray Matías', async ({ page }) => {
	for (const id of ['mexico-city', 'fray-matias-de-cordova', 'la-72']) {
		await page.goto(`/places/${id}/`);
		expect(await checkNamings(page, id), id).toBeGreaterThan(0);
	}
});

test('a program page shows its dates, its passages verbatim and the chapters that show it', async ({ page }) => {
	await page.goto('/programs/remain-in-mexico/');
	await expect(page).toHaveTitle('“Remain in Mexico” · Programs · Frontera');
	const facts = page.locator('.explorer-facts');
	await expect(facts).toContainText('Enforcement programs');
	await expect(facts).toContainText('Migration Protection Protocols, or “Stay in Mexico”');
	await expect(facts).toContainText('December 2018 – no end given by the sources (latest source: 17 January 2022)');
	await expect(facts).toContainText('reinstated November 2021');
	// The band along the border is ours, and says so.
	await expect(page.locator('.explorer-map figcaption')).toContainText(/^Computed by Frontera: Within 30 km/);
	const quotes = page.locator('.passage-quote');
	expect(await quotes.count()).toBe(6);
	for (let i = 0; i < 6; i++) {
		const quote = quotes.nth(i);
		const href = (await quote.getByRole('link', { name: 'Read it in the source' }).getAttribute('href'))!;
		const [, sourceId] = /^\/sources\/([a-z0-9-]+)\/#[a-z0-9-]+$/.exec(href)!;
		expect(seedText(sourceId!)).toContain(collapse(await quote.locator('blockquote').innerText()));
	}
	const chapters = page.locator('section[aria-labelledby="chapters"] li a');
	expect(await chapters.count()).toBeGreaterThan(0);
	await expect(page.locator('section[aria-labelledby="chapters"]')).toContainText('highlighted on its map');

	// Dates the sources do not give are said so.
	await page.goto('/programs/merida-initiative/');
	await expect(page.locator('.explorer-facts')).toContainText('start not given by the sources');
});

test('the index pages list every place by kind and every program by theme', async ({ page }) => {
	await page.goto('/places/');
	await expect(page.getByRole('heading', { level: 2 })).toContainText(['Countries', 'States', 'Cities']);
	for (const place of gazetteer) await expect(page.locator(`main a[href="/places/${place.id}/"]`)).toHaveCount(1);
	await page.goto('/programs/');
	await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Enforcement programs', 'Surveillance', 'Refuge policy']);
	for (const id of ['programa-frontera-sur', 'merida-initiative', 'remain-in-mexico', 'third-safe-country', 'frontera-sur-surveillance', 'cdmx-sanctuary-city', 'country-of-refuge-2016'])
		await expect(page.locator(`main a[href="/programs/${id}/"]`)).toHaveCount(1);
});

test('the still maps are real pictures, shown on the pages and named in their share cards', async ({ page, request }) => {
	for (const [path, image] of [
		['/places/', '/maps/all-places.png'],
		['/places/tijuana/', '/maps/places/tijuana.png'],
		['/places/chiapas/', '/maps/places/chiapas.png'],
		['/programs/', '/maps/all-programs.png'],
		['/programs/remain-in-mexico/', '/maps/programs/remain-in-mexico.png']
	]) {
		const response = await request.get(image!);
		expect(response.headers()['content-type'], image).toBe('image/png');
		const png = PNG.sync.read(await response.body());
		expect([png.width, png.height]).toEqual([1200, 630]);
		expect(distinctColours(png), `${image} is a picture, not a blank`).toBeGreaterThan(8);
		await page.goto(path!);
		const img = page.locator(`.explorer-map img[src="${image}"]`);
		await expect(img).toBeVisible();
		expect(await img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth)).toBe(1200);
		await expect(page.locator('meta[property="og:image"]')).toHaveAttribute('content', new RegExp(`${image!.replace(/\./g, '\\.')}$`));
	}
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the pages read in full: text, lists and the still map', async ({ page }) => {
		await page.goto('/places/tijuana/');
		await expect(page.getByRole('heading', { level: 1, name: 'Tijuana' })).toBeVisible();
		expect(await checkNamings(page, 'tijuana')).toBeGreaterThan(0);
		expect(await page.locator('.explorer-map img').evaluate((i: HTMLImageElement) => i.naturalWidth)).toBe(1200);
		await page.goto('/programs/remain-in-mexico/');
		await expect(page.locator('.passage-quote')).toHaveCount(6);
		await expect(page.locator('section[aria-labelledby="chapters"] li').first()).toBeVisible();
		await page.goto('/places/');
		await expect(page.locator('main a[href^="/places/"]')).toHaveCount(gazetteer.length);
		await page.goto('/programs/');
		await expect(page.locator('main a[href^="/programs/"]').first()).toBeVisible();
	});

	test('“Explore on the map” is a plain link, and the folded chapters open', async ({ page }) => {
		await page.goto('/places/tijuana/');
		await expect(page.getByRole('link', { name: 'Explore on the map' })).toHaveAttribute('href', /\?select=tijuana$/);
		await page.goto('/places/chiapas/');
		const details = page.locator('section[aria-labelledby="chapters"] details');
		await details.locator('summary').click();
		await expect(details.locator('li a').first()).toBeVisible();
	});
});

test('links into the explorer: chapter prose, the source reader and the 404 page', async ({ page }) => {
	await page.goto('/chapters/election-debate/');
	const link = page.locator('#election-debate .prose a.place-link[href="/places/tijuana/"]');
	await expect(link).toHaveCount(1);
	expect(await link.evaluate((a) => !!a.closest('q, blockquote, h1, h2, h3, sup'))).toBe(false);

	await page.goto('/sources/open-letter-2018/');
	const toProgram = page.locator('.on-map a[href="/programs/remain-in-mexico/"]').first();
	await expect(toProgram).toBeVisible();
	await toProgram.click();
	await expect(page).toHaveURL(/\/programs\/remain-in-mexico\/$/);

	await page.goto('/places/no-such-place/');
	await expect(page.locator('a[href="/places/tijuana/"]')).toHaveCount(1);
	await expect(page.locator('a[href="/programs/remain-in-mexico/"]')).toHaveCount(1);
});

test('axe finds no violations on the explorer pages', async ({ page }) => {
	const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
	for (const path of ['/places/', '/places/tijuana/', '/programs/', '/programs/remain-in-mexico/']) {
		await page.goto(path);
		const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
		expect(results.violations.flatMap((v) => v.nodes.map((n) => `${path}: ${v.id} ${v.help}: ${n.target.join(' ')}`))).toEqual([]);
		expect(results.passes.length, `${path}: axe ran its rules`).toBeGreaterThan(15);
	}
});

test('a place page lists the chapters that name or highlight it first, and the ones whose frame merely takes it in apart, folded', async ({ page }) => {
	await page.goto('/places/chiapas/');
	const section = page.locator('section[aria-labelledby="chapters"]');
	const main = section.locator(':scope > ul > li > a');
	const framed = section.locator('details li a');
	// The 1948 chapter is about the whole country: Chiapas is only inside its frame.
	const first = chapterFiles()[0]!;
	expect(first.places).not.toContain('chiapas');
	await expect(main.filter({ hasText: first.title })).toHaveCount(0);
	await expect(framed.filter({ hasText: first.title })).toHaveCount(1);
	await expect(main.first()).toBeVisible();
	for (const how of await section.locator(':scope > ul .explorer-list__how').allInnerTexts()) expect(how).not.toMatch(/frame takes it in|inside its map/);
	await expect(framed.first()).toBeHidden();
	await section.locator('details summary').click();
	await expect(framed.first()).toBeVisible();
});

test('place and program pages link to the live map with the feature selected or the place framed', async ({ page }) => {
	for (const [path, id, name] of [
		['/programs/remain-in-mexico/', 'remain-in-mexico', 'Remain in Mexico'],
		['/programs/merida-initiative/', 'merida-initiative', 'Mérida Initiative'],
		['/places/tapachula/', 'tapachula', 'Tapachula']
	] as const) {
		await page.goto(path);
		const link = page.getByRole('link', { name: 'Explore on the map' });
		await expect(link).toBeVisible();
		expect(await link.getAttribute('href')).toMatch(new RegExp(`^/(chapters/[a-z0-9-]+/)?\\?select=${id}$`));
		// Next to the still map, where a reader looks for the live one.
		expect(await link.evaluate((a) => !!a.closest('.explorer-map'))).toBe(true);
		await link.click();
		const panel = page.getByRole('region', { name: 'Exploring the map' });
		await expect(panel.getByRole('heading', { level: 3 })).toContainText(name);
	}
});
