import { storyData } from '$lib/story/data.server';

export const load = () => ({ chapters: storyData().chapters.map(({ slug, title }) => ({ slug, title })) });
