/**
 * The timeline and the search, against the production build served over HTTP. Expected results
 * come from the repository's own files (the chapters and the seed texts), read independently of
 * the app's loader.
 */
import { readFileSync, readdirSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { parse } from 'yaml';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.js';
import { fold } from '../../src/lib/search/normalize.js';

const ROOT = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, ROOT), 'utf8');

/** Chapter slug → the words a reader sees in it (title, prose, map description), folded as the search folds them. */
const chapterTexts = new Map(
	readdirSync(new URL('src/content/chapters/', ROOT))
		.filter((f) => f.endsWith('.md'))
		.map((f) => {
			const { data, body } = splitFrontmatter(read(`src/content/chapters/${f}`), f);
			const { title, mapText } = data as { title: string; mapText: string };
			return [f.replace(/\.md$/, '').replace(/^\d+-/, ''), fold(`${title}\n${body.replace(/\{\{[^}]*\}\}|\[\^[^\]]*\]/g, ' ')}\n${mapText}`)];
		})
);

/** The text of a chapter's section as the built page renders it, folded. */
async function renderedChapter(page: Page, slug: string): Promise<string> {
	const html = await (await page.request.get(`/chapters/${slug}/`)).text();
	return fold(await page.evaluate(([h, id]) => new DOMParser().parseFromString(h!, 'text/html').getElementById(id!)?.textContent ?? '', [html, slug]));
}

/** Source id → its article body, folded. */
const sourceTexts = new Map(
	(parse(read('seeds/sources.yaml')) as { id: string; file: string; body: { start: number; end: number } }[]).map((s) => [
		s.id,
		fold(read(`seeds/${s.file}`).slice(s.body.start, s.body.end))
	])
);

const containsWord = (text: string, word: string) => new RegExp(`(?<![\\p{L}\\p{N}])${fold(word)}(?![\\p{L}\\p{N}])`, 'u').test(text);

async function search(page: Page, query: string): Promise<void> {
	await page.goto(`/search/?${new URLSearchParams({ q: query })}`);
	await expect(page.locator('[data-search-results][data-search-done="true"]')).toBeAttached();
}

const resultLinks = (page: Page, group: string) => page.locator(`[data-search-group="${group}"] .search-item__title`);

/** Every href resolves: the page exists and, for a #fragment, an element with that id is on it. */
async function expectTargetsExist(page: Page, hrefs: string[]): Promise<void> {
	const pages = new Map<string, string>();
	for (const href of new Set(hrefs)) {
		const url = new URL(href, page.url());
		expect(url.origin, href).toBe(new URL(page.url()).origin);
		const path = url.pathname;
		if (!pages.has(path)) {
			const response = await page.request.get(path);
			expect(response.status(), path).toBe(200);
			pages.set(path, await response.text());
		}
		if (url.hash) expect(pages.get(path), `${href}: #${url.hash.slice(1)} on the page`).toContain(`id="${decodeURIComponent(url.hash.slice(1))}"`);
	}
}

test.describe('search', () => {
	for (const word of ['Tapachula', 'merida', 'refoulement']) {
		test(`"${word}" finds the chapters and source passages that contain it, and its links land`, async ({ page }) => {
			await search(page, word);
			const chapterHrefs = await resultLinks(page, 'chapters').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
			const found = chapterHrefs.map((h) => h.split('/')[2]!);
			const expected = [...chapterTexts].filter(([, text]) => containsWord(text, word)).map(([slug]) => slug);
			expect(expected.length, `some chapter contains "${word}"`).toBeGreaterThan(0);
			// Every chapter whose words hold it is found, and every chapter found shows it (a quote counts).
			expect(found).toEqual(expect.arrayContaining(expected));
			for (const slug of found) expect(containsWord(await renderedChapter(page, slug), word), `${slug} shows "${word}"`).toBe(true);

			const sourceHrefs = await resultLinks(page, 'sources').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
			const sources = new Set(sourceHrefs.map((h) => h.split('/')[2]!));
			const expectedSources = [...sourceTexts].filter(([, text]) => containsWord(text, word)).map(([id]) => id);
			expect(sources).toEqual(new Set(expectedSources));
			// Every result shows the word, marked, in its context or title.
			for (const item of await page.locator('.search-item').all()) await expect(item.locator('mark').first()).toBeVisible();
			const marked = await page.locator('.search-item mark').allTextContents();
			expect(marked.every((m) => fold(m) === fold(word) || fold(m).startsWith(fold(word).slice(0, 4)))).toBe(true);

			await expectTargetsExist(page, [...chapterHrefs, ...sourceHrefs, ...(await resultLinks(page, 'places').evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))]);
			// A chapter link opens the whole story at that chapter's section.
			for (const href of chapterHrefs) expect(href).toMatch(/^\/chapters\/[a-z0-9-]+\/$/);
		});
	}

	test('a match inside a cited passage links to the passage, and the link lands on it', async ({ page }) => {
		await search(page, 'refoulement');
		await expect(page.locator('[data-search-group="sources"] a[href="/sources/conversation-2018/#refoulement"]')).toHaveCount(1);
		await page.locator('[data-search-group="sources"] a[href="/sources/conversation-2018/#refoulement"]').click();
		await expect(page).toHaveURL(/\/sources\/conversation-2018\/#refoulement$/);
		await expect(page.locator('#refoulement')).toBeInViewport();
	});

	test('"mexico" finds "México", and a place by a name it is known by', async ({ page }) => {
		await search(page, 'ciudad de mexico');
		await expect(resultLinks(page, 'places').first()).toContainText('Mexico City');
		await search(page, 'MERIDA');
		await expect(page.locator('.search-item mark').first()).toHaveText('Mérida');
	});

	test('a query with no match says so and suggests places and programs', async ({ page }) => {
		await search(page, 'zzqxwv');
		await expect(page.getByRole('status').filter({ hasText: 'No results for' })).toContainText('zzqxwv');
		const suggestion = page.locator('.search-suggest a', { hasText: 'Tapachula' });
		await expect(suggestion).toHaveAttribute('href', '/search/?q=Tapachula');
		await suggestion.click();
		await expect(page.locator('[data-search-results][data-search-done="true"]')).toBeAttached();
		await expect(resultLinks(page, 'places').first()).toBeVisible();
	});

	test('hostile queries are shown as text and never break the page', async ({ page }) => {
		const problems: string[] = [];
		page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
		page.on('dialog', (d) => {
			problems.push(`dialog: ${d.message()}`);
			void d.dismiss();
		});
		const script = '<script>alert(1)</script>';
		await search(page, script);
		await expect(page.locator('.search-status')).toContainText(`No results for ${script}.`);
		await expect(page.locator('[data-search-results] script, [data-search-results] img')).toHaveCount(0);
		await expect(page.locator('#search-page-input')).toHaveValue(script);

		for (const query of ['<img src=x onerror=alert(2)>', 'x'.repeat(10_000), '\u202Eevil\u200F \u0000 \uFFFF 🇲🇽 Z̸̡a̷l̵g̶o', '%ED%A0%80']) {
			await search(page, query);
			await expect(page.locator('.search-status')).toBeVisible();
		}
		// Percent-encoding that is not UTF-8 (a lone surrogate's bytes).
		await page.goto('/search/?q=%ED%A0%80%3Cb%3E');
		await expect(page.locator('[data-search-results][data-search-done="true"]')).toBeAttached();
		await expect(page.locator('.search-status')).toContainText('<b>');
		// A lone surrogate typed into the box (no URL can carry one).
		await page.locator('#search-page-input').evaluate((input: HTMLInputElement) => {
			input.value = 'Tapa\uD800chula \uDC00';
			input.dispatchEvent(new Event('input', { bubbles: true }));
		});
		await expect(page).toHaveURL(/q=Tapa%EF%BF%BDchula/);
		await expect(page.locator('[data-search-results][data-search-done="true"]')).toBeAttached();
		await expect(page.locator('.search-status')).toBeVisible();
		expect(problems).toEqual([]);
	});

	test('the address follows the query, so a search can be shared', async ({ page }) => {
		await search(page, '');
		await page.locator('#search-page-input').fill('La 72');
		await expect(page).toHaveURL(/\/search\/\?q=La(\+|%20)72$/);
		await expect(resultLinks(page, 'places').first()).toBeVisible();
		await page.reload();
		await expect(page.locator('#search-page-input')).toHaveValue('La 72');
		await expect(resultLinks(page, 'places').first()).toBeVisible();
	});

	test('nothing of the search loads on / until the reader searches; "/" focuses the box and Enter opens the search', async ({ page }) => {
		const requested: string[] = [];
		page.on('request', (r) => requested.push(new URL(r.url()).pathname));
		await page.goto('/');
		await page.waitForLoadState('networkidle');
		expect(requested.filter((p) => p.startsWith('/search/'))).toEqual([]);
		const chunks = await Promise.all(
			requested.filter((p) => p.endsWith('.js')).map(async (p) => (await page.request.get(p)).text())
		);
		expect(chunks.filter((js) => js.includes('serializationVersion')).length, 'no chunk of MiniSearch on /').toBe(0);

		await page.locator('body').press('/');
		await expect(page.locator('#site-search')).toBeFocused();
		await page.keyboard.type('refoulement');
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/search\/\?q=refoulement$/);
		await expect(page.locator('[data-search-results][data-search-done="true"]')).toBeAttached();
		expect(requested).toContain('/search/index.json');
	});

	test('a result’s snippet shows the words that matched, never the page’s breadcrumb', async ({ page }) => {
		for (const query of ['chiapas', 'remain in mexico', 'la 72']) {
			await search(page, query);
			const contexts = page.locator('[data-search-group="places"] .search-item__context');
			expect(await contexts.count(), query).toBeGreaterThan(2);
			for (const context of await contexts.allInnerTexts()) expect(context.trim(), query).not.toMatch(/^(…\s*)?Frontera\s·/);
		}
		// Tijuana's page says "in" near its top and "Remain in Mexico" further down: the snippet
		// shows where the query's words stand together, marked.
		await search(page, 'remain in mexico');
		const tijuana = page.locator('[data-search-group="places"] .search-item').filter({ has: page.locator('a[href="/places/tijuana/"]') });
		const marks = await tijuana.locator('.search-item__context mark').allInnerTexts();
		expect(marks.join(' ')).toMatch(/Remain in Mexico/);
	});

	test('axe finds no violations on /search/ with results shown', async ({ page }) => {
		await search(page, 'merida');
		await expect(resultLinks(page, 'sources').first()).toBeVisible();
		const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
		expect(results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);
	});
});

test.describe('timeline', () => {
	test('is in chronological order, each date in a <time datetime>, and every link lands', async ({ page }) => {
		await page.goto('/timeline/');
		const dates = await page.locator('[data-timeline] li[data-date]').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-date')!));
		expect(dates.length).toBeGreaterThan(30);
		expect([...dates].sort()).toEqual(dates);
		const datetimes = await page.locator('[data-timeline] li[data-date] time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')!));
		expect(datetimes.every((d) => /^\d{4}(-\d{2}(-\d{2})?)?$/.test(d))).toBe(true);
		// The first time of each item is its start.
		const firsts = await page.locator('[data-timeline] li[data-date]').evaluateAll((lis) => lis.map((li) => [li.getAttribute('data-date'), li.querySelector('time')?.getAttribute('datetime')]));
		for (const [date, time] of firsts) expect(time).toBe(date);
		// Events the sources state, in place.
		await expect(page.locator('#event-1 time')).toHaveAttribute('datetime', '1948');
		await expect(page.locator('li[data-kind="event"] time[datetime="2014"]')).toHaveCount(1);
		await expect(page.locator('li[data-kind="event"] time[datetime="2018-12-20"]')).toHaveCount(1);
		// Open and unknown ends are said, not dated.
		await expect(page.locator('#feature-programa-frontera-sur')).toContainText('no end given by the sources (latest source: 17 January 2022)');
		await expect(page.locator('main')).not.toContainText('in force');

		const hrefs = await page.locator('main .tl-item a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
		expect(hrefs.some((h) => /^\/sources\/[a-z0-9-]+\/#/.test(h))).toBe(true);
		expect(hrefs.some((h) => /^\/chapters\/[a-z0-9-]+\/$/.test(h))).toBe(true);
		await expectTargetsExist(page, hrefs);
	});

	test('filters by theme and by source with pressed buttons', async ({ page }) => {
		await page.goto('/timeline/');
		const items = page.locator('[data-timeline] .tl-item, [data-timeline-undated] .tl-item');
		const all = await items.count();
		const refuge = page.getByRole('button', { name: 'Refuge policy' });
		await refuge.click();
		await expect(refuge).toHaveAttribute('aria-pressed', 'true');
		await expect(page.getByRole('button', { name: 'All themes' })).toHaveAttribute('aria-pressed', 'false');
		const visible = page.locator('.tl-item:visible');
		const shown = await visible.count();
		expect(shown).toBeGreaterThan(0);
		expect(shown).toBeLessThan(all);
		for (const item of await visible.all()) await expect(item.locator('.tl-theme--refuge')).toBeVisible();
		await expect(page.getByRole('status')).toHaveText(`Showing ${shown} of ${all} items.`);

		await page.getByRole('button', { name: 'All themes' }).click();
		await page.getByRole('button', { name: 'KPBS' }).click();
		await expect(page.locator('#source-kpbs-2018')).toBeVisible();
		await expect(page.locator('#source-cnsnews-2017')).toBeHidden();
		await page.getByRole('button', { name: 'All sources' }).click();
		await expect(visible).toHaveCount(all);
	});

	test('axe finds no violations on /timeline/', async ({ page }) => {
		await page.goto('/timeline/');
		await page.getByRole('button', { name: 'Surveillance' }).click();
		const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']).analyze();
		expect(results.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`))).toEqual([]);
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the timeline is a readable, ordered list with everything shown', async ({ page }) => {
		await page.goto('/timeline/');
		const items = page.locator('.tl-item');
		expect(await items.count()).toBeGreaterThan(30);
		await expect(page.locator('.tl-item:visible')).toHaveCount(await items.count());
		await expect(page.locator('.tl-filters')).toHaveCount(0);
		await expect(page.locator('#event-1')).toContainText('Campos Ortiz');
	});

	test('the header search box still opens the search page', async ({ page }) => {
		await page.goto('/sources/');
		await page.locator('#site-search').fill('merida');
		await page.locator('#site-search').press('Enter');
		await expect(page).toHaveURL(/\/search\/\?q=merida$/);
		await expect(page.locator('noscript, main')).not.toHaveCount(0);
	});
});
