import { error } from '@sveltejs/kit';
import { site } from '$lib/server/site';
import type { EntryGenerator, PageServerLoad } from './$types';

export const entries: EntryGenerator = () => site().explorer.programs.flatMap((g) => g.programs.map(({ id }) => ({ id })));

export const load: PageServerLoad = ({ params }) => {
	const program = site().explorer.program(params.id);
	if (!program) error(404, `No program or map feature is called “${params.id}”.`);
	return { program };
};
