import { marked } from '$lib/content/basis';
import { attribution } from '$lib/sources/corpus';
import type { FeatureProps } from '$lib/layers/features';
import { featurePeriod } from '$lib/layers/period';
import { passageHref } from '$lib/sources/passages';
import { paragraphId, segmentBody } from '$lib/sources/reader';
import type { Story } from '$lib/story/build';
import type { SearchDocument } from './options.js';
import { htmlText } from './html.js';

export type { SearchDocument };

const collapse = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * What the search indexes, from the story: each chapter's text (its prose and its map's
 * description), each paragraph of each source
 * body (a match inside a cited passage links to that passage), the gazetteer's places and the
 * thematic map features. Places and features link to a chapter that shows them; the indexer
 * replaces them with the /places/ and /programs/ pages where the build has such pages.
 */
export function searchDocuments(story: Story): SearchDocument[] {
	const docs: SearchDocument[] = [];
	for (const c of story.chapters)
		docs.push({ id: `chapter:${c.slug}`, group: 'chapters', title: c.title, kind: `Chapter ${c.index + 1}`, text: `${htmlText(c.html)} ${collapse(c.mapText)}`, url: `/chapters/${c.slug}/` });

	for (const source of story.sources) {
		const passages = [...story.passages.values()].filter((p) => p.source === source.id);
		segmentBody(source, passages).forEach((paragraph, i) => {
			let text = '';
			const anchors: [number, number, string][] = [];
			for (const segment of paragraph.segments) {
				const piece = segment.text.replace(/\s+/g, ' ');
				const start = text.length;
				text += piece;
				// Each segment of a passage is marked in the reader; its first passage names the anchor.
				for (const id of segment.passages) anchors.push([start, text.length, id]);
			}
			const trimmed = text.trimEnd();
			const lead = trimmed.length - trimmed.trimStart().length;
			docs.push({
				id: `para:${source.id}:${i + 1}`,
				group: 'sources',
				title: source.title,
				kind: attribution(source),
				text: trimmed.trimStart(),
				url: `/sources/${source.id}/#${paragraphId(i)}`,
				anchors: anchors.map(([s, e, id]) => [Math.max(0, s - lead), e - lead, id] as [number, number, string])
			});
		});
	}

	const chaptersShowing = (id: string) => story.chapters.filter((c) => c.view.places.includes(id) || c.view.highlight.includes(id));
	for (const place of story.gazetteer) {
		const shown = chaptersShowing(place.id);
		const named = [...story.passages.values()].find((p) => [place.name, ...place.aliases].some((n) => p.exact.includes(n)));
		const url = shown[0] ? `/chapters/${shown[0].slug}/` : named ? passageHref(named) : undefined;
		if (!url) continue;
		const where = shown.length ? ` Shown in: ${shown.map((c) => c.title).join('; ')}.` : '';
		docs.push({
			id: `place:${place.id}`,
			group: 'places',
			title: place.name,
			kind: `Place · ${place.kind}`,
			text: collapse(`${place.name}${place.aliases.length ? ` (${place.aliases.join(', ')})` : ''}.${where} Location: ${marked(place.location, place.basis)}`),
			names: place.aliases.join(' '),
			url
		});
	}
	for (const collection of story.features.values())
		for (const f of collection.features) {
			const p = f.properties as FeatureProps;
			if (!p.program) continue; // reference layers (borders, route) carry no program
			const shown = chaptersShowing(p.id);
			docs.push({
				id: `program:${p.id}`,
				group: 'places',
				title: p.name,
				kind: `Program · ${p.program}`,
				text: collapse(`${p.summary} ${featurePeriod(p, story.latestSource)}.`),
				names: p.program,
				url: shown[0] ? `/chapters/${shown[0].slug}/` : passageHref(story.passages.get(p.passages[0]!)!)
			});
		}
	return docs;
}

/** The places the story shows and the programs on its map: what a search that finds nothing suggests. */
export function searchSuggestions(story: Story): { places: string[]; programs: string[] } {
	const shown = new Set(story.chapters.flatMap((c) => c.view.places));
	const programs = [...story.features.values()].flatMap((c) => c.features.map((f) => (f.properties as FeatureProps).program).filter(Boolean));
	return {
		places: story.gazetteer.filter((p) => shown.has(p.id)).map((p) => p.name),
		programs: [...new Set(programs)]
	};
}
