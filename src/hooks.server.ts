import type { Handle } from '@sveltejs/kit';
import { site } from '$lib/server/site';
import { preloadMapPicture } from '$lib/server/picture-preload';
import { fillChapterBodies } from '$lib/story/chapter-body';

// Chapter bodies go into the prerendered pages here, once each (src/lib/story/chapter-body.ts),
// and the map picture is the first thing the page asks for (picture-preload.ts).
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, { transformPageChunk: ({ html }) => preloadMapPicture(fillChapterBodies(html, site().story.chapters)) });
