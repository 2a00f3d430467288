/**
 * What the built pages say beyond the sources is marked as such: no measure is "still in force"
 * (the newest source is the furthest the story sees), a place's location is general knowledge, a
 * band along a border is ours. Read from the built files, as a reader gets them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BASIS_MARK } from '../../src/lib/content/basis';
import { formatDate } from '../../src/lib/content/dates.js';
import { BUILD, ROOT, decodeEntities, requireBuild, siteFiles } from './site';

beforeAll(requireBuild);

const read = (path: string) => readFileSync(join(BUILD, path), 'utf8');
/** A page's text as a reader sees it: markup and scripts out, entities decoded, spaces collapsed. */
const text = (html: string) =>
	decodeEntities(html.replace(/<(script|style)\b[\s\S]*?<\/\1>/g, ' ').replace(/<[^>]+>/g, ' '))
		.replace(/\s+/g, ' ')
		.trim();
const mark = (basis: keyof typeof BASIS_MARK) => `${BASIS_MARK[basis][0]!.toUpperCase()}${BASIS_MARK[basis].slice(1)}:`;

const features = ['enforcement', 'surveillance', 'refuge'].flatMap(
	(layer) => (JSON.parse(readFileSync(join(ROOT, 'geo', `${layer}.geojson`), 'utf8')) as { features: { properties: Record<string, unknown> }[] }).features
);
const latest = (parse(readFileSync(join(ROOT, 'seeds/sources.yaml'), 'utf8')) as { date: string }[]).map((s) => s.date).sort().at(-1)!;

describe('dates the sources do not close', () => {
	it('no page, data file or search index says a measure is still in force', () => {
		const files = siteFiles().filter((f) => /\.(html|json)$/.test(f));
		expect(files.length).toBeGreaterThan(40);
		for (const file of files) expect(read(file), file).not.toMatch(/still in force/i);
	});

	it('a measure without an end reads "no end given by the sources", up to the newest source in seeds/sources.yaml', () => {
		const open = features.filter((f) => f.properties.end === null);
		expect(open.length).toBeGreaterThan(0);
		for (const f of open) {
			const page = text(read(`programs/${f.properties.id}/index.html`));
			expect(page, String(f.properties.id)).toContain(`no end given by the sources (latest source: ${formatDate(latest)})`);
		}
		expect(text(read('timeline/index.html'))).toContain(`no end given by the sources (latest source: ${formatDate(latest)})`);
	});
});

describe('what is not from the sources is marked where it is shown', () => {
	it('every place page marks its location as general knowledge', () => {
		const gazetteer = JSON.parse(readFileSync(join(ROOT, 'geo/gazetteer.json'), 'utf8')) as { id: string; location: string }[];
		for (const place of gazetteer) expect(text(read(`places/${place.id}/index.html`)), place.id).toContain(`${mark('general')} ${place.location}`);
	});

	it('a program page marks a band of our width as ours, and a point at a place as general knowledge', () => {
		for (const f of features) {
			const page = text(read(`programs/${f.properties.id}/index.html`));
			const expected = { zone: mark('ours'), place: mark('general') }[String(f.properties.scope)];
			if (expected) expect(page, String(f.properties.id)).toContain(`${expected} ${String(f.properties.extent).replace(/\s+/g, ' ')}`);
			else expect(page, String(f.properties.id)).not.toMatch(/Computed by Frontera:|General knowledge, not from the sources:/);
		}
	});

	it('the official name the sources lack is only in an editor’s note that marks it', () => {
		for (const file of ['index.html', 'programs/remain-in-mexico/index.html', 'sources/moctezuma-2022/index.html']) {
			const page = text(read(file));
			for (const m of page.matchAll(/Migrant Protection Protocols/g))
				expect(page.slice(m.index - 60, m.index + 100), file).toMatch(/Editor's note:[\s\S]*general knowledge, not from the sources/);
		}
	});
});
