import { segmentBody, type ReaderParagraph } from '$lib/sources/reader';
import { sourceMeta as meta, type SourceMeta } from '$lib/sources/corpus';
import type { Story } from './build';
import type { FeatureProps } from '$lib/layers/features';
import { LAYERS } from '$lib/layers/registry';

export interface SourceSummary extends SourceMeta {
	/** How many passages of this source the story cites. */
	cited: number;
}

export interface CitingChapter {
	slug: string;
	title: string;
}

export interface SourcePage {
	source: SourceMeta;
	paragraphs: ReaderParagraph[];
	/** Passage id → chapters that cite it. */
	citedBy: Record<string, CitingChapter[]>;
	/** Passage id → our editor's note on it, for passages that have one. */
	editorNotes: Record<string, string>;
	/** Passage id → the thematic map features that cite it, each with its page /programs/<id>/. */
	features: Record<string, FeatureLink[]>;
}

export interface FeatureLink {
	id: string;
	name: string;
}

/** The sources with how many of their passages the story cites. */
export function sourceSummaries(story: Story): SourceSummary[] {
	return story.sources.map((s) => ({
		...meta(s),
		cited: [...story.passages.values()].filter((p) => p.source === s.id && story.citedBy.has(p.id)).length
	}));
}

/** A source's reader page: its body in paragraphs with the cited passages marked, and who cites each. */
export function sourcePage(story: Story, id: string): SourcePage | undefined {
	const source = story.sources.find((s) => s.id === id);
	if (!source) return undefined;
	const titles = new Map(story.chapters.map((c) => [c.slug, c.title]));
	const passages = [...story.passages.values()].filter((p) => p.source === id);
	return {
		source: meta(source),
		paragraphs: segmentBody(source, passages),
		features: featuresCiting(story, passages.map((p) => p.id)),
		editorNotes: Object.fromEntries(passages.filter((p) => p.note).map((p) => [p.id, p.note!])),
		citedBy: Object.fromEntries(
			passages.map((p) => [p.id, (story.citedBy.get(p.id) ?? []).map((slug) => ({ slug, title: titles.get(slug)! }))])
		)
	};
}

/** For each passage, the thematic features that cite it, in the registry's order. */
function featuresCiting(story: Story, passageIds: string[]): Record<string, FeatureLink[]> {
	const features = LAYERS.filter((l) => l.kind === 'thematic').flatMap((l) =>
		(story.features.get(l.id)?.features ?? []).map((f) => f.properties as FeatureProps)
	);
	return Object.fromEntries(
		passageIds.map((id) => [id, features.filter((f) => f.passages.includes(id)).map(({ id: featureId, name }) => ({ id: featureId, name }))])
	);
}
