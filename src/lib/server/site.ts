import type { FeatureCollection } from 'geojson';
import { ContentError } from '$lib/content/errors';
import { readJsonFile, readYamlFile } from '$lib/content/frontmatter';
import { checkText } from '$lib/content/text';
import type { StaticMapData } from '$lib/map/staticmap.server';
import { checkSeed, type Fingerprint } from '$lib/sources/fingerprint';
import { parseSources } from '$lib/sources/corpus';
import { buildExplorer, type Explorer } from '$lib/explorer/explorer';
import { buildStory, type Story } from '$lib/story/build';
import { pageData } from '$lib/story/page-data';
import { sourcePage, sourceSummaries, type SourcePage, type SourceSummary } from '$lib/story/source-pages';
import type { StoryData } from '$lib/story/types';
import { LAYERS } from '$lib/layers/registry';
import { checkLabels } from '$lib/labels/labels';
import { labelWidths } from '$lib/labels/metrics.server';
import { parseEvents } from '$lib/timeline/events';
import { buildTimeline, type Timeline } from '$lib/timeline/timeline';
import { searchDocuments, searchSuggestions, type SearchDocument } from '$lib/search/documents';

/**
 * The one build-time loader. Vite reads every content, seed and geo file once, through
 * import.meta.glob (so `npm run dev` reloads when one changes); they are parsed and built into
 * the story once per build, and every page, the source reader and the still maps read from the
 * one object this returns. Nothing here reaches the browser.
 */
export interface Site {
	story: Story;
	/** What the story pages send to the browser. */
	data: StoryData;
	/** The geo data the still maps are drawn from: the renderer caches its work by object. */
	stillMaps: StaticMapData;
	sources: SourceSummary[];
	sourcePage(id: string): SourcePage | undefined;
	/** Places and programs: /places/, /programs/ and their pages and still maps. */
	explorer: Explorer;
	/** Every dated item, in order (/timeline/). */
	timeline: Timeline;
	/** What the site search indexes (/search/index.json). */
	searchDocuments: SearchDocument[];
	/** Place and program names, suggested when a search finds nothing. */
	searchSuggestions: { places: string[]; programs: string[] };
}

const raw = (files: Record<string, unknown>) => files as Record<string, string>;
const chapters = raw(import.meta.glob('/src/content/chapters/*.md', { query: '?raw', import: 'default', eager: true }));
const content = raw(import.meta.glob(['/src/content/passages.yaml', '/src/content/events.yaml'], { query: '?raw', import: 'default', eager: true }));
const seeds = raw(import.meta.glob(['/seeds/*.txt', '/seeds/sources.yaml', '/seeds/seeds.lock.json'], { query: '?raw', import: 'default', eager: true }));
const geo = raw(import.meta.glob(['/geo/*.geojson', '/geo/gazetteer.json', '/geo/labels.json'], { query: '?raw', import: 'default', eager: true }));

function readJson(files: Record<string, string>, path: string, missing = 'run npm run geo'): unknown {
	const file = path.slice(1);
	const text = files[path];
	if (text === undefined) throw new ContentError(file, '(file)', `is missing: ${missing}`);
	checkText(text, file);
	return readJsonFile(text, file);
}

/** A content file's text, checked for its encoding. */
function readText(files: Record<string, string>, path: string): string {
	const text = files[path] ?? '';
	checkText(text, path.slice(1));
	return text;
}

function load(): Site {
	const lock = readJson(seeds, '/seeds/seeds.lock.json', 'run npm run seeds:lock') as Record<string, Fingerprint>;
	const seedTexts = Object.fromEntries(
		Object.entries(seeds)
			.filter(([path]) => path.endsWith('.txt'))
			.map(([path, text]) => [path.replace('/seeds/', ''), text])
	);
	for (const [file, text] of Object.entries(seedTexts)) checkSeed(file, text, lock);
	const states = readJson(geo, '/geo/states.geojson') as FeatureCollection;
	const countries = readJson(geo, '/geo/countries.geojson') as FeatureCollection;
	const passagesFile = '/src/content/passages.yaml';
	const story = buildStory({
		chapters,
		sources: parseSources(readText(seeds, '/seeds/sources.yaml'), seedTexts),
		passages: { file: passagesFile.slice(1), raw: readYamlFile(readText(content, passagesFile), passagesFile.slice(1)) ?? [] },
		gazetteer: { file: 'geo/gazetteer.json', raw: readJson(geo, '/geo/gazetteer.json') },
		states,
		countries,
		layerFiles: Object.fromEntries(Object.entries(geo).map(([path, text]) => [path.replace('/geo/', ''), text]))
	});
	const labels = readJson(geo, '/geo/labels.geojson') as FeatureCollection;
	const regions = new Set([...states.features, ...countries.features].map((f) => String(f.properties?.id)));
	checkLabels(readJson(geo, '/geo/labels.json'), labels, story.gazetteer, regions);
	const stillMaps = { states, countries, labels, features: story.features, places: story.places };
	const explorer = buildExplorer(story, { states, countries, maps: stillMaps });
	const eventsFile = '/src/content/events.yaml';
	const events = parseEvents(readYamlFile(readText(content, eventsFile), eventsFile.slice(1)), eventsFile.slice(1), (id) => story.passages.get(id)?.exact);
	const themes = LAYERS.filter((l) => l.kind === 'thematic').map(({ id, title }) => ({ id, title }));
	return {
		story,
		timeline: buildTimeline(story, events, themes),
		searchDocuments: searchDocuments(story),
		searchSuggestions: searchSuggestions(story),
		data: withFeaturePlaces(pageData(story, { withBodies: import.meta.env.DEV, labelWidths: labelWidths(labels, 'en') }), explorer),
		stillMaps,
		sources: sourceSummaries(story),
		sourcePage: (id) => sourcePage(story, id),
		explorer
	};
}

/** The explore panel links a feature placed at a gazetteer place to that place's page. */
function withFeaturePlaces(data: StoryData, explorer: Explorer): StoryData {
	for (const feature of data.features) {
		const place = explorer.program(feature.id)?.place;
		if (place) feature.place = place.id;
	}
	return data;
}

let loaded: Site | undefined;

/** The site's content, loaded and checked on first use; a content error fails the build here. */
export function site(): Site {
	loaded ??= load();
	return loaded;
}
