/**
 * Each chapter's HTML is sent once: in the markup of the story pages, never again as their data
 * (the inline hydration script or __data.json). So a page grows with the story once, not twice.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chapterFiles } from '../e2e/helpers';
import { BUILD, inlineScripts, requireBuild, siteFiles } from './site';

beforeAll(requireBuild);

const chapters = chapterFiles();
const everything = chapters.map((c) => `${c.yaml}\n${c.body}`.replace(/\s+/g, ' ')).join('\n');

/** A run of a chapter's own prose, as it appears in the built page, found nowhere else in the story's files. */
function sample({ body }: { body: string }): string {
	for (const p of body.split(/\n\s*\n/)) {
		const text = p.replace(/\{\{[^}]*\}\}|\[\^[^\]]*\]/g, '').replace(/[*_]/g, '').replace(/\s+/g, ' ').trim();
		for (let i = 0; i + 40 <= text.length; i += 10) {
			const words = text.slice(i, i + 40);
			if (!/["“”'’<>&]/.test(words) && everything.split(words).length === 2) return words;
		}
	}
	throw new Error('test setup: no sample of prose');
}

const count = (text: string, needle: string) => text.split(needle).length - 1;

describe('story pages', () => {
	for (const path of ['index.html', `chapters/${chapters[3]!.slug}/index.html`]) {
		it(`${path} holds each chapter's prose once, and none in its data`, () => {
			const html = readFileSync(join(BUILD, path), 'utf8');
			const data = inlineScripts(html).join('\n');
			// The page's text: place names in the prose are links, so tags come out first.
			const text = html.replace(/<script\b[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, '');
			for (const c of chapters) {
				const words = sample(c);
				expect(count(text, words), `${c.slug}: "${words}"`).toBe(1);
				expect(data, c.slug).not.toContain(words);
			}
		});
	}

	it('sends no chapter prose in the pages’ __data.json', () => {
		const file = join(BUILD, `chapters/${chapters[3]!.slug}/__data.json`);
		if (!existsSync(file)) return;
		const json = readFileSync(file, 'utf8');
		for (const c of chapters) expect(json, c.slug).not.toContain(sample(c));
	});
});

describe('the first screen of the story pages', () => {
	for (const [path, slug] of [
		['index.html', chapters[0]!.slug],
		[`chapters/${chapters[6]!.slug}/index.html`, chapters[6]!.slug]
	] as const)
		it(`${path} asks first for its own map picture, for each layout, and does not hold up its first paint for MapLibre's stylesheet`, () => {
			const html = readFileSync(join(BUILD, path), 'utf8');
			const head = html.slice(0, html.indexOf('</head>'));
			const links = [...head.matchAll(/<link\b[^>]*?(?:"[^"]*"[^>]*?)*>/g)].map((m) => m[0]);
			const first = links.findIndex((l) => / rel="(stylesheet|modulepreload)"/.test(l));
			const wide = links.findIndex((l) => l.includes(`href="/maps/wide/${slug}.webp"`) && l.includes('rel="preload"'));
			const phone = links.findIndex((l) => l.includes(`href="/maps/phone/${slug}.webp"`) && l.includes('rel="preload"'));
			expect(wide, 'wide picture preloaded').toBeGreaterThanOrEqual(0);
			expect(phone, 'phone picture preloaded').toBeGreaterThanOrEqual(0);
			expect(Math.max(wide, phone)).toBeLessThan(first);
			// Each layout asks for its own picture only: the media queries are each other's opposite.
			const media = (i: number) => /media="([^"]*)"/.exec(links[i]!)?.[1];
			expect(media(phone)).toBe(`not all and ${media(wide)}`);
			// After the viewport, which the media queries are read against.
			expect(head.indexOf(links[wide]!)).toBeGreaterThan(head.indexOf('name="viewport"'));
			expect(links.filter((l) => l.includes('rel="stylesheet"') && /maplibre/.test(l))).toEqual([]);
		});
});

describe('every page’s scripts', () => {
	const pages = siteFiles().filter((f) => f.endsWith('.html'));
	it('are asked for after the first paint: no module preload in a head, and the start-up script waits for the paint report', () => {
		expect(pages.length).toBeGreaterThan(20);
		for (const path of pages) {
			const html = readFileSync(join(BUILD, path), 'utf8');
			const head = html.slice(0, html.indexOf('</head>'));
			expect(head, path).not.toMatch(/<link\b[^>]*rel="modulepreload"/);
			const boot = inlineScripts(html).find((s) => s.includes('kit.start('));
			if (!boot) continue;
			expect(boot, path).toContain('"first-contentful-paint"');
			const imports = [...boot.matchAll(/\bimport\(/g)].length;
			expect(imports, path).toBeGreaterThan(0);
			expect([...boot.matchAll(/painted\.then\(\(\) => import\(/g)].length, `${path}: every import waits`).toBe(imports);
			// The policy allows the script as it now is.
			expect(head, path).toContain(`'sha256-${createHash('sha256').update(boot).digest('base64')}'`);
		}
	});
});
