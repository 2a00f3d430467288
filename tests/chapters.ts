// The chapters as the repository holds them, read independently of the app's own loader: the
// browser suites (Playwright's and the other engines') check the pages against them.
import { readFileSync, readdirSync } from 'node:fs';
import { splitFrontmatter } from '../src/lib/content/frontmatter.js';

const CHAPTERS = new URL('../src/content/chapters/', import.meta.url);

export interface ChapterFile {
	slug: string;
	title: string;
	body: string;
	/** The chapter's map state, as its frontmatter sets it. */
	layers: string[];
	highlight: string[];
	places: string[];
	/** The frontmatter as written. */
	yaml: string;
}

export function chapterFiles(): ChapterFile[] {
	return readdirSync(CHAPTERS)
		.filter((f) => f.endsWith('.md'))
		.sort()
		.map((f) => {
			const text = readFileSync(new URL(f, CHAPTERS), 'utf8');
			const { data: raw, body, yaml } = splitFrontmatter(text, f);
			const data = raw as { slug?: string; title: string; layers: string[]; highlight?: string[]; places: string[] };
			const slug = data.slug ?? f.replace(/\.md$/, '').replace(/^\d+-/, '');
			return { slug, title: data.title, body, layers: data.layers, highlight: data.highlight ?? [], places: data.places, yaml };
		});
}
