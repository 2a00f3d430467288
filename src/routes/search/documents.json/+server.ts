import { json } from '@sveltejs/kit';
import { site } from '$lib/server/site';

// What the search indexes, written at build; the indexer (svelte.config.js) makes the index
// from it and removes it. In `npm run dev` the search page indexes it in the browser.
export const prerender = true;
export const trailingSlash = 'never';

export const GET = () => json(site().searchDocuments);
