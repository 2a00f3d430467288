import { error } from '@sveltejs/kit';
import { site } from '$lib/server/site';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = () => site().sources.map(({ id }) => ({ id }));

export const load = ({ params }) => {
	const page = site().sourcePage(params.id);
	if (!page) error(404, `No source is called “${params.id}”.`);
	return page;
};
