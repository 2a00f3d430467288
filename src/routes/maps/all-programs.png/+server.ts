import { staticMapPng } from '$lib/map/staticmap.server';
import { site } from '$lib/server/site';
import type { RequestHandler } from './$types';

// Every thematic map feature on one still map, for /programs/.
export const prerender = true;
export const trailingSlash = 'never';

export const GET: RequestHandler = () => {
	const { explorer } = site();
	return new Response(staticMapPng(explorer.overview.programs, explorer.maps) as BodyInit, { headers: { 'content-type': 'image/png' } });
};
