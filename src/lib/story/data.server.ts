import { loadStory } from './story.server';
import type { StoryData } from './types';

/** The part of the story the pages send to the browser. */
export function storyData(): StoryData {
	const { chapters, places } = loadStory();
	return { chapters, places };
}
