/**
 * The editorial rules of rules.ts ("Honesty of the story" in the design notes). The build runs
 * them on the real story (which therefore has no problem, or it would not build); here each
 * rule runs on small bad fixtures that must produce the problem they were made for, so every
 * rule can fail. Fixtures go through the real chapter schema first, as the build's do.
 */
import { describe, expect, it } from 'vitest';
import { validateChapter, type Bbox, type ChapterMeta } from '$lib/content/schema';
import { LIMITS } from '$lib/content/limits';
import { placeMatcher } from '$lib/geo/names';
import {
	checkChapter,
	COMPUTED_MARKER,
	checkStory,
	citationsBySource,
	copiedRun,
	figureInPassage,
	figuresIn,
	paragraphsOf,
	proseWords,
	sentencesOf,
	wordRuns,
	type ChapterContent,
	type Problem,
	type RulesContext
} from './rules';
import { realStory, seedFileNames } from '../../../tests/unit/real-story';

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
	const source = wordRuns('Between 2007 and March 2017, the U.S. government invested US$1.5 billion in the Mérida Initiative, a U.S.-Mexico partnership.');
	it('finds a sentence copied word for word, whatever the case and punctuation', () => {
		expect(copiedRun('As he wrote: between 2007 and March 2017 the U.S. Government invested US$1.5 billion in the Mérida initiative.', source)).toMatch(
			/^between 2007 and march 2017 the u s government invested/
		);
	});
	it('lets a paraphrase share a short phrase', () => {
		expect(copiedRun('The US government put US$1.5 billion into the Mérida Initiative between 2007 and March 2017.', source)).toBeNull();
	});
});

describe('paragraphsOf', () => {
	it('gives each paragraph with the line of the file it starts on', () => {
		expect(paragraphsOf('\nFirst line\nstill first.\n\n\nSecond.\n', 10)).toEqual([
			{ text: 'First line still first.', line: 11 },
			{ text: 'Second.', line: 15 }
		]);
	});
});

describe('the real story', () => {
	it('builds, so it breaks no rule, and reads every seed file', () => {
		expect(() => realStory()).not.toThrow();
		expect(realStory().sources).toHaveLength(seedFileNames().length);
	});
});

// --- Bad fixtures: each must produce the problem it is made for. -----------------------------

const PASSAGES = new Map([
	['p-deport', { source: 'src-a', exact: 'Deportations more than doubled, from 78,733 in 2013 to 176,726 in 2015.' }],
	['p-money', { source: 'src-a', exact: 'the U.S. government invested US$1.5 billion in the Mérida Initiative' }],
	['p-share', { source: 'src-b', exact: 'Nearly 40 percent of Central American migrants are fleeing violence.' }],
	['p-other', { source: 'src-b', exact: 'In 2018 the organisations in Tapachula and Tijuana opposed the agreement.' }]
]);

const PLACES = [
	{ id: 'tapachula', name: 'Tapachula', aliases: [], kind: 'city', coordinates: [-92.2667, 14.9036] as [number, number] },
	{ id: 'tijuana', name: 'Tijuana', aliases: [], kind: 'city', coordinates: [-117.0382, 32.5149] as [number, number] },
	{ id: 'suchiate-crossing', name: 'Suchiate river crossing', aliases: ['Ciudad Hidalgo'], kind: 'crossing', coordinates: [-92.168, 14.679] as [number, number] },
	{ id: 'chiapas', name: 'Chiapas', aliases: [], kind: 'state', coordinates: [-92.6376, 16.4569] as [number, number] },
	{ id: 'mexico', name: 'Mexico', aliases: ['México'], kind: 'country', coordinates: [-102.5, 23.6] as [number, number] },
	{ id: 'casa', name: 'Casa del Migrante', aliases: [], kind: 'shelter', coordinates: [-91.4231, 17.4739] as [number, number] }
];

const CTX: RulesContext = {
	passages: PASSAGES,
	places: new Map(PLACES.map((p) => [p.id, p])),
	names: placeMatcher(PLACES),
	themeFeatures: new Map([
		['frontera-sur', { passages: ['p-deport', 'p-other'] }],
		['asylum-requests', { passages: ['p-share'] }],
		['casa-shelter', { passages: ['p-other'], place: 'casa' }]
	]),
	generalLayers: new Map([['route', 'Route north']]),
	features: new Map([
		['frontera-sur', 'enforcement'],
		['asylum-requests', 'refuge'],
		['casa-shelter', 'refuge']
	]),
	featureBounds: new Map([
		['frontera-sur', [-98.6, 14.5, -90.4, 18.7]],
		['asylum-requests', [-118.4, 14.5, -86.7, 32.7]],
		['casa-shelter', [-91.4231, 17.4739, -91.4231, 17.4739]]
	]),
	sourceTexts: new Map(),
	extent: [-130, 5, -75, 44]
};

/** What the schema lets fixtures name, as the build's schema context does for real chapters. */
const SCHEMA = {
	places: new Set(CTX.places.keys()),
	layers: new Set(['borders', 'enforcement', 'refuge', 'route']),
	highlightable: new Set([...CTX.places.keys(), ...CTX.features.keys()])
};

/** About a hundred words of cited prose, so a fixture fails only for the fault it carries. */
const FILLER =
	'The organisations behind the letter wrote to the government of the day to set out their case, ' +
	'and they asked it to hold firm against pressure from its northern neighbour, whose officials had ' +
	'proposed the agreement in the spring and pressed for it through the summer and the autumn. They ' +
	'argued that the country could not be called safe while the people crossing it faced danger, and ' +
	'that its asylum system could not cope with the people who had already applied, let alone with more. ' +
	'The government, for its part, said it acted in its own interest and under its own laws.[^p-other]';

const FILE = 'src/content/chapters/99-fixture.md';

/** A chapter's frontmatter fields, as YAML would parse them. */
type Fields = Record<string, unknown>;

function fixture(overrides: Fields = {}, body = `${FILLER}\n`, frame?: Bbox): ChapterContent {
	const data = {
		title: 'A fixture chapter',
		when: 2018,
		places: ['tapachula'],
		bounds: [-95, 13, -89, 18],
		layers: ['borders', 'enforcement'],
		highlight: ['frontera-sur'],
		mapText: 'The map frames the southern border around Tapachula.',
		description: 'A chapter made to fail one rule at a time.',
		...overrides
	};
	const meta: ChapterMeta = validateChapter(data, FILE, 'fixture', SCHEMA);
	return { file: FILE, meta, body, bodyLine: 12, frame: meta.bounds ?? frame! };
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
		// The build defines a chapter's own passages before the rules run.
		const ctx = { ...CTX, passages: new Map([...PASSAGES, ['own-quote', { source: 'src-a', exact: own[0]!.quote }]]) };
		expect(checkChapter(fixture({ citations: own }, body), ctx)).toEqual([]);
		expect(rulesOf(checkChapter(fixture({}, body), CTX))).toEqual(['figure', 'figure']);
	});

	it('a figure marked computed by Frontera passes, and only in its own sentence', () => {
		expect(COMPUTED_MARKER).toBe('(computed by Frontera)');
		const marked = `${FILLER}\n\nThe route runs some 3,400 km ${COMPUTED_MARKER}. It crosses 12 states.[^p-other]\n`;
		const problems = checkChapter(fixture({}, marked), CTX);
		expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('"12"')]);
		const allMarked = `${FILLER}\n\nThe route runs some 3,400 km ${COMPUTED_MARKER}.[^p-other]\n`;
		expect(checkChapter(fixture({}, allMarked), CTX)).toEqual([]);
	});

	it('figures in mapText and description are checked too', () => {
		const problems = checkChapter(fixture({ mapText: 'An outline marks 250,000 requests.', description: 'Rising 75 percent.' }), CTX);
		expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([expect.stringMatching(/^mapText: "250,000"/), expect.stringMatching(/^description: "75 percent"/)]);
	});

	it('a source sentence copied outside a quote', () => {
		const runs = new Map([['src-a', wordRuns('Officials said that deportations more than doubled between 2013 and 2015 because of the new southern border program.')]]);
		const body = `${FILLER}\n\nAs officials said, deportations more than doubled between 2013 and 2015 because of the new southern border program.[^p-other]\n`;
		const problems = checkChapter(fixture({}, body), CTX, runs);
		expect(rulesOf(problems)).toContain('copied');
		expect(problems.find((p) => p.rule === 'copied')!.line).toBe(14);
		expect(checkChapter(fixture(), CTX, runs)).toEqual([]);
	});

	it('too little or too much prose', () => {
		expect(rulesOf(checkChapter(fixture({}, 'Too short.[^p-other]\n'), CTX))).toEqual(['words']);
		expect(rulesOf(checkChapter(fixture({}, `${FILLER} ${FILLER} ${FILLER}\n`), CTX))).toEqual(['words']);
	});

	it('a map that does not show what the chapter names', () => {
		const cases: [Fields, string, RegExp][] = [
			[{ highlight: ['asylum-requests'] }, 'highlight', /layer "refuge", which the chapter does not show/],
			[{ highlight: ['mexico'], bounds: [-118, 13, -86, 33] }, 'highlight', /is a country/],
			[{ highlight: ['suchiate-crossing'] }, 'highlight', /"suchiate-crossing" is not among the chapter's places/],
			[{ places: ['tapachula', 'tijuana'], highlight: [] }, 'bounds', /leaves out tijuana/],
			[{ bounds: [-110, 20, -100, 31], places: ['mexico'] }, 'bounds', /does not reach highlighted feature "frontera-sur"/],
			[{ bounds: [100, 10, 120, 30], places: ['mexico'], highlight: [] }, 'bounds', /lies outside the map's data \[-130, 5, -75, 44\]/]
		];
		for (const [overrides, field, message] of cases) {
			// Some of these also show a place no passage names: that is the next rule's business.
			const problems = checkChapter(fixture(overrides), CTX).filter((p) => p.rule !== 'shown');
			expect(rulesOf(problems), JSON.stringify(overrides)).toEqual(['map-state']);
			expect(problems[0]!.field, JSON.stringify(overrides)).toBe(field);
			expect(problems[0]!.message, JSON.stringify(overrides)).toMatch(message);
		}
	});

	it('a place the map shows that no cited passage names, unless mapText marks it as general knowledge', () => {
		const general = 'general knowledge, not from the sources';
		const cases: [Fields, string, RegExp][] = [
			// Framed and labelled.
			[{ places: ['tapachula', 'suchiate-crossing'], highlight: [] }, 'places[1]', /^"suchiate-crossing" \(Suchiate river crossing\) is named in no passage the chapter cites; cite one that names it, or say in mapText why the map shows it, in a sentence that names Suchiate river crossing and marks it "general knowledge, not from the sources"$/],
			// Highlighted (a state is highlighted without being among the places).
			[{ highlight: ['frontera-sur', 'chiapas'] }, 'highlight[1]', /^"chiapas" \(Chiapas\) is named in no passage/],
			// A highlighted feature drawn at a place.
			[{ layers: ['borders', 'enforcement', 'refuge'], highlight: ['frontera-sur', 'casa-shelter'] }, 'highlight[1]', /^"casa-shelter" stands at casa \(Casa del Migrante\), which is named in no passage/],
			// The mark without the name, or the name without the mark, is no explanation.
			[{ places: ['tapachula', 'suchiate-crossing'], highlight: [], mapText: `A marker shows the crossing, from ${general}.` }, 'places[1]', /Suchiate river crossing/],
			[{ places: ['tapachula', 'suchiate-crossing'], highlight: [], mapText: 'A marker shows Ciudad Hidalgo. It is general knowledge, not from the sources.' }, 'places[1]', /Suchiate river crossing/]
		];
		for (const [overrides, field, message] of cases) {
			const problems = checkChapter(fixture(overrides), CTX);
			expect(problems.map((p) => `${p.rule} ${p.field}: ${p.message}`), JSON.stringify(overrides)).toEqual([expect.stringMatching(/^shown /)]);
			expect(problems[0]!.field, JSON.stringify(overrides)).toBe(field);
			expect(problems[0]!.message, JSON.stringify(overrides)).toMatch(message);
		}
		// Explained: a sentence of mapText names it (by an alias too) and carries the mark.
		const explained = { places: ['tapachula', 'suchiate-crossing'], highlight: [], mapText: `A marker shows Ciudad Hidalgo, placed from ${general}: none names a crossing.` };
		expect(checkChapter(fixture(explained), CTX)).toEqual([]);
		const casa = { layers: ['borders', 'enforcement', 'refuge'], highlight: ['frontera-sur', 'casa-shelter'], mapText: `Casa del Migrante is drawn where ${general} puts it.` };
		expect(checkChapter(fixture(casa), CTX)).toEqual([]);
		// Named: a passage the chapter cites names it (the base fixture's Tapachula, and Tijuana here).
		expect(checkChapter(fixture({ places: ['tapachula', 'tijuana'], bounds: [-118, 13, -88, 34], highlight: [] }), CTX)).toEqual([]);
	});

	it('a highlighted feature none of whose passages the chapter cites', () => {
		const problems = checkChapter(fixture({ layers: ['borders', 'enforcement', 'refuge'], highlight: ['frontera-sur', 'asylum-requests'] }), CTX);
		expect(problems.map((p) => `${p.rule} ${p.field}: ${p.message}`)).toEqual([
			'shown highlight[1]: "asylum-requests" rests on passages the chapter does not cite (p-share); cite one of them where the text speaks of it'
		]);
	});

	it('a layer drawn from general knowledge that mapText does not mark as such', () => {
		const route = { layers: ['borders', 'enforcement', 'route'] };
		expect(checkChapter(fixture(route), CTX).map((p) => `${p.rule} ${p.field}: ${p.message}`)).toEqual([
			'shown layers[2]: "route" is drawn from general knowledge, not from the sources; say so in mapText, in a sentence that names the route north and marks it "general knowledge, not from the sources"'
		]);
		const unmarked = { ...route, mapText: 'The map frames Tapachula. The route north is schematic.' };
		expect(rulesOf(checkChapter(fixture(unmarked), CTX))).toEqual(['shown']);
		const marked = { ...route, mapText: 'The map frames Tapachula. The route north is schematic: general knowledge, not from the sources.' };
		expect(checkChapter(fixture(marked), CTX)).toEqual([]);
	});

	it('a date whose year no cited passage gives, unless dateBasis says how it is known', () => {
		const problems = checkChapter(fixture({ when: '2017/2018' }), CTX);
		expect(problems.map((p) => `${p.rule} ${p.field}: ${p.message}`)).toEqual([
			'date when: 2017 is in no passage the chapter cites; cite one that gives it, or say in dateBasis how the date is known ("As reported in …", or how it is inferred)'
		]);
		expect(checkChapter(fixture({ when: '2017/2018', dateBasis: 'As reported in 2017 by an outlet whose text states its date.' }), CTX)).toEqual([]);
		expect(checkChapter(fixture({ when: '2018-05/2018-12' }), CTX)).toEqual([]);
	});

	it('leaves unknown ids, bad bounds and long fields to the schema, which refuses them first', () => {
		const cases: [Fields, RegExp][] = [
			[{ places: [] }, /places: must name at least one place/],
			[{ places: ['atlantis'] }, /unknown place "atlantis"/],
			[{ layers: undefined }, /layers: is required/],
			[{ layers: ['borders', 'weather'] }, /unknown layer "weather"/],
			[{ highlight: ['nowhere'] }, /unknown highlightable place or feature "nowhere"/],
			[{ mapText: '  ' }, /mapText: must not be empty/],
			[{ bounds: [-89, 13, -95, 18] }, /west -89 must be less than east -95/],
			[{ bounds: [-95, 13, -89] }, /bounds: must be \[west, south, east, north\]/],
			[{ title: 'x'.repeat(LIMITS.titleChars + 1) }, new RegExp(`title: is ${LIMITS.titleChars + 1} characters; at most ${LIMITS.titleChars}`)]
		];
		for (const [overrides, message] of cases) expect(() => fixture(overrides), JSON.stringify(overrides)).toThrow(message);
	});

	it('a derived camera frame is checked like explicit bounds', () => {
		const chapter = fixture({ bounds: undefined, places: ['tapachula', 'tijuana'], highlight: [] }, undefined, [-118, 13, -88, 34]);
		expect(checkChapter(chapter, CTX)).toEqual([]);
		const problems = checkChapter({ ...chapter, frame: [-95, 13, -89, 18] }, CTX);
		expect(problems.map((p) => [p.field, p.message])).toEqual([['places', expect.stringMatching(/leaves out tijuana/)]]);
	});

	it('a source cited fewer times than the rule asks, in the whole story', () => {
		const a = fixture({}, `${FILLER}\n\nDeportations reached 176,726 in 2015.[^p-deport]\n`);
		const b = fixture({}, `${FILLER}\n`);
		const problems = checkStory([a, b], ['src-a', 'src-b', 'src-c'], CTX);
		expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
			'src-a: is cited 1 time in the chapters; each source at least 2 times',
			'src-c: is cited 0 times in the chapters; each source at least 2 times'
		]);
		expect(rulesOf(checkStory([a, a, b], ['src-a', 'src-b'], CTX))).toEqual([]);
	});
});
