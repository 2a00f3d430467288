import { error } from '@sveltejs/kit';
import { storyData } from '$lib/story/data.server';
import type { EntryGenerator } from './$types';

export const entries: EntryGenerator = () => storyData().chapters.map(({ slug }) => ({ slug }));

export const load = ({ params }) => {
	const story = storyData();
	const chapter = story.chapters.find((c) => c.slug === params.slug);
	if (!chapter) error(404, `No chapter is called “${params.slug}”.`);
	return { story, slug: chapter.slug, title: chapter.title, description: chapter.description, mapText: chapter.mapText };
};
