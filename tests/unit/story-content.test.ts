/**
 * The content test: the story's chapters obey the editorial rules of src/lib/story/content-rules.ts
 * ("Honesty of the story" in the design notes). The rules run on the real story, which must have
 * no problem, and on small bad fixtures, each of which must produce the problem it was made for,
 * so this test can fail.
 */
import { bbox } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import type { Bbox } from '$lib/content/schema';
import { LAYER_IDS } from '$lib/layers/registry';
import {
	checkChapter,
	checkStory,
	citationsBySource,
	copiedRun,
	figureInPassage,
	figuresIn,
	proseWords,
	sentencesOf,
	type ChapterContent,
	type Problem,
	type RulesContext
} from '$lib/story/content-rules';
import { chapterFiles, realStory, splitChapter } from './real-story';

function realContext(): RulesContext {
	const story = realStory();
	const features = new Map<string, string>();
	const featureBounds = new Map<string, Bbox>();
	for (const [layer, collection] of story.features)
		for (const f of collection.features) {
			const id = f.properties!.id as string;
			features.set(id, layer);
			featureBounds.set(id, bbox(f) as Bbox);
		}
	return {
		passages: story.passages,
		places: new Map(story.gazetteer.map((p) => [p.id, { kind: p.kind, coordinates: p.coordinates }])),
		layers: LAYER_IDS,
		features,
		featureBounds,
		sourceTexts: new Map(story.sources.map((s) => [s.id, s.text]))
	};
}

function realChapters(): ChapterContent[] {
	const story = realStory();
	return Object.entries(chapterFiles()).map(([path, text], i) => {
		const { data, body } = splitChapter(text);
		return { file: path.slice(1), data, body, derivedBounds: story.chapters[i]!.view.bounds };
	});
}

const rulesOf = (problems: Problem[]) => problems.map((p) => p.rule);
const show = (problems: Problem[]) => problems.map((p) => `${p.file} [${p.rule}] ${p.message}`).join('\n');

describe('figuresIn', () => {
	it('finds numbers of two or more digits, with separators and decimals', () => {
		expect(figuresIn('from 78,733 in 2013 to 176,726 in 2015, and 100,000 requests')).toEqual(['78,733', '2013', '176,726', '2015', '100,000']);
		expect(figuresIn('a ratio of 1.5 and a massacre of 43 students')).toEqual(['1.5', '43']);
	});

	it('takes money and percentages whole, single digits included', () => {
		expect(figuresIn('US$1.5 billion and $20 million, then $5')).toEqual(['US$1.5 billion', '$20 million', '$5']);
		expect(figuresIn('nearly 40 percent, 20% and 5 per cent')).toEqual(['40 percent', '20%', '5 per cent']);
	});

	it('ignores single digits and words, and takes the number of "1930s" or "20th"', () => {
		expect(figuresIn('On 7 December, two years, up to five; the 1930s and the 20th century')).toEqual(['1930', '20']);
	});

	it('reads a figure broken across lines as one', () => {
		expect(figuresIn('US$1.5\n  billion')).toEqual(['US$1.5 billion']);
	});
});

describe('figureInPassage', () => {
	it('finds a figure verbatim, across whitespace differences', () => {
		expect(figureInPassage('US$1.5 billion', 'invested US$1.5\nbillion in the')).toBe(true);
		expect(figureInPassage('$20 million', 'requested $20 million dollars [8]')).toBe(true);
	});

	it('does not find a figure inside a longer one', () => {
		expect(figureInPassage('20', 'in August 2016')).toBe(false);
		expect(figureInPassage('1.5', 'US$11.5 billion')).toBe(false);
		expect(figureInPassage('78', '78,733 in 2013')).toBe(false);
		expect(figureInPassage('40 percent', 'Nearly 40 percent of')).toBe(true);
	});
});

describe('proseWords and sentencesOf', () => {
	it('counts our words only: quoted passages and tokens are not prose', () => {
		expect(proseWords('He said the world should recognise {{q:long-quote}} and more.[^note]\n\n{{quote:block}}\n')).toBe(8);
		expect(proseWords('*Two* words')).toBe(2);
	});

	it('splits sentences without breaking decimals or money', () => {
		expect(sentencesOf('It cost US$1.5 billion. Then 3,000 km (computed from the map data). End.')).toEqual([
			'It cost US$1.5 billion.',
			'Then 3,000 km (computed from the map data).',
			'End.'
		]);
	});
});

describe('copiedRun', () => {
	const source = 'Between 2007 and March 2017, the U.S. government invested US$1.5 billion in the Mérida Initiative, a U.S.-Mexico partnership.';
	it('finds a sentence copied word for word, whatever the case and punctuation', () => {
		expect(copiedRun('As he wrote: between 2007 and March 2017 the U.S. Government invested US$1.5 billion in the Mérida initiative.', source)).toMatch(
			/^between 2007 and march 2017 the u s government invested/
		);
	});
	it('lets a paraphrase share a short phrase', () => {
		expect(copiedRun('The US government put US$1.5 billion into the Mérida Initiative between 2007 and March 2017.', source)).toBeNull();
	});
});

describe('the real story', () => {
	it('has no content problem', () => {
		const problems = checkStory(realChapters(), realStory().sources.map((s) => s.id), realContext());
		expect(problems, show(problems)).toEqual([]);
	});

	it('cites every one of the five sources at least twice', () => {
		const counts = citationsBySource(realChapters(), realContext());
		expect(realStory().sources).toHaveLength(5);
		for (const source of realStory().sources) expect(counts.get(source.id) ?? 0, source.id).toBeGreaterThanOrEqual(2);
	});

	it('is checked on its figures: every chapter body or caption that has figures is covered', () => {
		// Guards the test itself: the rules see the figures the chapters actually contain.
		const withFigures = realChapters().filter((c) => figuresIn(c.body.replace(/\{\{[^}]*\}\}|\[\^[^\]]*\]/g, '')).length > 0);
		expect(withFigures.length).toBeGreaterThan(5);
	});
});

// --- Bad fixtures: each must produce the problem it is made for. -----------------------------

const PASSAGES = new Map([
	['p-deport', { source: 'src-a', exact: 'Deportations more than doubled, from 78,733 in 2013 to 176,726 in 2015.' }],
	['p-money', { source: 'src-a', exact: 'the U.S. government invested US$1.5 billion in the Mérida Initiative' }],
	['p-share', { source: 'src-b', exact: 'Nearly 40 percent of Central American migrants are fleeing violence.' }],
	['p-other', { source: 'src-b', exact: 'The organisations oppose the agreement.' }]
]);

const CTX: RulesContext = {
	passages: PASSAGES,
	places: new Map([
		['tapachula', { kind: 'city', coordinates: [-92.2667, 14.9036] }],
		['tijuana', { kind: 'city', coordinates: [-117.0382, 32.5149] }],
		['suchiate-crossing', { kind: 'crossing', coordinates: [-92.168, 14.679] }],
		['chiapas', { kind: 'state', coordinates: [-92.6376, 16.4569] }],
		['mexico', { kind: 'country', coordinates: [-102.5, 23.6] }]
	]),
	layers: new Set(['borders', 'enforcement', 'refuge']),
	features: new Map([
		['frontera-sur', 'enforcement'],
		['asylum-requests', 'refuge']
	]),
	featureBounds: new Map([
		['frontera-sur', [-98.6, 14.5, -90.4, 18.7]],
		['asylum-requests', [-118.4, 14.5, -86.7, 32.7]]
	])
};

/** About a hundred words of cited prose, so a fixture fails only for the fault it carries. */
const FILLER =
	'The organisations behind the letter wrote to the government of the day to set out their case, ' +
	'and they asked it to hold firm against pressure from its northern neighbour, whose officials had ' +
	'proposed the agreement in the spring and pressed for it through the summer and the autumn. They ' +
	'argued that the country could not be called safe while the people crossing it faced danger, and ' +
	'that its asylum system could not cope with the people who had already applied, let alone with more. ' +
	'The government, for its part, said it acted in its own interest and under its own laws.[^p-other]';

function fixture(overrides: Partial<ChapterContent['data']> = {}, body = `${FILLER}\n`): ChapterContent {
	return {
		file: 'src/content/chapters/99-fixture.md',
		data: {
			title: 'A fixture chapter',
			when: 2018,
			places: ['tapachula'],
			bounds: [-95, 13, -89, 18],
			layers: ['borders', 'enforcement'],
			highlight: ['frontera-sur'],
			mapText: 'The map frames the southern border around Tapachula.',
			description: 'A chapter made to fail one rule at a time.',
			...overrides
		},
		body
	};
}

describe('the rules fail bad chapters', () => {
	it('accept the base fixture, so each fault below is the only one', () => {
		const problems = checkChapter(fixture(), CTX);
		expect(problems, show(problems)).toEqual([]);
	});

	it('a chapter without any citation', () => {
		const problems = checkChapter(fixture({}, FILLER.replace('[^p-other]', '') + '\n'), CTX);
		expect(rulesOf(problems)).toContain('citation');
		expect(problems.find((p) => p.rule === 'citation')!.file).toBe('src/content/chapters/99-fixture.md');
	});

	it('a paragraph without a citation', () => {
		const problems = checkChapter(fixture({}, `${FILLER}\n\nAnd then something happened that nobody cites.\n`), CTX);
		expect(rulesOf(problems)).toEqual(['paragraph-citation']);
	});

	it('a figure in the prose that no cited passage gives', () => {
		const body = `${FILLER}\n\nDeportations rose to 176,726 in 2015, and 12,000 more the year after.[^p-deport]\n`;
		const problems = checkChapter(fixture({}, body), CTX);
		expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('"12,000"')]);
		expect(rulesOf(problems)).toEqual(['figure']);
	});

	it('a figure whose passage the chapter does not cite', () => {
		// 40 percent is in p-share, but this chapter cites only p-other and p-money.
		const body = `${FILLER}\n\nNearly 40 percent are fleeing violence, and US$1.5 billion was invested.[^p-money]\n`;
		const problems = checkChapter(fixture({}, body), CTX);
		expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('"40 percent"')]);
	});

	it('a figure in the frontmatter passages counts as cited', () => {
		const own = [{ id: 'own-quote', source: 'src-a', quote: 'some 351,000 people in 2017' }];
		const body = `${FILLER}\n\nSome 351,000 people were detained in 2017.[^p-other]\n`;
		expect(checkChapter(fixture({ citations: own }, body), CTX)).toEqual([]);
		expect(rulesOf(checkChapter(fixture({}, body), CTX))).toEqual(['figure', 'figure']);
	});

	it('a figure marked computed from the map data passes, and only in its own sentence', () => {
		const marked = `${FILLER}\n\nThe route runs some 3,400 km (computed from the map data). It crosses 12 states.[^p-other]\n`;
		const problems = checkChapter(fixture({}, marked), CTX);
		expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('"12"')]);
		const allMarked = `${FILLER}\n\nThe route runs some 3,400 km (computed from the map data).[^p-other]\n`;
		expect(checkChapter(fixture({}, allMarked), CTX)).toEqual([]);
	});

	it('figures in mapText and description are checked too', () => {
		const problems = checkChapter(fixture({ mapText: 'An outline marks 250,000 requests.', description: 'Rising 75 percent.' }), CTX);
		expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/^mapText: "250,000"/), expect.stringMatching(/^description: "75 percent"/)]);
	});

	it('a source sentence copied outside a quote', () => {
		const ctx = { ...CTX, sourceTexts: new Map([['src-a', 'Officials said that deportations more than doubled between 2013 and 2015 because of the new southern border program.']]) };
		const body = `${FILLER}\n\nAs officials said, deportations more than doubled between 2013 and 2015 because of the new southern border program.[^p-other]\n`;
		const problems = checkChapter(fixture({}, body), ctx);
		expect(rulesOf(problems)).toContain('copied');
		expect(checkChapter(fixture(), ctx)).toEqual([]);
	});

	it('too little or too much prose, and a long title', () => {
		expect(rulesOf(checkChapter(fixture({}, 'Too short.[^p-other]\n'), CTX))).toEqual(['words']);
		expect(rulesOf(checkChapter(fixture({}, `${FILLER} ${FILLER} ${FILLER}\n`), CTX))).toEqual(['words']);
		expect(rulesOf(checkChapter(fixture({ title: 'A title that goes on and on well past the length a heading can hold' }), CTX))).toEqual(['title']);
	});

	it('an incomplete map state', () => {
		const cases: [Partial<ChapterContent['data']>, RegExp][] = [
			[{ places: [] }, /places is empty/],
			[{ places: ['atlantis'] }, /"atlantis" is not in the gazetteer/],
			[{ layers: undefined }, /layers is missing/],
			[{ layers: ['borders', 'enforcement', 'weather'] }, /"weather" is not a registered layer/],
			[{ highlight: undefined }, /highlight is missing/],
			[{ highlight: ['nowhere'] }, /"nowhere" is neither a place nor a layer feature/],
			[{ highlight: ['asylum-requests'] }, /layer "refuge", which the chapter does not show/],
			[{ highlight: ['mexico'], bounds: [-118, 13, -86, 33] }, /is a country/],
			[{ highlight: ['suchiate-crossing'] }, /"suchiate-crossing" is not among the chapter's places/],
			[{ mapText: '  ' }, /mapText is missing or empty/],
			[{ mapText: undefined }, /mapText is missing or empty/],
			[{ bounds: [-89, 13, -95, 18] }, /west -89 must be less than east -95/],
			[{ bounds: [-95, 13, -89] }, /four finite numbers/],
			[{ places: ['tapachula', 'tijuana'], highlight: [] }, /leaves out tijuana/],
			[{ bounds: [-110, 20, -100, 31], places: ['mexico'] }, /does not reach highlighted feature "frontera-sur"/],
			[{ bounds: undefined }, /no camera frame/]
		];
		for (const [overrides, message] of cases) {
			const problems = checkChapter(fixture(overrides), CTX);
			expect(rulesOf(problems), JSON.stringify(overrides)).toEqual(['map-state']);
			expect(problems[0]!.message, JSON.stringify(overrides)).toMatch(message);
		}
	});

	it('a derived camera frame is checked like explicit bounds', () => {
		const chapter = { ...fixture({ bounds: undefined, places: ['tapachula', 'tijuana'], highlight: [] }), derivedBounds: [-118, 13, -88, 34] as Bbox };
		expect(checkChapter(chapter, CTX)).toEqual([]);
		expect(checkChapter({ ...chapter, derivedBounds: [-95, 13, -89, 18] }, CTX).map((p) => p.message)).toEqual([expect.stringMatching(/leaves out tijuana/)]);
	});

	it('a source cited fewer than twice in the whole story', () => {
		const a = fixture({}, `${FILLER}\n\nDeportations reached 176,726 in 2015.[^p-deport]\n`);
		const b = fixture({}, `${FILLER}\n`);
		const problems = checkStory([a, b], ['src-a', 'src-b', 'src-c'], CTX);
		expect(problems.map((p) => p.message)).toEqual([
			'source "src-a" is cited 1 time; each source at least twice',
			'source "src-c" is cited 0 times; each source at least twice'
		]);
		expect(rulesOf(checkStory([a, a, b], ['src-a', 'src-b'], CTX))).toEqual([]);
	});
});
