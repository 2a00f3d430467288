import { error } from '@sveltejs/kit';
import { staticMapPng } from '$lib/map/staticmap.server';
import { site } from '$lib/server/site';
import type { EntryGenerator, RequestHandler } from './$types';

// One still map per gazetteer place, framed on it: the place page's first paint and share card.
export const prerender = true;
export const trailingSlash = 'never';

export const entries: EntryGenerator = () => site().explorer.places.flatMap((g) => g.places.map(({ id }) => ({ id })));

export const GET: RequestHandler = ({ params }) => {
	const { explorer } = site();
	const place = explorer.place(params.id);
	if (!place) error(404, 'No such place');
	return new Response(staticMapPng(place.view, explorer.mapData(place.mapFeatures)) as BodyInit, { headers: { 'content-type': 'image/png' } });
};
