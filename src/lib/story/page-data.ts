import { bbox } from '@turf/turf';
import { extentBasis } from '$lib/layers/features';
import { featurePeriod } from '$lib/layers/period';
import { LAYERS } from '$lib/layers/registry';
import { attribution } from '$lib/sources/corpus';
import { passageHref } from '$lib/sources/passages';
import type { Story } from './build';
import { chapterBody } from './chapter-body';
import type { ChapterData, FeatureInfo, PassageView, StoryData } from './types';

/**
 * The part of the story the pages send to the browser. Chapter bodies are left out (see
 * chapter-body.ts) except with `withBodies`, for development, where Vite renders pages anew.
 */
export function pageData(story: Story, { withBodies = false, labelWidths = {} }: { withBodies?: boolean; labelWidths?: StoryData['labelWidths'] } = {}): StoryData {
	const places = new Map(story.gazetteer.map((p) => [p.id, p]));
	const features: FeatureInfo[] = LAYERS.filter((l) => l.kind === 'thematic').flatMap((l) =>
		(story.features.get(l.id)?.features ?? []).map((f) => {
			const p = f.properties as FeatureInfo & { scope?: string; extent?: string };
			const box = bbox(f).map((n) => Math.round(n * 1e4) / 1e4) as FeatureInfo['bbox'];
			const period = featurePeriod(p, story.latestSource);
			const info: FeatureInfo = { id: p.id, layer: l.id, name: p.name, program: p.program, start: p.start, end: p.end, summary: p.summary, passages: p.passages, bbox: box, period };
			const basis = extentBasis(p.scope, p.place ? places.get(p.place) : undefined);
			if (p.extent && basis !== 'sourced') info.extent = { text: p.extent, basis };
			if (p.figures) info.figures = p.figures;
			if (p.status) info.status = p.status;
			if (p.dateBasis) info.dateBasis = p.dateBasis;
			if (p.scope) info.scope = p.scope;
			return info;
		})
	);
	const sources = new Map(story.sources.map((s) => [s.id, s]));
	const passages: Record<string, PassageView> = {};
	for (const id of new Set(features.flatMap((f) => f.passages))) {
		const passage = story.passages.get(id)!;
		const view: PassageView = {
			id,
			source: passage.source,
			text: passage.exact.replace(/\s+/g, ' '),
			href: passageHref(passage),
			attribution: attribution(sources.get(passage.source)!)
		};
		if (passage.speaker) view.speaker = passage.speaker;
		if (passage.note) view.note = passage.note;
		passages[id] = view;
	}
	const sourceLinks = story.sources.map(({ id, title, outlet, dateLabel, authors }) => ({ id, title, outlet, dateLabel, authors }));
	const chapters = story.chapters.map(({ html: _html, notes: _notes, description: _description, ...chapter }, i): ChapterData =>
		withBodies ? { ...chapter, body: chapterBody(story.chapters[i]!) } : chapter
	);
	return { chapters, places: story.places, features, passages, sources: sourceLinks, labelWidths };
}
