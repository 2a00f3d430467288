import { error } from '@sveltejs/kit';
import { site } from '$lib/server/site';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = () => site().data.chapters.map(({ slug }) => ({ slug }));

export const load = ({ params }) => {
	const { data, story } = site();
	const chapter = story.chapters.find((c) => c.slug === params.slug);
	if (!chapter) error(404, `No chapter is called “${params.slug}”.`);
	return { story: data, slug: chapter.slug, title: chapter.title, description: chapter.description, mapText: chapter.mapText };
};
