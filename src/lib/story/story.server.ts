import type { FeatureCollection } from 'geojson';
import { parse } from 'yaml';
import { loadSources } from '$lib/sources/seeds.server';
import { buildStory, type Story } from './build';
import type { StaticMapData } from '$lib/map/staticmap.server';

const chapters = import.meta.glob('/src/content/chapters/*.md', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const shared = import.meta.glob('/src/content/passages.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const geo = import.meta.glob(['/geo/*.geojson', '/geo/gazetteer.json'], { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

function readJson(path: string): unknown {
	const text = geo[path];
	if (text === undefined) throw new Error(`${path.slice(1)} is missing: run npm run geo`);
	try {
		return JSON.parse(text);
	} catch (error) {
		throw new Error(`${path.slice(1)}: is not valid JSON: ${(error as Error).message}`);
	}
}

let cached: Story | undefined;

/** The whole story, built once per build from the files in the repository. */
export function loadStory(): Story {
	cached ??= buildStory({
		chapters,
		sources: loadSources(),
		passages: { file: 'src/content/passages.yaml', raw: parse(shared['/src/content/passages.yaml'] ?? '[]') },
		gazetteer: { file: 'geo/gazetteer.json', raw: readJson('/geo/gazetteer.json') },
		states: readJson('/geo/states.geojson') as FeatureCollection,
		countries: readJson('/geo/countries.geojson') as FeatureCollection,
		layerFiles: Object.fromEntries(Object.entries(geo).map(([path, text]) => [path.replace('/geo/', ''), text]))
	});
	return cached;
}

let stillMapData: StaticMapData | undefined;

/**
 * The geo data the still maps are drawn from, read once per build: the renderer caches its
 * rewound copies by object, so every chapter's image must get the same objects.
 */
export function staticMapData(): StaticMapData {
	if (!stillMapData) {
		const story = loadStory();
		stillMapData = {
			states: readJson('/geo/states.geojson') as FeatureCollection,
			countries: readJson('/geo/countries.geojson') as FeatureCollection,
			features: story.features,
			places: story.places
		};
	}
	return stillMapData;
}
