import type { Handle } from '@sveltejs/kit';
import { site } from '$lib/server/site';
import { preloadMapPicture } from '$lib/server/picture-preload';
import { fillChapterBodies } from '$lib/story/chapter-body';
import { scriptsAfterPaint } from '$lib/server/scripts-after-paint';

// Chapter bodies go into the prerendered pages here, once each (src/lib/story/chapter-body.ts),
// the map picture is the first thing the page asks for (picture-preload.ts), and its scripts
// come after its first paint (scripts-after-paint.ts).
export const handle: Handle = async ({ event, resolve }) => {
	let policy = (text: string) => text;
	const response = await resolve(event, {
		transformPageChunk: ({ html }) => {
			const held = scriptsAfterPaint(preloadMapPicture(fillChapterBodies(html, site().story.chapters)), event.url.pathname);
			policy = held.policy;
			return held.html;
		}
	});
	// The dev server sends its policy as a header (a prerendered page carries it in a <meta>).
	const header = response.headers.get('content-security-policy');
	if (header) response.headers.set('content-security-policy', policy(header));
	return response;
};
