/**
 * Loads the real content of the repository with node:fs, the way src/lib/server/site.ts
 * does with import.meta.glob, so tests can build the real story and feed buildStory inputs
 * derived from the real files. Every call returns fresh copies: tests may mutate them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { FeatureCollection } from 'geojson';
import { parse, stringify } from 'yaml';
import { splitFrontmatter } from '$lib/content/frontmatter';
import { parseSources, type Source } from '$lib/sources/corpus';
import { buildStory, type Story, type StoryInputs } from '$lib/story/build';

/** The repository root, with a trailing separator. */
export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const readText = (relative: string) => readFileSync(join(ROOT, relative), 'utf8');
export const readJson = (relative: string): unknown => JSON.parse(readText(relative));

/** File names of the seed texts, sorted. */
export const seedFileNames = () =>
	readdirSync(join(ROOT, 'seeds'))
		.filter((f) => f.endsWith('.txt'))
		.sort();

/** seeds/*.txt: file name → text, exactly as saved. */
export function seedFiles(): Record<string, string> {
	return Object.fromEntries(seedFileNames().map((f) => [f, readText(`seeds/${f}`)]));
}

export const SOURCES_FILE = 'seeds/sources.yaml';
export const sourcesYaml = () => readText(SOURCES_FILE);

/** The real sources, parsed by the code under test. */
export function realSources(): Source[] {
	return parseSources(sourcesYaml(), seedFiles());
}

export const CHAPTER_DIR = 'src/content/chapters';
export const PASSAGES_FILE = 'src/content/passages.yaml';

/** The chapter files, keyed as import.meta.glob keys them ("/src/content/chapters/01-x.md"). */
export function chapterFiles(): Record<string, string> {
	const names = readdirSync(join(ROOT, CHAPTER_DIR))
		.filter((f) => f.endsWith('.md'))
		.sort();
	return Object.fromEntries(names.map((f) => [`/${CHAPTER_DIR}/${f}`, readText(`${CHAPTER_DIR}/${f}`)]));
}

/** geo/*.geojson: file name → text. */
export function geoFiles(): Record<string, string> {
	const names = readdirSync(join(ROOT, 'geo')).filter((f) => f.endsWith('.geojson'));
	return Object.fromEntries(names.map((f) => [f, readText(`geo/${f}`)]));
}

/** Fresh inputs for buildStory, read from the real files. */
export function realInputs(): StoryInputs {
	return {
		chapters: chapterFiles(),
		sources: realSources(),
		passages: { file: PASSAGES_FILE, raw: parse(readText(PASSAGES_FILE)) ?? [] },
		gazetteer: { file: 'geo/gazetteer.json', raw: readJson('geo/gazetteer.json') },
		states: readJson('geo/states.geojson') as FeatureCollection,
		countries: readJson('geo/countries.geojson') as FeatureCollection,
		layerFiles: geoFiles()
	};
}

let cached: Story | undefined;

/** The real story, built once (do not mutate it). */
export function realStory(): Story {
	cached ??= buildStory(realInputs());
	return cached;
}

/** A chapter file split into its frontmatter (parsed) and its body, by the project's one parser. */
export function splitChapter(text: string): { data: Record<string, unknown>; body: string } {
	const { data, body } = splitFrontmatter(text, 'chapter');
	return { data: data as Record<string, unknown>, body };
}

export function joinChapter(data: Record<string, unknown>, body: string): string {
	return `---\n${stringify(data)}---\n${body}`;
}

/** Collapses whitespace runs (including no-break spaces) to one space. */
export const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();

/** All occurrences of `needle` in `haystack`. */
export function occurrences(haystack: string, needle: string): number[] {
	const found: number[] = [];
	for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i);
	return found;
}
