// Writes the search index into the built site. svelte.config.js runs it after adapter-static
// has written build/, so every `vite build` (npm run build, the tests, the bench) ships it.
// Plain JavaScript: it runs in Node, outside Vite.
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import MiniSearch from 'minisearch';
import { writeCompressed } from '../server/precompress.js';
import { pageText } from './html.js';
import { DOCUMENTS_PATH, INDEX_OPTIONS, INDEX_PATH } from './options.js';

/**
 * The explorer's pages, where the build has them: /places/<id>/ and /programs/<id>/, read from
 * the built HTML (their <h1> and <main>), whatever they hold.
 * @param {string} dir the built site
 * @param {'places' | 'programs'} section
 * @returns {import('./options.js').SearchDocument[]}
 */
export function sectionPages(dir, section) {
	const root = join(dir, section);
	if (!existsSync(root)) return [];
	return readdirSync(root)
		.filter((name) => statSync(join(root, name)).isDirectory() && existsSync(join(root, name, 'index.html')))
		.sort()
		.flatMap((name) => {
			const page = pageText(readFileSync(join(root, name, 'index.html'), 'utf8'));
			if (!page) return [];
			const url = `/${section}/${name}/`;
			return [{ id: `page:${url}`, group: /** @type {const} */ ('places'), title: page.title, kind: section === 'places' ? 'Place' : 'Program', text: page.text, url }];
		});
}

/**
 * The documents the site build wrote (DOCUMENTS_PATH), with the data-derived places and
 * programs replaced by their own pages where the build has them.
 * @param {string} dir
 * @returns {import('./options.js').SearchDocument[]}
 */
export function siteDocuments(dir) {
	/** @type {import('./options.js').SearchDocument[]} */
	let docs = JSON.parse(readFileSync(join(dir, DOCUMENTS_PATH), 'utf8'));
	for (const [section, prefix] of /** @type {const} */ ([['places', 'place:'], ['programs', 'program:']])) {
		const pages = sectionPages(dir, section);
		if (pages.length) docs = [...docs.filter((d) => !d.id.startsWith(prefix)), ...pages];
	}
	return docs;
}

/**
 * Builds the index from the documents and writes it as INDEX_PATH, with a gzip and a Brotli
 * copy beside it as adapter-static's precompress writes for every other file; the documents
 * file is removed (the index holds everything a result shows).
 * @param {string} dir the built site
 * @returns {{ documents: number, bytes: number, ms: number }}
 */
export function writeSearchIndex(dir) {
	const started = performance.now();
	const docs = siteDocuments(dir);
	const search = new MiniSearch(INDEX_OPTIONS);
	search.addAll(docs);
	const json = JSON.stringify(search);
	const file = join(dir, INDEX_PATH);
	writeCompressed(file, json);
	for (const suffix of ['', '.gz', '.br']) rmSync(join(dir, DOCUMENTS_PATH + suffix), { force: true });
	return { documents: docs.length, bytes: Buffer.byteLength(json), ms: performance.now() - started };
}
