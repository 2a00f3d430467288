import { error } from '@sveltejs/kit';
import { sourcePage, sourceSummaries } from '$lib/sources/data.server';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = () => sourceSummaries().map(({ id }) => ({ id }));

export const load = ({ params }) => {
	const page = sourcePage(params.id);
	if (!page) error(404, `No source is called “${params.id}”.`);
	return page;
};
