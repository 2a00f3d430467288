import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { bbox, point } from '@turf/turf';
import { ContentError } from '$lib/content/errors';
import { parseCitations, type Bbox, type CitationSpec } from '$lib/content/schema';
import { parseGazetteer, type Place } from '$lib/geo/gazetteer';
import { placeMatcher } from '$lib/geo/names';
import { LAYER_IDS, LAYERS } from '$lib/layers/registry';
import { checkFeatureDates, parseLayerFile } from '$lib/layers/features';
import { latestSourceDate } from '$lib/layers/period';
import { frameBounds } from '$lib/map/camera';
import { chapterLabels } from '$lib/labels/labels';
import { attribution, type Source } from '$lib/sources/corpus';
import { passageHref, resolvePassage, type Passage } from '$lib/sources/passages';
import { readChapterFile, type ChapterFile } from './chapter-file';
import { renderChapterBody } from './render';
import { checkStory, type ChapterContent } from './rules';
import type { ChapterView, StoryData } from './types';

export interface StoryInputs {
	/** Chapter files: path → Markdown text. Sorted by path; a number prefix orders them. */
	chapters: Record<string, string>;
	sources: Source[];
	/** Passages shared by chapters and layers, defined once (src/content/passages.yaml). */
	passages: { file: string; raw: unknown };
	gazetteer: { file: string; raw: unknown };
	states: FeatureCollection;
	countries: FeatureCollection;
	/** GeoJSON text of every layer data file in geo/, by file name. */
	layerFiles: Record<string, string>;
}

export interface Story {
	chapters: ChapterView[];
	places: StoryData['places'];
	passages: Map<string, Passage>;
	/** Features of the registry layers, by layer id. */
	features: Map<string, FeatureCollection>;
	/** Passage id → slugs of the chapters that cite it. */
	citedBy: Map<string, string[]>;
	sources: Source[];
	/** The newest source's date: how far the sources see (a measure without an end is open up to it). */
	latestSource: string;
	gazetteer: Place[];
}

function regionFeatures(states: FeatureCollection, countries: FeatureCollection): Map<string, Feature<Geometry>> {
	const map = new Map<string, Feature<Geometry>>();
	for (const f of [...states.features, ...countries.features]) {
		const id = f.properties?.id;
		if (typeof id === 'string' && f.geometry) map.set(id, f as Feature<Geometry>);
	}
	return map;
}

/** Everything the pages show, validated: throws a ContentError at the first bad input. */
export function buildStory(inputs: StoryInputs): Story {
	const regions = regionFeatures(inputs.states, inputs.countries);
	const gazetteer = parseGazetteer(inputs.gazetteer.raw, inputs.gazetteer.file, new Set(regions.keys()));
	const placesById = new Map(gazetteer.map((p) => [p.id, p]));
	const sources = new Map(inputs.sources.map((s) => [s.id, s]));

	const files = Object.keys(inputs.chapters).sort();
	if (files.length === 0) throw new ContentError('src/content/chapters', '(folder)', 'holds no chapters');

	const passages = new Map<string, Passage>();
	const define = (specs: CitationSpec[], file: string, field: string) =>
		specs.forEach((spec, i) => {
			const existing = passages.get(spec.id);
			if (existing) throw new ContentError(file, `${field}[${i}].id`, `"${spec.id}" is already defined in ${existing.definedIn}`);
			const passage = resolvePassage(spec, sources, file, `${field}[${i}]`);
			const twin = [...passages.values()].find((p) => p.source === passage.source && p.start === passage.start && p.end === passage.end);
			if (twin) throw new ContentError(file, `${field}[${i}].id`, `"${spec.id}" quotes the same words as "${twin.id}" (${twin.definedIn}); cite "${twin.id}" instead`);
			passages.set(spec.id, passage);
		});
	define(parseCitations(inputs.passages.raw, inputs.passages.file, ''), inputs.passages.file, '');

	// Layer features cite shared passages, so they are checked once those are known.
	const features = new Map<string, FeatureCollection>();
	const featureIds = new Map<string, string>();
	const featureLayers = new Map<string, string>();
	const featureBounds = new Map<string, Bbox>();
	const themeFeatures = new Map<string, { passages: string[]; place?: string }>();
	for (const def of LAYERS) {
		const file = `geo/${def.data}`;
		const text = inputs.layerFiles[def.data];
		if (text === undefined) throw new ContentError(file, '(file)', `is missing; layer "${def.id}" reads it (run npm run geo)`);
		const collection = parseLayerFile(text, file, def, new Set(passages.keys()));
		if (def.kind === 'thematic') checkFeatureDates(collection, file, (id) => passages.get(id)?.exact);
		collection.features.forEach((f, i) => {
			const id = f.properties!.id as string;
			const other = featureIds.get(id) ?? (placesById.has(id) ? 'geo/gazetteer.json' : undefined);
			if (other) throw new ContentError(file, `features[${i}].properties.id`, `"${id}" is already used in ${other}`);
			featureIds.set(id, file);
			featureLayers.set(id, def.id);
			featureBounds.set(id, bbox(f) as Bbox);
			if (def.kind === 'thematic') {
				const { passages: cites, place } = f.properties as { passages: string[]; place?: unknown };
				themeFeatures.set(id, { passages: cites, ...(typeof place === 'string' && { place }) });
			}
		});
		features.set(def.id, collection);
	}
	const highlightable = new Set([...placesById.keys(), ...featureIds.keys()]);
	const ctx = { places: new Set(placesById.keys()), layers: LAYER_IDS, highlightable };

	// First pass: frontmatter and passages, so a chapter may cite a passage another defines.
	const parsed: ChapterFile[] = [];
	const slugs = new Map<string, string>();
	for (const path of files) {
		const chapter = readChapterFile(path, inputs.chapters[path]!, ctx);
		const { file, meta } = chapter;
		const other = slugs.get(meta.slug);
		if (other)
			chapter.located(() => {
				throw new ContentError(file, 'slug', `"${meta.slug}" is already the slug of ${other}`);
			});
		slugs.set(meta.slug, file);
		chapter.located(() => define(meta.citations, file, 'citations'));
		parsed.push(chapter);
	}

	const names = placeMatcher(gazetteer);
	const citedBy = new Map<string, string[]>();
	const checked: ChapterContent[] = [];
	/** Places some chapter's prose names: the browser needs them to select them on the map. */
	const named = new Set<string>();
	const chapters: ChapterView[] = parsed.map(({ file, meta, body, bodyLine }, index) => {
		const rendered = renderChapterBody(body, file, { passages, sources, places: names }, bodyLine);
		for (const id of rendered.places) named.add(id);
		const cited = new Set([...meta.citations.map((c) => c.id), ...rendered.notes.map((n) => n.passage.id)]);
		for (const id of cited) citedBy.set(id, [...(citedBy.get(id) ?? []), meta.slug]);
		const framed = meta.places.map((id) => {
			const place = placesById.get(id)!;
			const region = place.kind === 'state' || place.kind === 'country' ? regions.get(place.within) : undefined;
			return region ?? (point(place.coordinates, { id }) as Feature<Geometry>);
		});
		const frame = meta.bounds ?? frameBounds(framed, { minSpan: 2.5, padding: 0.08 });
		checked.push({ file, meta, body, bodyLine, frame });
		return {
			index,
			slug: meta.slug,
			title: meta.title,
			when: meta.when,
			...(meta.dateBasis && { dateBasis: meta.dateBasis.replace(/\s+/g, ' ') }),
			html: rendered.html,
			notes: rendered.notes.map(({ number, passage }) => {
				const source = sources.get(passage.source)!;
				return {
					number,
					passage: passage.id,
					source: source.id,
					href: passageHref(passage),
					attribution: attribution(source),
					sourceTitle: source.title
				};
			}),
			mapText: meta.mapText,
			description: meta.description,
			view: {
				bounds: frame,
				maxZoom: meta.maxZoom,
				layers: meta.layers,
				highlight: meta.highlight,
				places: meta.places,
				labels: chapterLabels(meta, rendered.places, placesById, (place) => {
					const region = place.kind === 'state' || place.kind === 'country' ? regions.get(place.within) : undefined;
					const [w, s, e, n] = region ? (bbox(region) as Bbox) : [...place.coordinates, ...place.coordinates];
					return w < frame[2] && e > frame[0] && s < frame[3] && n > frame[1];
				})
			}
		};
	});

	const [problem] = checkStory(checked, inputs.sources.map((s) => s.id), {
		passages,
		places: placesById,
		features: featureLayers,
		featureBounds,
		names,
		themeFeatures,
		generalLayers: new Map(LAYERS.filter((l) => l.basis === 'general').map((l) => [l.id, l.title])),
		sourceTexts: new Map(inputs.sources.map((s) => [s.id, s.text])),
		extent: bbox(inputs.countries) as Bbox
	});
	if (problem) {
		const error = new ContentError(problem.file, problem.field, problem.message, problem.line);
		const chapter = parsed.find((c) => c.file === problem.file);
		if (!chapter) throw error;
		chapter.located(() => {
			throw error;
		});
	}

	const used = new Set([...chapters.flatMap((c) => c.view.places), ...named]);
	const places = gazetteer
		.filter((p) => used.has(p.id))
		.map(({ id, name, kind, coordinates, within }) => ({ id, name, kind, coordinates, within }));
	return { chapters, places, passages, features, citedBy, sources: inputs.sources, latestSource: latestSourceDate(inputs.sources), gazetteer };
}
