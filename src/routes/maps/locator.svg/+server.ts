import { locatorSvg } from '$lib/map/locator.server';
import { site } from '$lib/server/site';
import type { RequestHandler } from './$types';

// The locator's background map, drawn at build (see locator.server.ts).
export const prerender = true;
export const trailingSlash = 'never';

export const GET: RequestHandler = () => new Response(locatorSvg(site().stillMaps.countries), { headers: { 'content-type': 'image/svg+xml' } });
