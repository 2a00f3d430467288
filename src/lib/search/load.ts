import type MiniSearch from 'minisearch';
import { DOCUMENTS_PATH, INDEX_OPTIONS, INDEX_PATH, type SearchDocument } from './options.js';

let loading: Promise<MiniSearch> | undefined;

/**
 * The index, fetched the first time a query runs (never before: nothing of it loads until the
 * reader searches). A built site has it as one file; `npm run dev` has only the documents,
 * indexed here instead.
 */
export function loadIndex(fetcher: typeof fetch = fetch): Promise<MiniSearch> {
	loading ??= (async () => {
		const { default: MiniSearch } = await import('minisearch');
		const response = await fetcher(INDEX_PATH);
		if (response.ok) return MiniSearch.loadJSON(await response.text(), INDEX_OPTIONS);
		const docs = await fetcher(DOCUMENTS_PATH);
		if (!docs.ok) throw new Error(`The search index could not be loaded (${response.status}).`);
		const index = new MiniSearch(INDEX_OPTIONS);
		index.addAll((await docs.json()) as SearchDocument[]);
		return index;
	})();
	loading.catch(() => (loading = undefined));
	return loading;
}
