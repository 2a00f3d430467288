/**
 * What a journalist sees when content is wrong: each case breaks the real content the way a
 * careless or hostile contributor might, and expects the exact message, which starts with where to
 * look (`file:line:column: field:`) and ends with what to do. The real build prints the same
 * message as its only error (tests/unit/build-refuses.test.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bbox } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { ContentError } from '$lib/content/errors';
import { readJsonFile, readYamlFile, splitFrontmatter } from '$lib/content/frontmatter';
import { LIMITS } from '$lib/content/limits';
import { parseSources } from '$lib/sources/corpus';
import { checkSeed, LOCK_FILE, type Fingerprint } from '$lib/sources/fingerprint';
import { buildStory, type StoryInputs } from '$lib/story/build';
import { CHAPTER_DIR, PASSAGES_FILE, ROOT, readText, realInputs, realStory, seedFiles, sourcesYaml } from './real-story';

const base = realInputs();
const keys = Object.keys(base.chapters).sort();
const KEY = keys[0]!;
const FILE = KEY.slice(1);
const TEXT = base.chapters[KEY]!;

/** 1-based line of the first occurrence of `needle` in `text`, and the column it starts at. */
function at(text: string, needle: string | RegExp): { line: number; column: number } {
	const index = typeof needle === 'string' ? text.indexOf(needle) : text.search(needle);
	if (index < 0) throw new Error(`test setup: ${String(needle)} is not in the text`);
	const before = text.slice(0, index).split('\n');
	return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** The first chapter with its text changed by `edit`, under `key` (its own by default). */
function withChapter(edit: (text: string) => string, key = KEY): StoryInputs {
	const inputs = realInputs();
	const text = edit(inputs.chapters[KEY]!);
	delete inputs.chapters[KEY];
	inputs.chapters[key] = text;
	return inputs;
}

function messageOf(run: () => unknown): string {
	try {
		run();
	} catch (error) {
		expect(error, String(error)).toBeInstanceOf(ContentError);
		return (error as Error).message;
	}
	throw new Error('the bad content was accepted');
}

const build = (inputs: StoryInputs) => () => buildStory(inputs);
const bodyEnd = (text: string, extra: string) => `${text.trimEnd()}\n\n${extra}\n`;

const REFRESH = '<meta http-equiv="refresh" content="0;url=https://evil.example/">';
const withRefresh = bodyEnd(TEXT, `Read on.[^${firstNote()}] ${REFRESH}`);
const withTextarea = bodyEnd(TEXT, `<textarea>`);
const title = /^title: /m;
const titled = TEXT.replace(/^title: (.*)$/m, 'title: <b>$1</b>');

/** YAML whose aliases nest nine deep: a few lines that expand to hundreds of millions of values. */
const LAUGHS = ['lol0: &a0 [x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 8 }, (_, i) => `lol${i + 1}: &a${i + 1} [${Array(9).fill(`*a${i}`).join(', ')}]`)].join('\n');
const laughing = TEXT.replace(/^(title: .*)$/m, `$1\n${LAUGHS}`);
const ALIAS_MESSAGE = 'its aliases repeat their values more than 100 times, as a "billion laughs" attack does: write the values out, or use fewer aliases';

function firstNote(): string {
	return /\[\^([^\]]+)\]/.exec(TEXT)![1]!;
}

const cases: [name: string, run: () => unknown, message: string][] = [
	[
		'a <meta> refresh in a chapter body',
		build(withChapter(() => withRefresh)),
		`${FILE}:${at(withRefresh, '<meta').line}:${at(withRefresh, '<meta').column}: body: holds markup (<meta http-equiv="refresh" content="0;ur…); content is plain text: write the words without tags (Markdown *emphasis* and [links](/path/) are allowed in chapter bodies)`
	],
	[
		'an unclosed <textarea> in a chapter body',
		build(withChapter(() => withTextarea)),
		`${FILE}:${at(withTextarea, '<textarea>').line}:1: body: holds markup (<textarea>…); content is plain text: write the words without tags (Markdown *emphasis* and [links](/path/) are allowed in chapter bodies)`
	],
	[
		'markup in a frontmatter field',
		build(withChapter(() => titled)),
		`${FILE}:${at(titled, title).line}:8: title: holds markup (${/^title: (.*)$/m.exec(titled)![1]!.slice(0, 40)}…); content is plain text: write the words without tags (Markdown *emphasis* and [links](/path/) are allowed in chapter bodies)`
	],
	[
		'an image in a chapter body',
		build(withChapter((t) => bodyEnd(t, `![A map](/maps/x.png)[^${firstNote()}]`))),
		`${FILE}:${at(bodyEnd(TEXT, '![A map]'), '![A map]').line}:1: body: holds an image; chapters are prose, and the map is their picture`
	],
	[
		'a javascript: link in a chapter body',
		build(withChapter((t) => bodyEnd(t, `[Click](javascript:alert(1))[^${firstNote()}]`))),
		`${FILE}:${at(bodyEnd(TEXT, '[Click]'), '[Click]').line}:1: body: links to "javascript:alert(1)"; a link goes to a site path (/sources/…) or an http(s) page`
	],
	[
		'an empty chapter body',
		build(withChapter((t) => t.slice(0, t.indexOf('\n---', 4) + 5))),
		`${FILE}:${at(TEXT, /\n---\n/).line + 2}: body: is empty: write the chapter’s prose below the frontmatter`
	],
	[
		'a chapter of 5 MB',
		build(withChapter((t) => bodyEnd(t, 'word '.repeat(1_000_000)))),
		`${FILE}: (size): is ${new TextEncoder().encode(bodyEnd(TEXT, 'word '.repeat(1_000_000))).length.toLocaleString('en')} bytes; a chapter file is at most ${LIMITS.chapterBytes.toLocaleString('en')}: split it, or move long text to the sources`
	],
	[
		'a chapter with bytes that are not UTF-8 (read as U+FFFD)',
		build(withChapter((t) => t.replace(/^title: (.)/m, 'title: \uFFFD'))),
		`${FILE}:${at(TEXT, title).line}:8: (encoding): has bytes that are not UTF-8 (they read as "\uFFFD"): save the file as UTF-8`
	],
	[
		'a chapter file without its number prefix',
		build(withChapter((t) => t, `/${CHAPTER_DIR}/no-number.md`)),
		`${CHAPTER_DIR}/no-number.md: (file name): must start with the number that orders the story, as in 07-no-number.md`
	],
	[
		'frontmatter that is not valid YAML, placed at the file’s own line',
		build(withChapter((t) => t.replace(/^(title: .*)$/m, '$1\ntitle: Again'))),
		`${FILE}:${at(TEXT, title).line + 1}:1: frontmatter: is not valid YAML: Map keys must be unique`
	],
	[
		'an unknown layer, placed at its line and column',
		build(withChapter((t) => t.replace(/^layers: \[/m, 'layers: [weather, '))),
		`${FILE}:${at(TEXT, /^layers: /m).line}:10: layers[0]: unknown layer "weather"`
	],
	[
		'bounds with latitude and longitude swapped',
		build(withChapter((t) => t.replace(/^places: .*$/m, 'places: [mexico]\nbounds: [13.5, -118, 33, -86]').replace(/^bounds: \[-.*\n/m, ''))),
		`${FILE}:${at(TEXT, /^places: /m).line + 1}:9: bounds: south -118 is outside -85…85; it looks like [south, west, north, east]: write [-118, 13.5, -86, 33]`
	],
	[
		'a chapter framed on the other side of the world',
		build(withChapter((t) => t.replace(/^bounds: .*$/m, 'bounds: [100, 10, 120, 30]').replace(/^places: .*$/m, 'places: [mexico]'))),
		`${FILE}:${at(TEXT, /^bounds: /m).line}:9: bounds: the camera frame [100, 10, 120, 30] lies outside the map's data [${bbox(base.countries).join(', ')}]: bounds are [west, south, east, north] in degrees`
	],
	[
		'a highlighted feature on a layer the chapter hides',
		build(withChapter((t) => t.replace(/^highlight: .*$/m, 'highlight: [programa-frontera-sur]'))),
		`${FILE}:${at(TEXT, /^highlight: /m).line}:12: highlight: "programa-frontera-sur" belongs to layer "enforcement", which the chapter does not show`
	],
	[
		'a place on the map that no passage of the chapter names, and the map text does not explain',
		build(withChapter((t) => t.replace(/^places: \[mexico\]$/m, 'places: [mexico, tijuana]'))),
		`${FILE}:${at(TEXT, /^places: /m).line}:18: places[1]: "tijuana" (Tijuana) is named in no passage the chapter cites; cite one that names it, or say in mapText why the map shows it, in a sentence that names Tijuana and marks it "general knowledge, not from the sources"`
	],
	[
		'the schematic route on the map, not marked as general knowledge in the map text',
		build(withChapter((t) => t.replace(/^layers: \[borders\]$/m, 'layers: [borders, route]'))),
		`${FILE}:${at(TEXT, /^layers: /m).line}:19: layers[1]: "route" is drawn from general knowledge, not from the sources; say so in mapText, in a sentence that names the route north and marks it "general knowledge, not from the sources"`
	],
	[
		'a chapter dated with a year no passage it cites gives',
		build(withChapter((t) => t.replace(/^when: .*$/m, 'when: 1949'))),
		`${FILE}:${at(TEXT, /^when: /m).line}:7: when: 1949 is in no passage the chapter cites; cite one that gives it, or say in dateBasis how the date is known ("As reported in …", or how it is inferred)`
	],
	[
		'a gazetteer place that does not say where its location comes from',
		() => {
			const inputs = realInputs();
			delete (inputs.gazetteer.raw as Record<string, unknown>[])[0]!.basis;
			return buildStory(inputs);
		},
		`geo/gazetteer.json: [0].basis: place "${(base.gazetteer.raw as { id: string }[])[0]!.id}": must be non-empty text`
	],
	[
		'a quote taken from another source than the one named',
		() => {
			const inputs = realInputs();
			const shared = inputs.passages.raw as { id: string; source: string; quote: string }[];
			const other = inputs.sources.find((s) => s.id !== shared[0]!.source)!;
			inputs.passages.raw = [{ ...shared[0]!, source: other.id }, ...shared.slice(1)];
			return buildStory(inputs);
		},
		(() => {
			const shared = base.passages.raw as { source: string; quote: string }[];
			const other = base.sources.find((s) => s.id !== shared[0]!.source)!;
			const q = shared[0]!.quote;
			const shown = q.length > 80 ? `${q.slice(0, 77)}…` : q;
			return `src/content/passages.yaml: [0].quote: "${shown}" in ${other.id}: not found verbatim in the source body; it is in ${shared[0]!.source}: set source: ${shared[0]!.source}`;
		})()
	],
	[
		'gazetteer coordinates given as [latitude, longitude]',
		() => {
			const inputs = realInputs();
			const places = inputs.gazetteer.raw as { id: string; coordinates: [number, number] }[];
			places[1]!.coordinates = [places[1]!.coordinates[1], places[1]!.coordinates[0]];
			return buildStory(inputs);
		},
		(() => {
			const place = (base.gazetteer.raw as { id: string; coordinates: [number, number] }[])[1]!;
			const [lon, lat] = place.coordinates;
			return `geo/gazetteer.json: [1].coordinates: place "${place.id}": [${lat}, ${lon}] is not a longitude/latitude pair; it looks like [latitude, longitude]: write [${lon}, ${lat}]`;
		})()
	],
	[
		'a thematic feature with a bad date, named by index and id',
		() => {
			const inputs = realInputs();
			const fc = JSON.parse(inputs.layerFiles['enforcement.geojson']!) as { features: { properties: Record<string, unknown> }[] };
			fc.features[1]!.properties.start = '2014-13';
			inputs.layerFiles['enforcement.geojson'] = JSON.stringify(fc);
			return buildStory(inputs);
		},
		(() => {
			const fc = JSON.parse(base.layerFiles['enforcement.geojson']!) as { features: { properties: { id: string } }[] };
			return `geo/enforcement.geojson: features[1].properties.start: feature "${fc.features[1]!.properties.id}": month 13 does not exist, or "unknown" when the sources do not give it`;
		})()
	]
];

cases.push(
	[
		'chapter frontmatter whose aliases multiply without end, placed at the first alias',
		build(withChapter(() => laughing)),
		`${FILE}:${at(laughing, '*a0').line}:${at(laughing, '*a0').column}: frontmatter: ${ALIAS_MESSAGE}`
	],
	[
		'a YAML content file whose aliases multiply without end',
		() => readYamlFile(`${LAUGHS}\n`, PASSAGES_FILE),
		`${PASSAGES_FILE}:${at(LAUGHS, '*a0').line}:${at(LAUGHS, '*a0').column}: (YAML): ${ALIAS_MESSAGE}`
	],
	[
		'the sources’ metadata with aliases that multiply without end',
		() => parseSources(`${LAUGHS}\n`, seedFiles()),
		`seeds/sources.yaml:${at(LAUGHS, '*a0').line}:${at(LAUGHS, '*a0').column}: (YAML): ${ALIAS_MESSAGE}`
	]
);

describe('content errors a journalist can read', () => {
	it.each(cases)('%s', (_name, run, message) => {
		expect(messageOf(run)).toBe(message);
	});
});

describe('a seed file changed by one character', () => {
	const lock = JSON.parse(readFileSync(join(ROOT, LOCK_FILE), 'utf8')) as Record<string, Fingerprint>;
	const [name, text] = Object.entries(seedFiles())[2]!;

	it('is accepted as recorded', () => {
		expect(() => checkSeed(name, text, lock)).not.toThrow();
	});

	it('names the seed file and where it differs, not the passages that quote it', () => {
		const offset = Math.floor(text.length / 2);
		const changed = `${text.slice(0, offset)}${text[offset] === 'x' ? 'y' : 'x'}${text.slice(offset + 1)}`;
		const block = Math.floor(offset / 64) * 64;
		const before = changed.slice(0, block).split('\n');
		expect(messageOf(() => checkSeed(name, changed, lock))).toBe(
			`seeds/${name}:${before.length}:${before.at(-1)!.length + 1}: (text): differs from the text recorded in ${LOCK_FILE} within characters ${block}–${block + 63}: the seeds are kept byte for byte; restore the file (git checkout seeds/${name}), or record a deliberate change with npm run seeds:lock`
		);
	});
});

describe('content files saved with a byte-order mark, as some Windows editors save UTF-8', () => {
	const BOM = '\uFEFF';

	it('builds a chapter that starts with the mark as the same chapter without it', () => {
		const story = buildStory(withChapter((t) => BOM + t));
		const plain = realStory();
		expect(story.chapters[0]).toEqual(plain.chapters[0]);
		expect(splitFrontmatter(BOM + TEXT, FILE).bodyLine).toBe(splitFrontmatter(TEXT, FILE).bodyLine);
	});

	it('reads YAML and JSON files that start with the mark', () => {
		expect(readYamlFile(BOM + readText(PASSAGES_FILE), PASSAGES_FILE)).toEqual(readYamlFile(readText(PASSAGES_FILE), PASSAGES_FILE));
		expect(parseSources(BOM + sourcesYaml(), seedFiles())).toEqual(parseSources(sourcesYaml(), seedFiles()));
		const gazetteer = readText('geo/gazetteer.json');
		expect(readJsonFile(BOM + gazetteer, 'geo/gazetteer.json')).toEqual(JSON.parse(gazetteer));
	});
});
