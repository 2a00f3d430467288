import { site } from '$lib/server/site';

export const load = () => ({
	chapters: site().data.chapters.map(({ slug, title }) => ({ slug, title })),
	sources: site().sources.length,
	places: site().explorer.places.flatMap((g) => g.places.map(({ id, name }) => ({ id, name }))),
	programs: site().explorer.programs.flatMap((g) => g.programs.map(({ id, name }) => ({ id, name })))
});
