// The index's options, shared by the indexer (Node, at build) and the browser (which loads the
// index with them: MiniSearch needs the same fields and term processing on both sides).
import { fold, tokenize } from './normalize.js';

/** @typedef {'chapters' | 'places' | 'sources'} SearchGroup */

/**
 * @typedef {object} SearchDocument
 * @property {string} id unique: "chapter:merida", "para:kpbs-2018:3", "place:tapachula", "page:/places/x/"
 * @property {SearchGroup} group which list of results it appears in
 * @property {string} title
 * @property {string} kind a short label: "Chapter 3", "Place", "Program", "KPBS, October 2018"
 * @property {string} text the words searched and shown in context
 * @property {string} [names] other names (aliases), searched but not shown
 * @property {string} url where a result links to
 * @property {[number, number, string][]} [anchors] for source paragraphs: [start, end, id] of
 *   each passage in `text`; a match inside one links to its anchor instead of `url`
 */

/** The index, written into the built site by indexer.js; loaded by the search page only. */
export const INDEX_PATH = '/search/index.json';
/** The documents, written by the site build (src/routes/search/documents.json/); in a built site, indexer.js turns them into INDEX_PATH and removes them. */
export const DOCUMENTS_PATH = '/search/documents.json';

export const INDEX_OPTIONS = {
	fields: ['title', 'names', 'text'],
	storeFields: ['group', 'title', 'kind', 'text', 'url', 'anchors'],
	// Fuzzy matching allows at most two edits, however long the term: a pasted 10,000-character
	// "word" would otherwise be matched with thousands of edits, which takes minutes.
	searchOptions: { maxFuzzy: 2 },
	tokenize,
	processTerm: (/** @type {string} */ term) => fold(term) || null
};
