import { error } from '@sveltejs/kit';
import { staticMapPng } from '$lib/map/staticmap.server';
import { site } from '$lib/server/site';
import type { EntryGenerator, RequestHandler } from './$types';

// One still map per chapter, drawn at build time: share cards and the no-map fallback.
export const prerender = true;
export const trailingSlash = 'never';

export const entries: EntryGenerator = () => site().data.chapters.map(({ slug }) => ({ slug }));

export const GET: RequestHandler = ({ params }) => {
	const chapter = site().data.chapters.find((c) => c.slug === params.slug);
	if (!chapter) error(404, 'No such chapter');
	return new Response(staticMapPng(chapter.view, site().stillMaps) as BodyInit, { headers: { 'content-type': 'image/png' } });
};
