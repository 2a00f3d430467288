import { storyData } from '$lib/story/data.server';

export const load = () => ({ story: storyData() });
