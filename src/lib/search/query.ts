import type MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import { snippet, matchRanges, pieces, type Piece } from './highlight';
import { cleanQuery } from './normalize.js';
import type { SearchDocument, SearchGroup } from './options.js';

export interface ResultItem {
	id: string;
	title: Piece[];
	kind: string;
	url: string;
	context: Piece[];
}

export interface ResultGroup {
	id: SearchGroup;
	title: string;
	items: ResultItem[];
	/** How many matched, of which `items` are the first. */
	total: number;
}

export const GROUPS: { id: SearchGroup; title: string }[] = [
	{ id: 'chapters', title: 'Chapters' },
	{ id: 'places', title: 'Places and programs' },
	{ id: 'sources', title: 'Sources' }
];

/** Results shown per group; the rest are counted. */
export const PER_GROUP = 25;

type Stored = Omit<SearchDocument, 'names'>;

/**
 * Where a result links to: for a source paragraph, the passage the first match lies in (its
 * anchor in the reader), else the paragraph.
 */
export function resultUrl(doc: Pick<Stored, 'url' | 'anchors'>, first: number): string {
	const anchor = doc.anchors?.find(([s, e]) => first >= s && first < e);
	return anchor ? doc.url.replace(/#.*$/, `#${anchor[2]}`) : doc.url;
}

/**
 * Runs a reader's query: every word must match (the last may be the start of a word, and
 * words of five letters or more allow a typo), results grouped as GROUPS, best first.
 */
export function runQuery(index: MiniSearch, query: string): ResultGroup[] {
	const q = cleanQuery(query);
	const results: SearchResult[] = q
		? index.search(q, {
				combineWith: 'AND',
				prefix: (_term, i, terms) => i === terms.length - 1,
				fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
				boost: { title: 2, names: 2 }
			})
		: [];
	return GROUPS.map(({ id, title }) => {
		const matched = results.filter((r) => r.group === id);
		return {
			id,
			title,
			total: matched.length,
			items: matched.slice(0, PER_GROUP).map((r) => {
				const doc = r as unknown as Stored & SearchResult;
				const context = snippet(doc.text, r.terms);
				return {
					id: r.id as string,
					title: pieces(doc.title, matchRanges(doc.title, r.terms)),
					kind: doc.kind,
					url: resultUrl(doc, context.first),
					context: context.pieces
				};
			})
		};
	});
}
