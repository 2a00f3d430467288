// Copies of the project to build, and the generated long story. Chapter files are read with the
// project's own frontmatter parser, so the bench sees them exactly as the site build does.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify as stringifyYaml } from 'yaml';
import { splitFrontmatter } from '../../src/lib/content/frontmatter.js';
import { LIMITS } from '../../src/lib/content/limits.js';

const CHAPTERS = 'src/content/chapters';

/** 0 → "a", 25 → "z", 26 → "ba": a chapter's mark in the generated story. @param {number} n @returns {string} */
const letters = (n) => (n >= 26 ? letters(Math.floor(n / 26)) : '') + String.fromCharCode(97 + (n % 26));

/** @param {string} file */
const fileSlug = (file) => file.replace(/\.md$/, '').replace(/^\d+[-_]/, '');

export { copyProject } from '../../tools/project-copy.js';

/** The chapter files of a project folder in story order: name and text. @param {string} dir */
function chapterFiles(dir) {
	const folder = join(dir, CHAPTERS);
	return readdirSync(folder)
		.filter((f) => f.endsWith('.md'))
		.sort()
		.map((name) => ({ name, path: join(folder, name), text: readFileSync(join(folder, name), 'utf8') }));
}

/** @param {unknown} data @returns {Record<string, any>} */
const asObject = (data) => (data && typeof data === 'object' ? /** @type {Record<string, any>} */ (data) : {});

/**
 * The chapters of a project copy in story order: slug and camera bounds.
 * @param {string} dir
 * @returns {{ slug: string, bounds?: number[] }[]}
 */
export function chaptersOf(dir) {
	return chapterFiles(dir).map(({ name, path, text }) => {
		const data = asObject(splitFrontmatter(text, path).data);
		return { slug: data.slug ?? fileSlug(name), bounds: data.bounds };
	});
}

/**
 * Replaces a copy's chapters with `count` clones of the real ones (cycled), slugs scale-001….
 * The first cycle keeps its citations, so every passage a body cites is still defined once;
 * later clones drop theirs (redefining a passage, or quoting the same words under another id,
 * is a build error) and cite the passages the first cycle defines, as chapters may.
 * @param {string} dir
 * @param {number} count
 */
export function generateScaleStory(dir, count) {
	const real = chapterFiles(dir).map(({ path, text }) => splitFrontmatter(text, path));
	const folder = join(dir, CHAPTERS);
	rmSync(folder, { recursive: true });
	mkdirSync(folder);
	const width = Math.max(3, String(count).length);
	for (let i = 0; i < count; i++) {
		const model = /** @type {(typeof real)[number]} */ (real[i % real.length]);
		const data = structuredClone(asObject(model.data));
		const slug = `scale-${String(i + 1).padStart(width, '0')}`;
		data.slug = slug;
		// Every text differs from its model's, as in a real story: the page data is serialised
		// with devalue, which stores a repeated string once and would flatter exact copies. The
		// mark is letters, not a number: the editorial rules refuse figures no passage gives, and
		// it keeps each field within its limit.
		const mark = ` (${letters(i)})`;
		const fit = (/** @type {unknown} */ text, /** @type {number} */ max) => `${String(text).slice(0, max - mark.length)}${mark}`;
		data.title = fit(data.title, LIMITS.titleChars);
		data.mapText = fit(data.mapText, LIMITS.mapTextChars);
		if (data.description) data.description = fit(data.description, LIMITS.descriptionChars);
		if (i >= real.length) delete data.citations;
		const body = `Copy${mark}: ${model.body.trimStart()}`;
		const number = String(i + 1).padStart(width, '0');
		writeFileSync(join(folder, `${number}-${slug}.md`), `---\n${stringifyYaml(data)}---\n${body}`);
	}
}

/** Files under `dir` whose name passes `test`. @param {string} dir @param {(name: string) => boolean} test @returns {number} */
export function countFiles(dir, test) {
	if (!existsSync(dir)) return 0;
	let n = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		if (entry.isDirectory()) n += countFiles(join(dir, entry.name), test);
		else if (test(entry.name)) n++;
	}
	return n;
}

/**
 * Bytes of the files under `dir` whose name passes `test` (all by default).
 * @param {string} dir
 * @param {(name: string) => boolean} [test]
 * @returns {number}
 */
export function dirSize(dir, test = () => true) {
	if (!existsSync(dir)) return 0;
	let n = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const p = join(dir, entry.name);
		n += entry.isDirectory() ? dirSize(p, test) : test(entry.name) ? lstatSync(p).size : 0;
	}
	return n;
}

/** The .br and .gz copies the build writes beside text files (precompress). @param {string} name */
export const isCompressedCopy = (name) => name.endsWith('.br') || name.endsWith('.gz');
