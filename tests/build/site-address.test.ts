/**
 * The site's address. The repository's build (./build) names none (site.config.js leaves `url`
 * empty), so it is a preview: every page says `noindex`, and none carries a canonical link or a
 * share URL that looks deployed, nor `localhost`. A copy of the project built with an address
 * (SITE_URL, the override a preview host would set) writes every canonical link, og:url and share
 * image as an absolute URL on that address, and says so at the end of its build.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyProject } from '../../tools/project-copy.js';
import { BUILD, requireBuild, siteFiles, tags, type Tag } from './site';

const ADDRESS = 'https://frontera.example.org';

/** Every page of a build: its path as served, its HTML and its tags. */
function pages(dir: string) {
	return siteFiles(dir)
		.filter((f) => f.endsWith('.html'))
		.map((file) => {
			const html = readFileSync(join(dir, file), 'utf8');
			const served = file === '/404.html' ? file : file.replace(/index\.html$/, '');
			return { file, served, html, tags: tags(html) };
		});
}

const meta = (list: Tag[], key: string) => list.filter((t) => t.name === 'meta' && (t.attrs.property ?? t.attrs.name) === key).map((t) => t.attrs.content ?? '');
const canonical = (list: Tag[]) => list.filter((t) => t.name === 'link' && t.attrs.rel === 'canonical').map((t) => t.attrs.href ?? '');

describe('a build without the site’s address is a preview', () => {
	beforeAll(requireBuild);

	it('every page says noindex once, and carries no canonical link, no og:url and no absolute share image', () => {
		const all = pages(BUILD);
		expect(all.length).toBeGreaterThan(40);
		for (const { file, tags: list } of all) {
			expect(meta(list, 'robots'), file).toEqual(['noindex']);
			expect(canonical(list), file).toEqual([]);
			expect(meta(list, 'og:url'), file).toEqual([]);
			for (const image of [...meta(list, 'og:image'), ...meta(list, 'twitter:image')]) expect(image, file).toMatch(/^\/[^/]/);
		}
	});

	it('no page names localhost', () => {
		for (const { file, html } of pages(BUILD)) expect(html, file).not.toMatch(/localhost|127\.0\.0\.1/);
	});
});

describe('a build with the site’s address', () => {
	let dir = '';
	let output = '';

	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'frontera-address-'));
		copyProject(dir);
		output = await new Promise<string>((resolve, reject) => {
			execFile('npx', ['vite', 'build'], { cwd: dir, timeout: 290_000, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, SITE_URL: `${ADDRESS}/` } }, (error, stdout, stderr) =>
				error ? reject(new Error(`${error.message}\n${stdout}\n${stderr}`)) : resolve(`${stdout}\n${stderr}`)
			);
		});
	}, 300_000);

	afterAll(() => {
		if (dir) rmSync(dir, { recursive: true, force: true });
	});

	it('writes every canonical link, og:url and share image as an absolute URL on that address', () => {
		const all = pages(join(dir, 'build'));
		expect(all.length).toBeGreaterThan(40);
		for (const { file, served, tags: list } of all) {
			if (file === '/404.html') {
				// Served at whatever address was unknown: it has no address of its own.
				expect(meta(list, 'robots'), file).toEqual(['noindex']);
				continue;
			}
			expect(meta(list, 'robots'), file).toEqual([]);
			expect(canonical(list), file).toEqual([`${ADDRESS}${served}`]);
			expect(meta(list, 'og:url'), file).toEqual([`${ADDRESS}${served}`]);
			for (const image of [...meta(list, 'og:image'), ...meta(list, 'twitter:image')]) expect(image, file).toMatch(new RegExp(`^${ADDRESS}/maps/[^/].*\\.png$`));
		}
		expect(all.filter((p) => meta(p.tags, 'og:image').length).length, 'pages with share images').toBeGreaterThan(30);
	});

	it('names the address at the end of the build', () => {
		expect(output).toContain(`Site address: ${ADDRESS}`);
	});
});
