import { error } from '@sveltejs/kit';
import { staticMapPng } from '$lib/map/staticmap.server';
import { staticMapData } from '$lib/story/story.server';
import { storyData } from '$lib/story/data.server';
import type { EntryGenerator, RequestHandler } from './$types';

// One still map per chapter, drawn at build time: share cards and the no-map fallback.
export const prerender = true;
export const trailingSlash = 'never';

export const entries: EntryGenerator = () => storyData().chapters.map(({ slug }) => ({ slug }));

export const GET: RequestHandler = ({ params }) => {
	const chapter = storyData().chapters.find((c) => c.slug === params.slug);
	if (!chapter) error(404, 'No such chapter');
	return new Response(staticMapPng(chapter.view, staticMapData()) as BodyInit, { headers: { 'content-type': 'image/png' } });
};
