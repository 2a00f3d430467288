/**
 * Quality checks of the production build, served over HTTP: accessibility (axe), the content
 * security policy, hostile and broken URLs, a lost WebGL context, and memory over a long read.
 * (HTML validity and dead links are checked on the files of build/: tests/build/.)
 */
import { createHash } from 'node:crypto';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type ConsoleMessage, type Dialog, type Page, type Request } from '@playwright/test';
import { changedFraction, chapterFiles, distinctColours, mapIdle, screenshotPixels, scrollToChapter } from './helpers';

const chapters = chapterFiles();
const middle = chapters[Math.floor(chapters.length / 2)]!;
const SOURCE = 'kpbs-2018';

/** Opens the legend if it is closed (it starts open only on very wide screens). */
async function openLegend(page: Page): Promise<void> {
	const button = page.getByRole('button', { name: /^Layers/ });
	if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
	await expect(page.locator('#legend-panel')).toBeVisible();
}

/**
 * Collects everything that would show a reader or a developer that something went wrong:
 * uncaught errors, console errors and warnings, dialogs (alert(1) payloads). `stop()` detaches.
 */
function watchProblems(page: Page): string[] & { stop: () => void } {
	const problems: string[] = [];
	const onError = (e: Error) => problems.push(`uncaught: ${e.message}`);
	const onConsole = (m: ConsoleMessage) => {
		if (m.type() === 'error' || m.type() === 'warning') problems.push(`console.${m.type()}: ${m.text()}`);
	};
	const onDialog = (d: Dialog) => {
		problems.push(`dialog: ${d.message()}`);
		void d.dismiss();
	};
	page.on('pageerror', onError);
	page.on('console', onConsole);
	page.on('dialog', onDialog);
	// Not enumerable: the list still compares equal to [] when nothing went wrong.
	return Object.defineProperty(problems, 'stop', {
		value: () => {
			page.off('pageerror', onError);
			page.off('console', onConsole);
			page.off('dialog', onDialog);
		}
	}) as string[] & { stop: () => void };
}

// ─── Accessibility ───────────────────────────────────────────────────────────────────────────

test.describe('accessibility (axe)', () => {
	// WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices (landmarks, heading order, …).
	const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

	async function expectNoViolations(page: Page, state: string): Promise<void> {
		const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
		const found = results.violations.flatMap((v) => v.nodes.map((n) => `${state}: ${v.id} (${v.impact}) ${v.help}: ${n.target.join(' ')}`));
		expect(found).toEqual([]);
		// Proof that the rules really ran on real content.
		expect(results.passes.length, `${state}: axe ran its rules`).toBeGreaterThan(15);
	}

	/**
	 * The map's interactive state: legend open, every layer switched on (so the reader's
	 * override and its reset button show, and explore mode has features to list), explore mode,
	 * then one feature opened.
	 */
	async function checkExploring(page: Page, where: string): Promise<void> {
		await openLegend(page);
		const off = page.locator('#legend-panel button[aria-pressed="false"]');
		for (let left = await off.count(); left > 0; left--) {
			await off.first().click();
			await mapIdle(page);
		}
		await expect(off).toHaveCount(0);
		await expect(page.getByRole('button', { name: 'Back to the story’s layers' })).toBeVisible();
		await page.getByRole('button', { name: 'Explore the map' }).click();
		const panel = page.getByRole('region', { name: 'Exploring the map' });
		await expect(panel).toBeVisible();
		await mapIdle(page);
		await expectNoViolations(page, `${where}, exploring`);
		const feature = panel.locator('.explore__list button').first();
		await expect(feature).toBeVisible();
		await feature.click();
		await expect(panel.getByRole('heading', { level: 3 })).toBeFocused();
		await expectNoViolations(page, `${where}, exploring a feature`);
	}

	test('the story at /: as opened, and exploring the map', async ({ page }) => {
		test.setTimeout(120_000);
		await page.goto('/');
		await mapIdle(page);
		await expectNoViolations(page, '/');
		await checkExploring(page, '/');
	});

	test('a chapter deep link: as opened, and exploring the map', async ({ page }) => {
		test.setTimeout(120_000);
		await page.goto(`/chapters/${middle.slug}/`);
		await mapIdle(page, middle.slug);
		await expectNoViolations(page, `/chapters/${middle.slug}/`);
		await checkExploring(page, `/chapters/${middle.slug}/`);
	});

	test.describe('on a phone', () => {
		test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
		test('the story: as opened, and exploring the map', async ({ page }) => {
			test.setTimeout(120_000);
			await page.goto('/');
			await mapIdle(page);
			await expectNoViolations(page, 'phone /');
			await checkExploring(page, 'phone /');
		});
	});

	test('a source reader page, opened at a cited passage', async ({ page }) => {
		await page.goto(`/sources/${SOURCE}/`);
		const anchor = await page.locator('mark.passage[id]').first().getAttribute('id');
		await page.goto(`/sources/${SOURCE}/#${anchor}`);
		await expect(page.locator('mark.passage.is-target').first()).toBeVisible();
		await expectNoViolations(page, `/sources/${SOURCE}/#${anchor}`);
	});

	test('the source index and the 404 page', async ({ page }) => {
		await page.goto('/sources/');
		await expectNoViolations(page, '/sources/');
		const response = await page.goto('/chapters/no-such-chapter/');
		expect(response?.status()).toBe(404);
		await expectNoViolations(page, '404');
	});
});

// ─── Content Security Policy ─────────────────────────────────────────────────────────────────

/** The directives of the policy in a page's <meta http-equiv="content-security-policy">. */
function policyOf(html: string): Map<string, string[]> {
	const metas = [...html.matchAll(/<meta http-equiv="content-security-policy" content="([^"]*)"/gi)];
	expect(metas, 'exactly one CSP meta tag').toHaveLength(1);
	return new Map(
		metas[0]![1]!
			.split(';')
			.map((d) => d.trim().split(/\s+/))
			.filter((d) => d[0])
			.map(([name, ...values]) => [name!, values])
	);
}

test.describe('content security policy', () => {
	test('every page carries a strict policy: scripts by hash only, nothing from elsewhere', async ({ request }) => {
		const pages = ['/', ...chapters.map((c) => `/chapters/${c.slug}/`), '/sources/', `/sources/${SOURCE}/`, '/404.html'];
		for (const path of pages) {
			const html = await (await request.get(path)).text();
			const policy = policyOf(html);
			const where = `${path}: `;
			expect(policy.get('default-src'), `${where}default-src`).toEqual(["'self'"]);
			expect(policy.get('object-src'), `${where}object-src`).toEqual(["'none'"]);
			expect(policy.get('base-uri'), `${where}base-uri`).toEqual(["'self'"]);
			expect(policy.get('form-action'), `${where}form-action`).toEqual(["'self'"]);
			// Scripts: our own files, and each inline script by its hash. No eval, no inline.
			const scripts = policy.get('script-src')!;
			expect(scripts[0]).toBe("'self'");
			for (const value of scripts.slice(1)) expect(value, `${where}script-src`).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
			const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
			expect(scripts.slice(1).sort(), `${where}each inline script is allowed by its own hash, nothing more`).toEqual(inline.sort());
			for (const [name, values] of policy) {
				expect(values, `${where}${name}`).not.toContain("'unsafe-eval'");
				expect(values, `${where}${name}`).not.toContain("'wasm-unsafe-eval'");
				expect(values, `${where}${name}`).not.toContain('*');
				expect(values.filter((v) => /^(https?:|\*\.|[a-z0-9.-]+\.[a-z]{2,})/i.test(v)), `${where}${name}: no other host`).toEqual([]);
				if (name !== 'style-src-attr') expect(values, `${where}${name}`).not.toContain("'unsafe-inline'");
			}
			// Styles: our stylesheet only; one inline style attribute (SvelteKit's route announcer) by hash.
			expect(policy.get('style-src')).toEqual(["'self'"]);
			expect(policy.get('style-src-attr')?.filter((v) => !v.startsWith("'sha256-"))).toEqual(["'unsafe-hashes'"]);
			// MapLibre: its worker file (ours), its data (ours), its control icons (data: images).
			expect(policy.get('worker-src')).toEqual(["'self'"]);
			expect(policy.get('connect-src')).toEqual(["'self'"]);
			expect(policy.get('img-src')).toEqual(["'self'", 'data:']);
			expect(policy.get('frame-src')).toEqual(["'none'"]);
		}
	});

	test('reading the whole story, exploring the map and the sources raises no violation', async ({ page }) => {
		test.setTimeout(150_000);
		const violations: string[] = [];
		await page.exposeBinding('__reportCspViolation', (_source, v: string) => void violations.push(v));
		await page.addInitScript(() => {
			document.addEventListener('securitypolicyviolation', (e) => {
				(window as unknown as { __reportCspViolation: (v: string) => void }).__reportCspViolation(
					`${location.pathname}: ${e.effectiveDirective} blocked ${e.blockedURI} ${e.sample}`
				);
			});
		});
		const problems = watchProblems(page);

		// The policy is enforced, and the listener hears it: an injected inline script is refused.
		await page.goto('/');
		await mapIdle(page);
		const injected = 'window.__injected = true';
		const ran = await page.evaluate(async (code) => {
			const script = document.createElement('script');
			script.textContent = code;
			document.body.append(script);
			await new Promise((r) => setTimeout(r, 100));
			return (window as unknown as { __injected?: boolean }).__injected === true;
		}, injected);
		expect(ran).toBe(false);
		const isInjected = (v: string) => /^\/: script-src(-elem)? blocked inline/.test(v);
		await expect.poll(() => violations.filter(isInjected).length).toBe(1);
		violations.splice(violations.findIndex(isInjected), 1);
		// Chromium also logs it, naming the hash the script would need: that message is expected.
		const injectedHash = createHash('sha256').update(injected).digest('base64');
		const refused = () => problems.filter((p) => /Content Security Policy|Refused to/i.test(p) && !p.includes(injectedHash));

		// The story, chapter by chapter.
		for (const c of chapters) {
			await scrollToChapter(page, c.slug);
			await mapIdle(page, c.slug);
		}
		// Layers: a toggle, and back to the story's layers.
		await openLegend(page);
		await page.locator('#legend-panel button[aria-pressed]').first().click();
		await mapIdle(page);
		await page.getByRole('button', { name: 'Back to the story’s layers' }).click();
		await mapIdle(page);
		// Explore: pan and zoom, open a feature, follow its passage to the source reader.
		await page.getByRole('button', { name: 'Explore the map' }).click();
		const canvas = page.locator('.map-canvas canvas');
		const box = (await canvas.boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await page.mouse.down();
		await page.mouse.move(box.x + box.width / 2 - 80, box.y + box.height / 2 - 40, { steps: 5 });
		await page.mouse.up();
		await page.getByRole('button', { name: 'Zoom in' }).click();
		await mapIdle(page);
		const panel = page.getByRole('region', { name: 'Exploring the map' });
		await panel.locator('.explore__list button').first().click();
		await panel.getByRole('link', { name: 'Read it in the source' }).first().click();
		await expect(page).toHaveURL(/\/sources\/[a-z0-9-]+\/#[a-z0-9-]+$/);
		await expect(page.locator('mark.passage.is-target').first()).toBeVisible();
		// Back into the story from the source, and to the sources index and the 404 page.
		await page.locator('.cited-in a').first().click();
		await expect(page).toHaveURL(/\/chapters\/[a-z0-9-]+\/$/);
		await mapIdle(page);
		await page.getByRole('button', { name: /Copy link/ }).click();
		await page.goto('/sources/');
		await page.goto('/chapters/no-such-chapter/');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

		expect(violations).toEqual([]);
		expect(refused()).toEqual([]);
	});
});

// ─── Hostile and broken URLs ─────────────────────────────────────────────────────────────────

test.describe('bad URLs', () => {
	/** Loads a URL and returns what went wrong: errors, dialogs, script that ran, markup that got in. */
	async function visit(page: Page, url: string, ready: () => Promise<void>): Promise<string[]> {
		const problems = watchProblems(page);
		const strays: string[] = [];
		// The payloads point at "x": a request for it means the markup was parsed somewhere.
		const onRequest = (r: Request) => void (/\/x$/.test(new URL(r.url()).pathname) && strays.push(`request for ${r.url()}`));
		page.on('request', onRequest);
		const response = await page.goto(url);
		await ready();
		problems.stop();
		page.off('request', onRequest);
		const pwned = await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
		if (pwned !== undefined) problems.push('injected script ran');
		const injected = await page.evaluate(
			() =>
				document.querySelectorAll('img[src="x"], [onerror], [onload]').length +
				[...document.querySelectorAll('script')].filter((s) => /__pwned|alert\(/.test(s.textContent ?? '')).length
		);
		if (injected) problems.push(`${injected} injected element(s) in the page`);
		// The document itself answering 404 is logged by Chromium as a failed resource: expected.
		const status = response?.status();
		return [...problems, ...strays].filter((p) => !(status === 404 && /^console\.error: Failed to load resource: .*404/.test(p)));
	}

	const SCRIPT = encodeURIComponent('<script>window.__pwned=1</script>');
	const IMG = encodeURIComponent('<img src=x onerror=window.__pwned=1>');

	test('junk and script text in ?layers= and the hash of the story are ignored', async ({ page }) => {
		// The same chapter opened cleanly: which layers it shows.
		await page.goto(`/chapters/${middle.slug}/`);
		await mapIdle(page, middle.slug);
		await openLegend(page);
		const pressed = () => page.locator('#legend-panel button[aria-pressed]').evaluateAll((bs) => bs.map((b) => `${b.getAttribute('data-layer')}=${b.getAttribute('aria-pressed')}`));
		const clean = await pressed();

		const urls = [
			`/?layers=${SCRIPT},__proto__,constructor,-toString,%25,,,-&layers=${IMG}#${IMG}`,
			`/chapters/${middle.slug}/?layers=${'a'.repeat(5000)}#${SCRIPT}`,
			`/chapters/${middle.slug}/?layers=%E0%A4%A&x=%#%E0%A4%A`,
			`/chapters/${middle.slug}/?layers[]=1&layers=-,--,-%20#javascript:window.__pwned=1`
		];
		for (const url of urls) {
			const problems = await visit(page, url, async () => {
				await mapIdle(page);
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			});
			expect(problems, url).toEqual([]);
			if (url.includes(middle.slug)) {
				await mapIdle(page, middle.slug);
				await openLegend(page);
				expect(await pressed(), `${url}: the chapter's own layers`).toEqual(clean);
			}
			// Nothing of the junk is written back into the address.
			expect(decodeURIComponent(new URL(page.url()).search), url).not.toMatch(/script|img|proto|aaaa/);
		}
	});

	test('junk and script text in the hash of a source page are ignored', async ({ page }) => {
		const hashes = [
			'%3Cimg%20src=x%20onerror=alert(1)%3E',
			'nonexistent',
			IMG,
			SCRIPT,
			'%E0%A4%A', // not valid percent-encoding
			'%',
			'passage%00%22%27%3E'
		];
		for (const hash of hashes) {
			const url = `/sources/${SOURCE}/#${hash}`;
			const problems = await visit(page, url, async () => {
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
				await page.waitForLoadState('networkidle');
			});
			expect(problems, url).toEqual([]);
			await expect(page.locator('mark.is-target'), url).toHaveCount(0);
		}
		// The hash changing after load is read the same careful way.
		const problems = watchProblems(page);
		for (const hash of ['%E0%A4%A', IMG, 'nonexistent']) {
			await page.evaluate((h) => (location.hash = h), hash);
			await page.waitForTimeout(100);
		}
		expect(problems).toEqual([]);
		await expect(page.locator('mark.is-target')).toHaveCount(0);
	});

	test('an unknown chapter gets the 404 page, whatever the query and hash', async ({ page }) => {
		for (const url of ['/chapters/no-such-chapter/', `/chapters/${SCRIPT}/?layers=${IMG}#${IMG}`, '/chapters/%E0%A4%A/', `/sources/no-such-source/#${IMG}`]) {
			const problems = await visit(page, url, async () => {
				await expect(page.getByRole('heading', { level: 1 })).toContainText(/no page/i);
			});
			const response = await page.request.get(url);
			expect(response.status(), url).toBe(404);
			expect(problems, url).toEqual([]);
			await expect(page.getByRole('link', { name: /start the story/i })).toHaveAttribute('href', '/');
		}
		// A chapter may share its title with a program ("Programa Frontera Sur"): the chapters' list.
		const list = page.getByRole('navigation', { name: 'Chapters' });
		for (const c of chapters) await expect(list.getByRole('link', { name: c.title, exact: true })).toHaveAttribute('href', `/chapters/${c.slug}/`);
	});
});

// ─── Faults ──────────────────────────────────────────────────────────────────────────────────

test('a lost WebGL context comes back, and the map draws the same picture again', async ({ page }) => {
	test.setTimeout(90_000);
	const problems = watchProblems(page);
	const [target, next] = [chapters[2]!, chapters[3]!];
	const canvas = page.locator('.map-canvas canvas');
	type Lose = { __loseContext: WEBGL_lose_context };
	/** Loses the context, as a GPU reset or a driver update would; resolves once it is lost. */
	async function lose() {
		await canvas.evaluate((c: HTMLCanvasElement) => {
			const ext = c.getContext('webgl2')!.getExtension('WEBGL_lose_context')!;
			(window as unknown as Lose).__loseContext = ext;
			ext.loseContext();
		});
		await expect.poll(() => canvas.evaluate((c: HTMLCanvasElement) => c.getContext('webgl2')!.isContextLost())).toBe(true);
		// Not idle (nothing drawn) until the context is back.
		await expect(page.locator('.map-canvas')).toHaveAttribute('data-map-idle', 'false');
	}
	const restore = () => page.evaluate(() => (window as unknown as Lose).__loseContext.restoreContext());

	// The next chapter's picture, for the second round.
	await page.goto(`/chapters/${next.slug}/`);
	await mapIdle(page, next.slug);
	const nextPicture = await screenshotPixels(canvas);

	await page.goto(`/chapters/${target.slug}/`);
	await mapIdle(page, target.slug);
	const before = await screenshotPixels(canvas);
	expect(distinctColours(before)).toBeGreaterThan(8);

	await lose();
	// The map really is gone while the context is lost (so the comparison below means something).
	expect(changedFraction(before, await screenshotPixels(canvas))).toBeGreaterThan(0.2);
	await restore();
	await mapIdle(page, target.slug);
	const after = await screenshotPixels(canvas);
	const changed = changedFraction(before, after);
	console.log(`context loss: ${distinctColours(after)} colours after restore; ${(changed * 100).toFixed(2)}% of pixels differ from before the loss`);
	expect(distinctColours(after)).toBeGreaterThan(8);
	// The same view redrawn is the same picture, pixel for pixel (0.00% measured). The margin is
	// far below what losing the chapter's highlight costs (its heavy outline: 1.3% of pixels).
	expect(changed).toBeLessThan(0.005);

	// Lost again, and the reader scrolls on meanwhile: the chapter reached while the map was
	// gone is the one drawn when it comes back.
	await lose();
	await scrollToChapter(page, next.slug);
	await expect(page).toHaveURL(new RegExp(`/chapters/${next.slug}/$`));
	await restore();
	await mapIdle(page, next.slug);
	expect(changedFraction(nextPicture, await screenshotPixels(canvas))).toBeLessThan(0.02);
	expect(problems).toEqual([]);
});

// ─── Memory ──────────────────────────────────────────────────────────────────────────────────

test.describe('memory', () => {
	// A smaller window (still the wide layout, map beside the text): software WebGL draws each
	// view in proportion to the canvas's pixels, and this test draws 280 of them.
	test.use({ viewport: { width: 960, height: 540 } });

	test('ten readings of the whole story, down and up, leave the heap where the first left it', async ({ page }) => {
		// About 90 s on an idle two-core machine; the timeout leaves room for a busy one.
		test.setTimeout(300_000);
		// Camera jumps instead of 1.4 s flights: the same views, ten times faster.
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto('/');
		await mapIdle(page);
		const cdp = await page.context().newCDPSession(page);

		async function measure() {
			// Twice: the first collection can leave objects that only become garbage after it.
			await cdp.send('HeapProfiler.collectGarbage');
			await cdp.send('HeapProfiler.collectGarbage');
			const { usedSize } = await cdp.send('Runtime.getHeapUsage');
			const { nodes, jsEventListeners } = await cdp.send('Memory.getDOMCounters');
			return { heap: usedSize, nodes, listeners: jsEventListeners };
		}
		async function readDownAndUp() {
			for (const c of chapters) {
				await scrollToChapter(page, c.slug);
				await mapIdle(page, c.slug);
			}
			for (const c of [...chapters].reverse()) {
				await scrollToChapter(page, c.slug);
				await mapIdle(page, c.slug);
			}
		}

		const started = Date.now();
		await readDownAndUp();
		const first = await measure();
		for (let pass = 2; pass <= 10; pass++) await readDownAndUp();
		const last = await measure();

		const mb = (n: number) => `${(n / 2 ** 20).toFixed(2)} MB`;
		const growth = last.heap - first.heap;
		// Margin: 20% of the first pass's heap or 5 MB, whichever is larger. A leak of anything
		// per chapter shown (a marker, a listener, a GeoJSON copy, a tile) would be multiplied by
		// the 252 views of the nine further passes and land far above it; what stays below it is
		// caches filling and the garbage collector's own slack.
		const margin = Math.max(0.2 * first.heap, 5 * 2 ** 20);
		console.log(
			`memory: heap after pass 1 ${mb(first.heap)}, after pass 10 ${mb(last.heap)}, growth ${mb(growth)} ` +
				`(${((growth / first.heap) * 100).toFixed(1)}%, margin ${mb(margin)}); DOM nodes ${first.nodes} → ${last.nodes}; ` +
				`listeners ${first.listeners} → ${last.listeners}; ${chapters.length * 2 * 10} views in ${((Date.now() - started) / 1000).toFixed(0)} s`
		);
		expect(growth).toBeLessThan(margin);
		// The page does not pile up elements or listeners either (markers come and go with chapters).
		expect(last.nodes).toBeLessThanOrEqual(first.nodes + 50);
		expect(last.listeners).toBeLessThanOrEqual(first.listeners + 10);
	});
});
