import { error } from '@sveltejs/kit';
import { site } from '$lib/server/site';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => site().explorer.places.flatMap((g) => g.places.map(({ id }) => ({ id })));

export const load: PageServerLoad = ({ params }) => {
	const place = site().explorer.place(params.id);
	if (!place) error(404, `No place is called “${params.id}”.`);
	return { place };
};
