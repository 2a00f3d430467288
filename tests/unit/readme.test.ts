/**
 * The README's "Adding a chapter" quotes the editorial limits; they are written once, in
 * src/lib/content/limits.ts, so the README must quote the same numbers.
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '$lib/content/limits';
import { readText } from './real-story';

const section = (() => {
	const readme = readText('README.md');
	const start = readme.indexOf('## Adding a chapter');
	return readme.slice(start, readme.indexOf('\n## ', start + 1)).replace(/\s+/g, ' ');
})();

describe('README, "Adding a chapter"', () => {
	it.each([
		['title', `# ≤ ${LIMITS.titleChars} characters`],
		['title', `a title of at most ${LIMITS.titleChars} characters`],
		['description', `a description of at most ${LIMITS.descriptionChars}`],
		['mapText', `a mapText of at most ${LIMITS.mapTextChars}`],
		['prose', `${LIMITS.proseWords.min} to ${LIMITS.proseWords.max} words of our own prose`],
		['copied words', `no run of ${LIMITS.copiedWords} or more words copied`],
		['source citations', `cited at least ${LIMITS.sourceCitations} times`],
		['maxZoom', `maxZoom from ${LIMITS.maxZoom.min} to ${LIMITS.maxZoom.max}`],
		['file size', `a chapter file of at most ${LIMITS.chapterBytes.toLocaleString('en')} bytes`]
	])('quotes the %s limit', (_name, text) => {
		expect(section).toContain(text);
	});
});
