/**
 * The kicker above every page's heading names the page itself: on the story's pages the story
 * ("Frontera"), on every other page the trail to it, read as its <title> reads backwards
 * ("Tijuana · Places · Frontera" → "Frontera · Places · Tijuana"). Every step but the last is a
 * link; the last is the page, marked as the current one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chapterFiles } from '../e2e/helpers';
import { BUILD, decodeEntities, requireBuild } from './site';

beforeAll(requireBuild);

const read = (path: string) => readFileSync(join(BUILD, path), 'utf8');
const text = (html: string) => decodeEntities(html.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();

function kicker(path: string) {
	const html = read(path);
	const found = [...html.matchAll(/<(p|nav)\b[^>]*\bclass="kicker[^"]*"[^>]*>([\s\S]*?)<\/\1>/g)];
	expect(found.length, `${path}: one kicker`).toBe(1);
	const inner = found[0]![2]!;
	const title = text(/<title>([\s\S]*?)<\/title>/.exec(html)![1]!);
	const items = [...inner.matchAll(/<li\b([^>]*)>([\s\S]*?)<\/li>/g)].map(([, attrs, body]) => ({
		current: /\baria-current="page"/.test(attrs!),
		href: /<a\b[^>]*href="([^"]*)"/.exec(body!)?.[1],
		label: text(body!).replace(/^·\s*/, '')
	}));
	return { text: text(inner), title, items };
}

const slug = chapterFiles()[4]!.slug;

describe('the kicker of every kind of page', () => {
	it.each([
		['index.html', 'Frontera'],
		[`chapters/${slug}/index.html`, 'Frontera']
	])('%s: the story names itself', (path, expected) => {
		expect(kicker(path).text).toBe(expected);
	});

	it.each([
		['timeline/index.html', 'Frontera · Timeline'],
		['search/index.html', 'Frontera · Search'],
		['sources/index.html', 'Frontera · Sources'],
		['sources/kpbs-2018/index.html', 'Frontera · Sources · Top Mexican Diplomat Defends US-Mexico Collaboration To Control Flows Of Asylum-Seekers'],
		['places/index.html', 'Frontera · Places'],
		['places/tijuana/index.html', 'Frontera · Places · Tijuana'],
		['programs/index.html', 'Frontera · Programs'],
		['programs/remain-in-mexico/index.html', 'Frontera · Programs · “Remain in Mexico”'],
		['404.html', 'Frontera · Page not found']
	])('%s reads “%s”, its title backwards, and ends on itself', (path, expected) => {
		const { text, title, items } = kicker(path);
		expect(text).toBe(expected);
		expect(text).toBe(title.split(' · ').reverse().join(' · '));
		expect(items.map((i) => i.label).join(' · ')).toBe(expected);
		const last = items.at(-1)!;
		expect(last.current, 'the last step is the page itself').toBe(true);
		expect(last.href, 'the page does not link to itself').toBeUndefined();
		expect(items.slice(0, -1).every((i) => i.href && !i.current), 'every step before it is a link').toBe(true);
		expect(items[0]!.href).toBe('/');
	});
});
