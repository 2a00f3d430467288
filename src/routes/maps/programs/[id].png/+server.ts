import { error } from '@sveltejs/kit';
import { staticMapPng } from '$lib/map/staticmap.server';
import { site } from '$lib/server/site';
import type { EntryGenerator, RequestHandler } from './$types';

// One still map per thematic feature, framed on its area: the program page's first paint and share card.
export const prerender = true;
export const trailingSlash = 'never';

export const entries: EntryGenerator = () => site().explorer.programs.flatMap((g) => g.programs.map(({ id }) => ({ id })));

export const GET: RequestHandler = ({ params }) => {
	const { explorer } = site();
	const program = explorer.program(params.id);
	if (!program) error(404, 'No such program');
	return new Response(staticMapPng(program.view, explorer.mapData([program.id])) as BodyInit, { headers: { 'content-type': 'image/png' } });
};
