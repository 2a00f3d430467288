import { staticMapPng } from '$lib/map/staticmap.server';
import { site } from '$lib/server/site';
import type { RequestHandler } from './$types';

// Every gazetteer place on one still map, for /places/.
export const prerender = true;
export const trailingSlash = 'never';

export const GET: RequestHandler = () => {
	const { explorer } = site();
	return new Response(staticMapPng(explorer.overview.places, explorer.maps) as BodyInit, { headers: { 'content-type': 'image/png' } });
};
