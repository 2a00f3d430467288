import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { parse } from 'yaml';
import { chapterFiles } from './helpers';

const chapters = chapterFiles();
const seeds = parse(readFileSync(new URL('../../seeds/sources.yaml', import.meta.url), 'utf8')) as { id: string; file: string; title: string }[];
const seedText = (id: string) => {
	const seed = seeds.find((s) => s.id === id)!;
	return readFileSync(new URL(`../../seeds/${seed.file}`, import.meta.url), 'utf8').replace(/\s+/g, ' ');
};

test('a note in a chapter opens its passage, highlighted, and the backlink returns to the chapter', async ({ page }) => {
	const chapter = chapters[3]!;
	await page.goto(`/chapters/${chapter.slug}/`);
	const note = page.locator(`#${chapter.slug} .prose sup.note-ref a`).first();
	const href = (await note.getAttribute('href'))!;
	const [, sourceId, anchor] = /^\/sources\/([a-z0-9-]+)\/#([a-z0-9-]+)$/.exec(href)!;
	await note.click();

	await expect(page).toHaveURL(new RegExp(`/sources/${sourceId}/#${anchor}$`));
	const passage = page.locator(`[id="${anchor}"]`);
	await expect(passage).toBeInViewport();
	const marked = page.locator(`mark.passage.is-target[data-passages~="${anchor}"]`);
	await expect(marked.first()).toBeVisible();
	// What is marked is the source's own words.
	const words = (await marked.allTextContents()).join(' ').replace(/\s+/g, ' ').trim();
	expect(words.length).toBeGreaterThan(10);
	expect(seedText(sourceId!)).toContain(words);

	const back = page.locator(`.cited-in a[href="/chapters/${chapter.slug}/"]`).first();
	await expect(back).toBeVisible();
	await back.click();
	await expect(page).toHaveURL(new RegExp(`/chapters/${chapter.slug}/$`));
	await expect(page.getByRole('heading', { level: 2, name: chapter.title })).toBeInViewport();
});

test('every quotation on the story page is verbatim from its source and links to its passage', async ({ page }) => {
	await page.goto('/');
	const quotes = page.locator('.prose q, .prose blockquote');
	const count = await quotes.count();
	expect(count).toBeGreaterThan(5);
	for (let i = 0; i < count; i++) {
		const quote = quotes.nth(i);
		const cite = (await quote.getAttribute('cite'))!;
		const [, sourceId] = /^\/sources\/([a-z0-9-]+)\/#[a-z0-9-]+$/.exec(cite) ?? [];
		expect(sourceId, `quote ${i} has a passage link`).toBeTruthy();
		const text = (await quote.innerText()).replace(/\s+/g, ' ').trim();
		expect(seedText(sourceId!), `quote ${i} is in ${sourceId}`).toContain(text);
	}
});

test('the source index lists the five sources with how many passages the story cites', async ({ page }) => {
	await page.goto('/sources/');
	const items = page.locator('.source-list > li');
	await expect(items).toHaveCount(5);
	for (const seed of seeds) {
		const item = items.filter({ hasText: seed.title });
		await expect(item).toHaveCount(1);
		await expect(item.getByRole('link', { name: 'Read it' })).toHaveAttribute('href', `/sources/${seed.id}/`);
		const cited = Number(/(\d+)\s+passages?\s+cited/.exec((await item.textContent())!)?.[1]);
		expect(cited, `${seed.id} is cited`).toBeGreaterThan(0);
		await page.goto(`/sources/${seed.id}/`);
		// Every cited passage has its anchor: on its mark, or inside the mark it shares a start with.
		await expect(page.locator('mark.passage[id], mark.passage > span[id]')).toHaveCount(cited);
		await page.goto('/sources/');
	}
});

test('a source page opened at an unknown or hostile hash still reads normally', async ({ page }) => {
	const errors: string[] = [];
	page.on('pageerror', (e) => errors.push(e.message));
	await page.goto('/sources/kpbs-2018/#no-such-passage');
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.locator('mark.is-target')).toHaveCount(0);
	expect(errors).toEqual([]);
});
