import { LIMITS } from './limits';
import { describe, expect, it } from 'vitest';
import { ContentError } from './errors';
import { parseCitations, validateChapter, type SchemaContext } from './schema';
import { LAYER_IDS } from '$lib/layers/registry';
import { readJson } from '../../../tests/unit/real-story';

// The context comes from the real gazetteer and the real layer registry.
const gazetteer = readJson('geo/gazetteer.json') as { id: string; kind: string }[];
const placeIds = gazetteer.map((p) => p.id);
const ctx: SchemaContext = {
	places: new Set(placeIds),
	layers: LAYER_IDS,
	highlightable: new Set(placeIds)
};
const [firstPlace, secondPlace] = placeIds as [string, string];
const [firstLayer] = [...LAYER_IDS] as [string];

const FILE = 'src/content/chapters/07-test-chapter.md';

/** A chapter frontmatter with every field set. */
function good(): Record<string, unknown> {
	return {
		slug: 'test-chapter',
		title: '  A chapter with every field  ',
		when: '2014-07/2015',
		places: [firstPlace, secondPlace],
		bounds: [-118, 14, -86, 33],
		maxZoom: 9,
		layers: [firstLayer],
		highlight: [secondPlace],
		mapText: 'What the map shows.',
		description: 'A short description.',
		citations: [
			{
				id: 'a-passage',
				source: 'kpbs-2018',
				quote: ' Some words ',
				prefix: 'before',
				suffix: 'after',
				speaker: 'Someone'
			},
			{ id: 'b-passage', source: 'cnsnews-2017', quote: 'Other words' }
		]
	};
}

/** Runs validateChapter and returns the ContentError it throws, failing the test if it does not. */
function problem(data: unknown, fallbackSlug = 'test-chapter'): ContentError {
	try {
		validateChapter(data, FILE, fallbackSlug, ctx);
	} catch (error) {
		expect(error).toBeInstanceOf(ContentError);
		return error as ContentError;
	}
	throw new Error('validateChapter accepted a bad chapter');
}

function expectProblem(data: unknown, field: string, reason: RegExp, fallbackSlug?: string) {
	const error = problem(data, fallbackSlug);
	expect(error.file).toBe(FILE);
	expect(error.field).toBe(field);
	expect(error.message.startsWith(`${FILE}: ${field}: `), error.message).toBe(true);
	expect(error.message).toMatch(reason);
}

const without = (key: string) => {
	const data = good();
	delete data[key];
	return data;
};
const withField = (key: string, value: unknown) => ({ ...good(), [key]: value });

describe('validateChapter: a good chapter', () => {
	it('the fixture refers to real places and layers', () => {
		expect(placeIds.length).toBeGreaterThanOrEqual(2);
		expect(LAYER_IDS.size).toBeGreaterThanOrEqual(1);
	});

	it('returns every field, typed and trimmed', () => {
		expect(validateChapter(good(), FILE, 'ignored', ctx)).toEqual({
			slug: 'test-chapter',
			title: 'A chapter with every field',
			when: { from: '2014-07', to: '2015', label: 'July 2014 – 2015' },
			places: [firstPlace, secondPlace],
			bounds: [-118, 14, -86, 33],
			maxZoom: 9,
			layers: [firstLayer],
			highlight: [secondPlace],
			mapText: 'What the map shows.',
			description: 'A short description.',
			citations: [
				{ id: 'a-passage', source: 'kpbs-2018', quote: 'Some words', prefix: 'before', suffix: 'after', speaker: 'Someone' },
				{ id: 'b-passage', source: 'cnsnews-2017', quote: 'Other words' }
			]
		});
	});

	it('fills the defaults: slug from the file name, no bounds, maxZoom 7, no highlight, description = mapText, no citations', () => {
		const data = good();
		for (const key of ['slug', 'bounds', 'maxZoom', 'highlight', 'description', 'citations']) delete data[key];
		const meta = validateChapter(data, FILE, 'from-file-name', ctx);
		expect(meta.slug).toBe('from-file-name');
		expect(meta.bounds).toBeNull();
		expect(meta.maxZoom).toBe(7);
		expect(meta.highlight).toEqual([]);
		expect(meta.description).toBe('What the map shows.');
		expect(meta.citations).toEqual([]);
	});

	it('accepts an explicit empty layer list', () => {
		expect(validateChapter(withField('layers', []), FILE, 'x', ctx).layers).toEqual([]);
	});

	it('reads a year that YAML parsed as a number', () => {
		expect(validateChapter(withField('when', 2014), FILE, 'x', ctx).when).toEqual({ from: '2014', to: null, label: '2014' });
	});
});

describe('validateChapter: bad chapters name the file and the field', () => {
	it.each<[string, () => unknown, string, RegExp]>([
		['missing title', () => without('title'), 'title', /is required/],
		['empty title', () => withField('title', '   '), 'title', /must not be empty/],
		['title that is not text', () => withField('title', ['a']), 'title', /must be text/],
		[
			'title too long',
			() => withField('title', 'x'.repeat(LIMITS.titleChars + 1)),
			'title',
			new RegExp(`${LIMITS.titleChars + 1} characters; at most ${LIMITS.titleChars}$`)
		],
		['typo "layer:" (unknown field)', () => ({ ...without('layers'), layer: [firstLayer] }), 'layer', /is not a chapter field/],
		['invalid slug (capitals, underscore)', () => withField('slug', 'Bad_Slug'), 'slug', /"Bad_Slug" does not match/],
		['invalid slug (trailing hyphen)', () => withField('slug', 'bad-'), 'slug', /does not match/],
		['missing places', () => without('places'), 'places', /is required/],
		['empty places', () => withField('places', []), 'places', /at least one place/],
		['places not a list', () => withField('places', firstPlace), 'places', /must be a list/],
		['unknown place', () => withField('places', [firstPlace, 'atlantis']), 'places[1]', /unknown place "atlantis"/],
		['duplicate place', () => withField('places', [firstPlace, secondPlace, firstPlace]), 'places[2]', new RegExp(`"${firstPlace}" is listed twice`)],
		['unknown layer', () => withField('layers', [firstLayer, 'no-such-layer']), 'layers[1]', /unknown layer "no-such-layer"/],
		['duplicate layer', () => withField('layers', [firstLayer, firstLayer]), 'layers[1]', /listed twice/],
		['layers missing (must be explicit)', () => without('layers'), 'layers', /is required.*\[\] for none/],
		['layers null', () => withField('layers', null), 'layers', /is required/],
		['unknown highlight', () => withField('highlight', ['nowhere']), 'highlight[0]', /unknown highlightable place or feature "nowhere"/],
		['bounds west out of range', () => withField('bounds', [-190, 14, -86, 33]), 'bounds', /west -190 is outside -180…180/],
		['bounds east out of range', () => withField('bounds', [-118, 14, 181, 33]), 'bounds', /east 181 is outside/],
		['bounds north out of range', () => withField('bounds', [-118, 14, -86, 86]), 'bounds', /north 86 is outside -85…85/],
		['bounds south out of range', () => withField('bounds', [-118, -90, -86, 33]), 'bounds', /south -90 is outside/],
		['bounds west >= east', () => withField('bounds', [-86, 14, -118, 33]), 'bounds', /west -86 must be less than east -118/],
		['bounds west == east', () => withField('bounds', [-90, 14, -90, 33]), 'bounds', /must be less than east/],
		['bounds south >= north', () => withField('bounds', [-118, 33, -86, 14]), 'bounds', /south 33 must be less than north 14/],
		['bounds with three numbers', () => withField('bounds', [-118, 14, -86]), 'bounds', /\[west, south, east, north\]/],
		['bounds with text', () => withField('bounds', ['-118', 14, -86, 33]), 'bounds', /\[west, south, east, north\]/],
		['maxZoom 0', () => withField('maxZoom', 0), 'maxZoom', /from 1 to 16/],
		['maxZoom 17', () => withField('maxZoom', 17), 'maxZoom', /from 1 to 16/],
		['maxZoom as text', () => withField('maxZoom', '7'), 'maxZoom', /from 1 to 16/],
		['maxZoom NaN (YAML .nan)', () => withField('maxZoom', Number.NaN), 'maxZoom', /from 1 to 16/],
		['missing when', () => without('when'), 'when', /is required/],
		['when 2014-13', () => withField('when', '2014-13'), 'when', /month 13 does not exist/],
		['when 2015/2014', () => withField('when', '2015/2014'), 'when', /ends before it starts/],
		['when "spring"', () => withField('when', 'spring'), 'when', /"spring" is not a date/],
		['when 2015-02-29', () => withField('when', '2015-02-29'), 'when', /day 29 does not exist in 2015-02/],
		['missing mapText', () => without('mapText'), 'mapText', /is required/],
		['mapText too long', () => withField('mapText', 'x'.repeat(601)), 'mapText', /at most 600/],
		['description too long', () => withField('description', 'x'.repeat(301)), 'description', /at most 300/],
		['citations not a list', () => withField('citations', { id: 'x' }), 'citations', /must be a list/],
		['citation missing quote', () => withField('citations', [{ id: 'a-b', source: 'kpbs-2018' }]), 'citations[0].quote', /is required/],
		['citation empty quote', () => withField('citations', [{ id: 'a-b', source: 'kpbs-2018', quote: ' ' }]), 'citations[0].quote', /must not be empty/],
		[
			'citation with unknown field (qoute)',
			() => withField('citations', [{ id: 'a-b', source: 'kpbs-2018', quote: 'x' }, { id: 'c-d', source: 'kpbs-2018', qoute: 'y' }]),
			'citations[1].qoute',
			/is not a citation field/
		],
		['citation with invalid id', () => withField('citations', [{ id: 'A B', source: 'kpbs-2018', quote: 'x' }]), 'citations[0].id', /does not match/],
		['citation missing source', () => withField('citations', [{ id: 'a-b', quote: 'x' }]), 'citations[0].source', /is required/],
		['citation that is not a mapping', () => withField('citations', ['just a quote']), 'citations[0]', /must be a mapping/]
	])('%s', (_name, data, field, reason) => {
		expectProblem(data(), field, reason);
	});

	it('names the slug when the file name gives an invalid one and none is set', () => {
		expectProblem(without('slug'), 'slug', /"Not A Slug" from the file name is not a valid slug/, 'Not A Slug');
	});

	it('refuses frontmatter that is not a mapping', () => {
		for (const data of [null, [], 'title: x', 42]) expectProblem(data, 'frontmatter', /must be a YAML mapping/);
	});
});

describe('parseCitations (the shared passage file)', () => {
	const PASSAGES = 'src/content/passages.yaml';

	it('returns [] for an empty file and names the root otherwise', () => {
		expect(parseCitations(null, PASSAGES, '')).toEqual([]);
		expect(() => parseCitations({ id: 'x' }, PASSAGES, '')).toThrow(`${PASSAGES}: (root): must be a list`);
	});

	it('names the entry by its index at the root', () => {
		expect(() => parseCitations([{ id: 'a', source: 'kpbs-2018' }], PASSAGES, '')).toThrow(`${PASSAGES}: [0].quote: is required`);
	});
});
