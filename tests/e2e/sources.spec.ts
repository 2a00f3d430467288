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

test('on a phone, the “On the map:” links under a passage run on as words do, each comma beside its link', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/sources/open-letter-2018/');
	const lists = page.locator('.on-map');
	expect(await lists.count()).toBeGreaterThan(3);
	const layout = await lists.evaluateAll((els) =>
		els.map((list) => {
			const top = (r: DOMRect | undefined) => Math.round(r?.top ?? NaN);
			const links = [...list.querySelectorAll('a')];
			const line = parseFloat(getComputedStyle(list).lineHeight);
			// A name that wraps wraps as text: each of its boxes is one line, not a block across the column.
			const tallest = Math.max(...links.flatMap((a) => [...a.getClientRects()].map((r) => r.height)));
			const commas = links.slice(0, -1).map((a) => {
				// The comma after a link: where it is drawn against the link's last line.
				const walker = document.createTreeWalker(list, NodeFilter.SHOW_TEXT);
				let node: Node | null;
				while ((node = walker.nextNode())) if (a.compareDocumentPosition(node) & Node.DOCUMENT_POSITION_FOLLOWING && !a.contains(node) && node.textContent!.includes(',')) break;
				const range = document.createRange();
				const at = node!.textContent!.indexOf(',');
				range.setStart(node!, at);
				range.setEnd(node!, at + 1);
				return top(range.getClientRects()[0]) - top([...a.getClientRects()].at(-1));
			});
			return { line, tallest, commas, lines: links.reduce((n, a) => n + a.getClientRects().length, 0) };
		})
	);
	for (const [i, l] of layout.entries()) {
		expect(l.tallest, `list ${i}: a link drawn as a block`).toBeLessThan(l.line * 1.5);
		for (const offset of l.commas) expect(Math.abs(offset), `list ${i}: a comma on its own line`).toBeLessThanOrEqual(4);
	}
	// The passage with four features on the map, whose long names wrap.
	expect(layout.some((l) => l.commas.length >= 3 && l.lines > 4)).toBe(true);
});
