import type { Handle } from '@sveltejs/kit';
import { site } from '$lib/server/site';
import { fillChapterBodies } from '$lib/story/chapter-body';

// Chapter bodies go into the prerendered pages here, once each: see src/lib/story/chapter-body.ts.
export const handle: Handle = ({ event, resolve }) =>
	resolve(event, { transformPageChunk: ({ html }) => fillChapterBodies(html, site().story.chapters) });
