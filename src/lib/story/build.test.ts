import type { Feature, FeatureCollection, Point } from 'geojson';
import { booleanPointInPolygon, point } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { ContentError } from '$lib/content/errors';
import { THEMATIC_LAYERS } from '$lib/layers/props';
import { LAYERS, type LayerDef } from '$lib/layers/registry';
import { parseLayerFile } from '$lib/layers/features';
import { bodyText } from '$lib/sources/corpus';
import { buildStory, type StoryInputs } from './build';
import {
	CHAPTER_DIR,
	PASSAGES_FILE,
	collapse,
	joinChapter,
	occurrences,
	realInputs,
	realStory,
	splitChapter
} from '../../../tests/unit/real-story';

// ---------------------------------------------------------------------------------------------
// Helpers that derive every fixture from the real files.

const base = realInputs();
const chapterKeys = Object.keys(base.chapters).sort();
const fileOf = (key: string) => key.replace(/^\//, '');
const [firstKey, secondKey] = chapterKeys as [string, string];

/** Edits the frontmatter and/or body of chapter `key` in `inputs`. */
function editChapter(
	inputs: StoryInputs,
	key: string,
	edit: (data: Record<string, unknown>, body: string) => string | void
) {
	const { data, body } = splitChapter(inputs.chapters[key]!);
	const newBody = edit(data, body);
	inputs.chapters[key] = joinChapter(data, newBody ?? body);
}

const citationsOf = (data: Record<string, unknown>) => data.citations as Record<string, unknown>[];
const listOf = (data: Record<string, unknown>, field: string) => data[field] as unknown[];

/** The line of `needle` in `body`, counted from 1 the way an editor counts it. */
const lineOf = (body: string, needle: string) => body.slice(0, body.indexOf(needle)).split('\n').length;


const sourceById = (id: string) => {
	const source = base.sources.find((s) => s.id === id);
	if (!source) throw new Error(`no source ${id}`);
	return source;
};

const firstChapterData = splitChapter(base.chapters[firstKey]!).data;
/** The first chapter that defines passages in its frontmatter, and its first citation. */
const citingKey = chapterKeys.find((key) => (citationsOf(splitChapter(base.chapters[key]!).data) ?? []).length > 0)!;
const citingData = splitChapter(base.chapters[citingKey ?? firstKey]!).data;
const firstCitation = (citationsOf(citingData) ?? [])[0] ?? {};
const citationCount = (key: string) => (citationsOf(splitChapter(base.chapters[key]!).data) ?? []).length;
/** Adds a citation to a chapter, creating the list if it has none. */
const addCitation = (data: Record<string, unknown>, citation: Record<string, unknown>) =>
	void (data.citations = [...(citationsOf(data) ?? []), citation]);

// A thematic layer, when the registry has one with features; otherwise parseLayerFile is
// tested directly on a fake thematic layer built from real ids and coordinates.
const thematic: LayerDef | undefined = LAYERS.find(
	(l) => l.kind === 'thematic' && base.layerFiles[l.data] && (JSON.parse(base.layerFiles[l.data]!) as FeatureCollection).features.length > 0
);
const reference = LAYERS[0]!;
const referenceFeatureId = (i: number) => (JSON.parse(base.layerFiles[reference.data]!) as FeatureCollection).features[i]!.properties!.id as string;

const realPassageIds = () => new Set(realStory().passages.keys());
const gazetteer = base.gazetteer.raw as { id: string; coordinates: [number, number]; within: string; name: string; aliases: string[] }[];

function fakeThematicFile(edit: (props: Record<string, unknown>) => void = () => {}): string {
	const place = gazetteer[0]!;
	const feature: Feature<Point> = {
		type: 'Feature',
		geometry: { type: 'Point', coordinates: place.coordinates },
		properties: {
			id: 'fake-feature',
			layer: 'fake-thematic',
			name: 'A feature',
			program: 'A program',
			start: '2014-07',
			end: null,
			summary: 'One line.',
			passages: [[...realPassageIds()][0]]
		}
	};
	edit(feature.properties as Record<string, unknown>);
	return JSON.stringify({ type: 'FeatureCollection', features: [feature] });
}
const FAKE_FILE = 'geo/fake-thematic.geojson';
const fakeLayer = { id: 'fake-thematic', kind: 'thematic' as const };

/** A bad-input case: feeds something to buildStory (or parseLayerFile) and names the expected file and field. */
interface Case {
	name: string;
	run: () => unknown;
	file: string;
	field: string;
	reason: RegExp;
	/** The line of the file the message must name, where the case expects one. */
	line?: number;
}

/** A case that runs buildStory on the real inputs after `mutate`. */
function story(name: string, mutate: (inputs: StoryInputs) => void, file: string, field: string, reason: RegExp, line?: number): Case {
	return {
		name,
		file,
		field,
		reason,
		line,
		run: () => {
			const inputs = realInputs();
			mutate(inputs);
			return buildStory(inputs);
		}
	};
}

/** A case about a feature of a thematic layer: through buildStory when one exists, else parseLayerFile. */
function thematicCase(name: string, edit: (props: Record<string, unknown>) => void, field: string, reason: RegExp): Case {
	if (thematic) {
		return story(
			name,
			(inputs) => {
				const fc = JSON.parse(inputs.layerFiles[thematic.data]!) as FeatureCollection;
				edit(fc.features[0]!.properties as Record<string, unknown>);
				inputs.layerFiles[thematic.data] = JSON.stringify(fc);
			},
			`geo/${thematic.data}`,
			`features[0].properties.${field}`,
			reason
		);
	}
	return {
		name: `${name} (fake thematic layer, parseLayerFile)`,
		file: FAKE_FILE,
		field: `features[0].properties.${field}`,
		reason,
		run: () => parseLayerFile(fakeThematicFile(edit), FAKE_FILE, fakeLayer, realPassageIds())
	};
}

function expectContentError(run: () => unknown, file: string, field: string, reason: RegExp, line?: number): ContentError {
	let thrown: unknown;
	try {
		run();
	} catch (error) {
		thrown = error;
	}
	expect(thrown, 'the bad input was accepted').toBeInstanceOf(ContentError);
	const error = thrown as ContentError;
	expect(error.message).toContain(file);
	expect(error.message).toContain(field);
	const at = error.line ? `:${error.line}${error.column ? `:${error.column}` : ''}` : '';
	expect(error.message.startsWith(`${file}${at}: ${field}: `), error.message).toBe(true);
	expect(error.file).toBe(file);
	expect(error.field).toBe(field);
	expect(error.message).toMatch(reason);
	if (line !== undefined) expect(error.line, error.message).toBe(line);
	return error;
}

// ---------------------------------------------------------------------------------------------
// The premises the table relies on, checked on the real files.

const AMBIGUOUS = { source: 'open-letter-2018', phrase: 'Remain in Mexico' };
const FURNITURE = { source: 'kpbs-2018', phrase: 'San Diego News Now podcast branding' };
const CURLY = { source: 'cnsnews-2017', phrase: 'securing Mexico’s southern border' };

describe('premises of the bad-input table', () => {
	it('the real files have at least two chapters, and one defines passages in its frontmatter', () => {
		expect(chapterKeys.length).toBeGreaterThanOrEqual(2);
		expect(citingKey).toBeDefined();
		expect(firstCitation.quote).toEqual(expect.any(String));
	});

	it(`"${AMBIGUOUS.phrase}" occurs more than once in the body of ${AMBIGUOUS.source}`, () => {
		expect(occurrences(collapse(bodyText(sourceById(AMBIGUOUS.source))), AMBIGUOUS.phrase).length).toBeGreaterThan(1);
	});

	it(`"${FURNITURE.phrase}" is in the seed file of ${FURNITURE.source}, but not in its body`, () => {
		const source = sourceById(FURNITURE.source);
		expect(source.text).toContain(FURNITURE.phrase);
		expect(bodyText(source)).not.toContain(FURNITURE.phrase);
	});

	it(`"${CURLY.phrase}" is in ${CURLY.source} with a curly apostrophe only`, () => {
		const body = bodyText(sourceById(CURLY.source));
		expect(body).toContain(CURLY.phrase);
		expect(body).not.toContain(CURLY.phrase.replace('’', "'"));
	});
});

// ---------------------------------------------------------------------------------------------
// The good baseline.

describe('buildStory on the real content', () => {
	it('builds without error, one chapter per file, in file order, with unique slugs', () => {
		const built = buildStory(realInputs());
		expect(built.chapters).toHaveLength(chapterKeys.length);
		expect(built.chapters.map((c) => c.index)).toEqual(chapterKeys.map((_, i) => i));
		expect(new Set(built.chapters.map((c) => c.slug)).size).toBe(chapterKeys.length);
		for (const [i, key] of chapterKeys.entries()) {
			const { data } = splitChapter(base.chapters[key]!);
			expect(built.chapters[i]!.title).toBe(String(data.title).trim());
		}
	});

	it('still builds after every chapter goes through the test helpers unchanged (so the table tests only its mutation)', () => {
		const inputs = realInputs();
		for (const key of chapterKeys) editChapter(inputs, key, () => {});
		expect(() => buildStory(inputs)).not.toThrow();
	});

	it('renders every quote of every chapter, escaped, linked to its passage', () => {
		const built = realStory();
		const escape = (s: string) =>
			s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
		let quotes = 0;
		for (const [i, key] of chapterKeys.entries()) {
			const { body } = splitChapter(base.chapters[key]!);
			const html = built.chapters[i]!.html;
			for (const [, form, id] of body.matchAll(/\{\{(q|quote):([^}\s]*)\}\}/g)) {
				const passage = built.passages.get(id!)!;
				expect(passage, id).toBeDefined();
				const href = `/sources/${passage.source}/#${id}`;
				if (form === 'q') {
					expect(html).toContain(`<q cite="${href}">${escape(passage.exact.replace(/\s+/g, ' '))}</q>`);
				} else {
					const start = html.indexOf(`<blockquote cite="${href}">`);
					expect(start, `${key}: blockquote ${id}`).toBeGreaterThanOrEqual(0);
					const inner = html.slice(start, html.indexOf('</blockquote>', start));
					for (const paragraph of passage.exact.split(/\n\s*\n/)) expect(inner).toContain(`<p>${escape(collapse(paragraph))}</p>`);
				}
				quotes++;
			}
			// No citation syntax survives rendering.
			expect(html).not.toMatch(/\{\{|\[\^/);
		}
		expect(quotes).toBeGreaterThan(0);
	});

	it('numbers the notes of each chapter 1…n in order of first citation, linking to the passages', () => {
		const built = realStory();
		for (const [i, key] of chapterKeys.entries()) {
			const { body } = splitChapter(base.chapters[key]!);
			const order = [...new Set([...body.matchAll(/\{\{(?:q|quote):([^}\s]*)\}\}|\[\^([^\]\s]*)\]/g)].map((m) => m[1] ?? m[2]!))];
			const chapter = built.chapters[i]!;
			expect(chapter.notes.map((n) => n.passage)).toEqual(order);
			expect(chapter.notes.map((n) => n.number)).toEqual(order.map((_, j) => j + 1));
			for (const note of chapter.notes) {
				expect(note.href).toBe(`/sources/${note.source}/#${note.passage}`);
				expect(chapter.html).toContain(`href="${note.href}"`);
			}
		}
	});

	it('frames every chapter camera around its places, inside the valid range', () => {
		const built = realStory();
		const regions = [...base.states.features, ...base.countries.features];
		for (const [i, chapter] of built.chapters.entries()) {
			const { data } = splitChapter(base.chapters[chapterKeys[i]!]!);
			if (data.bounds) expect(chapter.view.bounds, chapter.slug).toEqual(data.bounds);
			const [w, s, e, n] = chapter.view.bounds;
			expect(w).toBeGreaterThanOrEqual(-180);
			expect(e).toBeLessThanOrEqual(180);
			expect(s).toBeGreaterThanOrEqual(-85);
			expect(n).toBeLessThanOrEqual(85);
			expect(w).toBeLessThan(e);
			expect(s).toBeLessThan(n);
			for (const id of chapter.view.places) {
				const place = gazetteer.find((p) => p.id === id)!;
				const [lon, lat] = place.coordinates;
				expect(lon, `${chapter.slug}: ${id}`).toBeGreaterThan(w);
				expect(lon).toBeLessThan(e);
				expect(lat).toBeGreaterThan(s);
				expect(lat).toBeLessThan(n);
				// The gazetteer point lies in the region it says it is within.
				const region = regions.find((f) => f.properties?.id === place.within);
				expect(region, place.within).toBeDefined();
				expect(booleanPointInPolygon(point(place.coordinates), region as Feature<never>), id).toBe(true);
			}
		}
	});

	it('records which chapters cite each passage', () => {
		const built = realStory();
		for (const [i, key] of chapterKeys.entries()) {
			const { data, body } = splitChapter(base.chapters[key]!);
			const ids = [
				...(citationsOf(data) ?? []).map((c) => c.id as string),
				...[...body.matchAll(/\{\{(?:q|quote):([^}\s]*)\}\}|\[\^([^\]\s]*)\]/g)].map((m) => m[1] ?? m[2]!)
			];
			for (const id of ids) expect(built.citedBy.get(id), id).toContain(built.chapters[i]!.slug);
		}
	});

	it('escapes quotes and speakers that hold HTML characters (Q&A in cnsnews-2017)', () => {
		const inputs = realInputs();
		editChapter(inputs, secondKey, (data, body) => {
			addCitation(data, { id: 'qa-factsheet', source: 'cnsnews-2017', quote: 'an accompanying Q&A factsheet added.' });
			addCitation(data, { id: 'qa-block', source: 'cnsnews-2017', speaker: 'DHS & "friends" <3 > 2', quote: 'Q&A factsheet' });
			return `${body}\n\nThe department {{q:qa-factsheet}}\n\n{{quote:qa-block}}\n`;
		});
		const chapter = buildStory(inputs).chapters[1]!;
		expect(chapter.html).toContain('an accompanying Q&amp;A factsheet added.</q>');
		expect(chapter.html).toContain('<p>Q&amp;A factsheet</p></blockquote>');
		expect(chapter.html).toContain('DHS &amp; &quot;friends&quot; &lt;3 &gt; 2');
		expect(chapter.html).not.toContain('Q&A');
		expect(chapter.html).not.toContain('<3');
	});
});

// ---------------------------------------------------------------------------------------------
// The table of broken inputs.

const first = fileOf(firstKey);
const citing = fileOf(citingKey ?? firstKey);
const firstBody = splitChapter(base.chapters[firstKey]!).body;
/** Line (counted in the whole file, as an editor counts) of `needle` once the first chapter's body is `body`. */
const firstFileLine = (body: string, needle: string) => {
	const file = joinChapter(splitChapter(base.chapters[firstKey]!).data, body);
	return lineOf(file, needle);
};
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A passage id that exists in the real story. */
const knownPassage = String(((base.passages.raw as { id: string }[] | null) ?? [])[0]?.id ?? firstCitation.id);

const cases: Case[] = [
	story('missing title', (i) => editChapter(i, firstKey, (d) => void delete d.title), first, 'title', /is required/),
	story('empty title', (i) => editChapter(i, firstKey, (d) => void (d.title = '  ')), first, 'title', /must not be empty/),
	story(
		'unknown field (typo "layer:")',
		(i) => editChapter(i, firstKey, (d) => void (d.layer = d.layers)),
		first,
		'layer',
		/is not a chapter field/
	),
	story(
		'duplicate slug in two files (explicit slug)',
		(i) => {
			const { data, body } = splitChapter(i.chapters[firstKey]!);
			data.slug = realStory().chapters[0]!.slug;
			delete data.citations;
			i.chapters[`/${CHAPTER_DIR}/99-copy.md`] = joinChapter(data, body);
		},
		`${CHAPTER_DIR}/99-copy.md`,
		'slug',
		new RegExp(`is already the slug of ${first.replace(/[.]/g, '\\.')}`)
	),
	story(
		'duplicate slug in two files (from the file names)',
		(i) => {
			const name = firstKey.replace(/^.*\//, '').replace(/^\d+[-_]/, '');
			i.chapters[`/${CHAPTER_DIR}/98-${name}`] = i.chapters[firstKey]!;
		},
		`${CHAPTER_DIR}/98-${firstKey.replace(/^.*\//, '').replace(/^\d+[-_]/, '')}`,
		'slug',
		/is already the slug of/
	),
	story(
		'unknown layer',
		(i) => editChapter(i, firstKey, (d) => void listOf(d, 'layers').push('no-such-layer')),
		first,
		`layers[${listOf(firstChapterData, 'layers').length}]`,
		/unknown layer "no-such-layer"/
	),
	story(
		'unknown place',
		(i) => editChapter(i, firstKey, (d) => void listOf(d, 'places').push('atlantis')),
		first,
		`places[${listOf(firstChapterData, 'places').length}]`,
		/unknown place "atlantis"/
	),
	story(
		'unknown highlight',
		(i) => editChapter(i, firstKey, (d) => void (d.highlight = ['atlantis'])),
		first,
		'highlight[0]',
		/unknown highlightable place or feature "atlantis"/
	),
	story(
		'camera bounds out of range',
		(i) => editChapter(i, firstKey, (d) => void (d.bounds = [-190, 10, -90, 20])),
		first,
		'bounds',
		/west -190 is outside/
	),
	story(
		'camera bounds with west >= east',
		(i) => editChapter(i, firstKey, (d) => void (d.bounds = [-90, 10, -100, 20])),
		first,
		'bounds',
		/must be less than east/
	),
	story('invalid date (2014-13)', (i) => editChapter(i, firstKey, (d) => void (d.when = '2014-13')), first, 'when', /month 13 does not exist/),
	story('invalid date (2015-02-29)', (i) => editChapter(i, firstKey, (d) => void (d.when = '2015-02-29')), first, 'when', /day 29/),
	story(
		'quote not in its source',
		(i) => editChapter(i, citingKey, (d) => void (citationsOf(d)[0]!.quote = `${firstCitation.quote} and some invented words`)),
		citing,
		'citations[0].quote',
		new RegExp(`"${escapeRe(collapse(String(firstCitation.quote)).slice(0, 20))}.*" in ${firstCitation.source}: not found verbatim`)
	),
	story(
		'quote with one word changed',
		(i) => editChapter(i, firstKey, (d) => addCitation(d, { id: 'changed', source: FURNITURE.source, quote: 'As President Trump requests that Mexico stop' })),
		first,
		`citations[${citationCount(firstKey)}].quote`,
		/"As President Trump requests that Mexico stop" in kpbs-2018: not found verbatim in the source body$/
	),
	story(
		'quote from the site furniture, outside the body',
		(i) => editChapter(i, firstKey, (d) => addCitation(d, { id: 'furniture', source: FURNITURE.source, quote: FURNITURE.phrase })),
		first,
		`citations[${citationCount(firstKey)}].quote`,
		/not found verbatim in the source body/
	),
	story(
		'quote with a typewriter apostrophe for a curly one',
		(i) => editChapter(i, firstKey, (d) => addCitation(d, { id: 'curly', source: CURLY.source, quote: CURLY.phrase.replace('’', "'") })),
		first,
		`citations[${citationCount(firstKey)}].quote`,
		/different quotation marks, apostrophes or dashes/
	),
	story(
		'quote cut inside a word',
		(i) => editChapter(i, firstKey, (d) => addCitation(d, { id: 'cut', source: CURLY.source, quote: CURLY.phrase.slice(2) })),
		first,
		`citations[${citationCount(firstKey)}].quote`,
		/not found verbatim/
	),
	story(
		'unknown source id',
		(i) => editChapter(i, firstKey, (d) => addCitation(d, { id: 'unknown-source', source: 'no-such-source', quote: CURLY.phrase })),
		first,
		`citations[${citationCount(firstKey)}].source`,
		/unknown source id "no-such-source" \(known: .*kpbs-2018/
	),
	story(
		'ambiguous quote',
		(i) => editChapter(i, firstKey, (d) => addCitation(d, { id: 'ambiguous', source: AMBIGUOUS.source, quote: AMBIGUOUS.phrase })),
		first,
		`citations[${citationCount(firstKey)}].quote`,
		new RegExp(
			`"${AMBIGUOUS.phrase}" in ${AMBIGUOUS.source}: ambiguous: found ${occurrences(collapse(bodyText(sourceById(AMBIGUOUS.source))), AMBIGUOUS.phrase).length} times`
		)
	),
	story(
		'prefix that matches no occurrence',
		(i) =>
			editChapter(i, firstKey, (d) =>
				addCitation(d, { id: 'ambiguous', source: AMBIGUOUS.source, quote: AMBIGUOUS.phrase, prefix: 'no such words' })
			),
		first,
		`citations[${citationCount(firstKey)}].quote`,
		/never with the given prefix\/suffix/
	),
	story(
		'citation with an unknown field',
		(i) => editChapter(i, firstKey, (d) => addCitation(d, { id: 'paged', source: CURLY.source, quote: CURLY.phrase, page: 3 })),
		first,
		`citations[${citationCount(firstKey)}].page`,
		/is not a citation field/
	),
	story(
		'duplicate passage id (two chapters)',
		(i) =>
			(i.chapters[`/${CHAPTER_DIR}/99-duplicate.md`] = joinChapter(
				{ title: 'Duplicate', when: '2018', places: [gazetteer[0]!.id], layers: [], mapText: 'Text.', citations: [{ ...firstCitation }] },
				'Body.\n'
			)),
		`${CHAPTER_DIR}/99-duplicate.md`,
		'citations[0].id',
		new RegExp(`"${firstCitation.id}" is already defined in ${escapeRe(citing)}`)
	),
	story(
		'duplicate passage id (passages.yaml and a chapter)',
		(i) => (i.passages.raw = [...((i.passages.raw as unknown[]) ?? []), { ...firstCitation }]),
		citing,
		'citations[0].id',
		new RegExp(`"${firstCitation.id}" is already defined in ${escapeRe(PASSAGES_FILE)}`)
	),
	story(
		'a passage repeating the words of another under a new id',
		(i) => {
			const shared = (i.passages.raw as { id: string; source: string; quote: string; prefix?: string; suffix?: string }[]) ?? [];
			const original = shared[0]!;
			i.passages.raw = [...shared, { ...original, id: 'a-twin-passage' }];
		},
		PASSAGES_FILE,
		`[${((base.passages.raw as unknown[]) ?? []).length}].id`,
		/"a-twin-passage" quotes the same words as/
	),
	story(
		'quote in passages.yaml not in its source',
		(i) =>
			(i.passages.raw = [...((i.passages.raw as unknown[]) ?? []), { id: 'made-up', source: 'kpbs-2018', quote: 'Mexico builds a wall' }]),
		PASSAGES_FILE,
		`[${((base.passages.raw as unknown[]) ?? []).length}].quote`,
		/"Mexico builds a wall" in kpbs-2018: not found verbatim/
	),
	story(
		'body citing an unknown passage ([^nope])',
		(i) => editChapter(i, firstKey, (_d, body) => `${body.trimEnd()}\n\nA claim.[^nope]\n`),
		first,
		'body',
		/\[\^nope\] cites an unknown passage "nope"/,
		firstFileLine(`${firstBody.trimEnd()}\n\nA claim.[^nope]\n`, '[^nope]')
	),
	story(
		'body quoting an unknown passage ({{q:nope}})',
		(i) => editChapter(i, firstKey, (_d, body) => `{{q:nope}}\n${body}`),
		first,
		'body',
		/\{\{q:nope\}\} cites an unknown passage "nope"/,
		firstFileLine(`{{q:nope}}\n${firstBody}`, '{{q:nope}}')
	),
	story(
		'{{quote:x}} not on its own line',
		(i) => editChapter(i, firstKey, (_d, body) => `${body.trimEnd()}\n\nAs the source says: {{quote:${knownPassage}}}\n`),
		first,
		'body',
		new RegExp(`\\{\\{quote:${knownPassage}\\}\\} must stand on a line of its own`),
		firstFileLine(`${firstBody.trimEnd()}\n\nAs the source says: {{quote:${knownPassage}}}\n`, 'As the source says')
	),
	story(
		'malformed citation ({{quote: id}} with a space)',
		(i) => editChapter(i, firstKey, (_d, body) => `${body.trimEnd()}\n\n{{quote: ${knownPassage}}}\n`),
		first,
		'body',
		/malformed citation/,
		firstFileLine(`${firstBody.trimEnd()}\n\n{{quote: ${knownPassage}}}\n`, '{{quote: ')
	),
	story(
		'chapter without frontmatter',
		(i) => (i.chapters[firstKey] = firstBody),
		first,
		'frontmatter',
		/must start with a --- fenced YAML block/
	),
	story(
		'frontmatter that is not valid YAML',
		(i) => (i.chapters[firstKey] = `---\ntitle: [unclosed\n---\nText.\n`),
		first,
		'frontmatter',
		/is not valid YAML/
	),
	story(
		'malformed GeoJSON in a layer file (truncated)',
		(i) => (i.layerFiles[reference.data] = i.layerFiles[reference.data]!.slice(0, 200)),
		`geo/${reference.data}`,
		'(JSON)',
		/is not valid JSON: .+; run npm run geo to write it again$/
	),
	story(
		'malformed GeoJSON in a layer file (bad geometry)',
		(i) => {
			const fc = JSON.parse(i.layerFiles[reference.data]!) as FeatureCollection;
			fc.features[1]!.geometry = { type: 'Point', coordinates: [] } as never;
			i.layerFiles[reference.data] = JSON.stringify(fc);
		},
		`geo/${reference.data}`,
		'features[1].geometry',
		new RegExp(`^geo/${reference.data}: features\\[1\\]\\.geometry: feature "${referenceFeatureId(1)}": is not valid GeoJSON`)
	),
	story(
		'layer file missing',
		(i) => void delete i.layerFiles[reference.data],
		`geo/${reference.data}`,
		'(file)',
		new RegExp(`is missing; layer "${reference.id}" reads it`)
	),
	story(
		'layer feature with an invalid id',
		(i) => {
			const fc = JSON.parse(i.layerFiles[reference.data]!) as FeatureCollection;
			fc.features[0]!.properties = { ...fc.features[0]!.properties, id: 'Not An Id' };
			i.layerFiles[reference.data] = JSON.stringify(fc);
		},
		`geo/${reference.data}`,
		'features[0].properties.id',
		/lower-case words/
	),
	story(
		'layer feature id already used by a place',
		(i) => {
			const fc = JSON.parse(i.layerFiles[reference.data]!) as FeatureCollection;
			fc.features[0]!.properties = { ...fc.features[0]!.properties, id: gazetteer[0]!.id };
			i.layerFiles[reference.data] = JSON.stringify(fc);
		},
		`geo/${reference.data}`,
		'features[0].properties.id',
		/is already used in geo\/gazetteer\.json/
	),
	thematicCase('thematic feature without a supporting passage', (p) => (p.passages = []), 'passages', /cites no supporting passage/),
	thematicCase('thematic feature with no passages field', (p) => delete p.passages, 'passages', /cites no supporting passage/),
	thematicCase('thematic feature citing an unknown passage', (p) => (p.passages = ['nope']), 'passages[0]', /unknown passage "nope"/),
	thematicCase('thematic feature with an invalid start date', (p) => (p.start = '2014-13'), 'start', /month 13 does not exist/),
	thematicCase('thematic feature ending before it starts', (p) => ((p.start = '2015'), (p.end = '2014')), 'end', /ends \(2014\) before it starts \(2015\)/),
	thematicCase('thematic feature of an unknown layer', (p) => (p.layer = 'other-layer'), 'layer', /"other-layer" is not a thematic layer/),
	thematicCase(
		'thematic feature filed under another thematic layer',
		(p) => (p.layer = THEMATIC_LAYERS.find((id) => id !== p.layer)),
		'layer',
		/does not match the layer/
	),
	thematicCase('thematic feature with an end that is not a date', (p) => (p.end = 'soon'), 'end', /"soon" is not a date.*or "unknown"/),
	thematicCase(
		'thematic feature dated with a year none of its passages gives',
		(p) => ((p.start = '1999'), delete p.dateBasis),
		'start',
		/1999 is in none of its passages; cite one that gives it, write "unknown" if the sources do not, or say in dateBasis how it is inferred/
	),
	thematicCase('thematic feature without a program', (p) => delete p.program, 'program', /must be non-empty text/),
	story(
		'gazetteer place within an unknown region',
		(i) => ((i.gazetteer.raw as { within: string }[])[0]!.within = 'mx-zzz'),
		'geo/gazetteer.json',
		'[0].within',
		/unknown state or country "mx-zzz"/
	),
	story(
		'gazetteer name used twice',
		(i) => {
			const places = i.gazetteer.raw as { aliases: string[]; name: string }[];
			places[1]!.aliases = [...places[1]!.aliases, places[0]!.name.toUpperCase()];
		},
		'geo/gazetteer.json',
		'[1].aliases',
		new RegExp(`already names "${gazetteer[0]!.id}"`)
	),
	story('no chapters at all', (i) => (i.chapters = {}), 'src/content/chapters', '(folder)', /holds no chapters/)
];

describe('buildStory refuses broken inputs, naming the file and the field', () => {
	it('covers at least twelve kinds of problem', () => {
		expect(cases.length).toBeGreaterThanOrEqual(12);
		expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
	});

	it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
		expectContentError(c.run, c.file, c.field, c.reason, c.line);
	});

	it.skipIf(Boolean(thematic))('the fake thematic layer is accepted when nothing is wrong (positive control)', () => {
		expect(parseLayerFile(fakeThematicFile(), FAKE_FILE, fakeLayer, realPassageIds()).features).toHaveLength(1);
	});
});
