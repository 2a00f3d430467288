import type { Mention, PlaceMatcher } from '$lib/geo/names';
import { attribution, type Source } from '$lib/sources/corpus';
import { bodyParagraphs } from '$lib/sources/reader';

/** A run of a paragraph's text: `mark` where it names the place. */
export interface Run {
	text: string;
	mark?: true;
}

/** A paragraph of a source body that names a place, with the names marked. */
export interface NamingPassage {
	source: string;
	/** The paragraph's anchor in the source reader. */
	paragraph: string;
	/** /sources/<source>/#<paragraph> */
	href: string;
	/** The paragraph's text, cut where it names the place. */
	runs: Run[];
	/** The words that name it, as the source writes them. */
	names: string[];
}

/** The sources' names for a place, source by source, for a place page. */
export interface SourceNaming {
	id: string;
	title: string;
	/** "Outlet, date" */
	attribution: string;
	passages: NamingPassage[];
}

function runs(text: string, mentions: Mention[]): Run[] {
	const out: Run[] = [];
	let cursor = 0;
	for (const m of mentions) {
		if (m.start > cursor) out.push({ text: text.slice(cursor, m.start) });
		out.push({ text: text.slice(m.start, m.end), mark: true });
		cursor = m.end;
	}
	if (cursor < text.length) out.push({ text: text.slice(cursor) });
	return out;
}

/**
 * Every paragraph of every source body that names each place, found by `match` (word
 * boundaries, accents and case folded). Only the article body is read: headlines, captions and
 * the rest of a page's furniture are not the source's words. Place id → sources, in corpus order.
 */
export function placeNamings(sources: readonly Source[], match: PlaceMatcher): Map<string, SourceNaming[]> {
	const byPlace = new Map<string, SourceNaming[]>();
	for (const source of sources) {
		for (const paragraph of bodyParagraphs(source)) {
			const mentions = match(paragraph.text);
			for (const place of new Set(mentions.map((m) => m.place))) {
				const own = mentions.filter((m) => m.place === place);
				const list = byPlace.get(place) ?? [];
				byPlace.set(place, list);
				let entry = list.find((s) => s.id === source.id);
				if (!entry) list.push((entry = { id: source.id, title: source.title, attribution: attribution(source), passages: [] }));
				entry.passages.push({
					source: source.id,
					paragraph: paragraph.id,
					href: `/sources/${source.id}/#${paragraph.id}`,
					runs: runs(paragraph.text, own),
					names: own.map((m) => paragraph.text.slice(m.start, m.end))
				});
			}
		}
	}
	return byPlace;
}
