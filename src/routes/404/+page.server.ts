import { site } from '$lib/server/site';

export const load = () => ({
	chapters: site().data.chapters.map(({ slug, title }) => ({ slug, title })),
	sources: site().sources.length
});
