import { ContentError } from '$lib/content/errors';
import { position, splitFrontmatter } from '$lib/content/frontmatter';
import { LIMITS } from '$lib/content/limits';
import { bodyMarkupProblem, tagIn } from '$lib/content/markup';
import { validateChapter, type ChapterMeta, type SchemaContext } from '$lib/content/schema';
import { checkText } from '$lib/content/text';

/** A chapter file, read and checked up to its frontmatter; its passages are resolved by the build. */
export interface ChapterFile {
	file: string;
	meta: ChapterMeta;
	body: string;
	/** Line of the file the body starts on. */
	bodyLine: number;
	/** Runs `check`, placing a ContentError it throws about this file at its field's line. */
	located<T>(check: () => T): T;
}

/** "03-frontera-sur.md": the number orders the story; the rest is the chapter's address. */
const NAME = /^(\d+)[-_](.+)\.md$/;

/** Every string in a YAML value, with its field path ("citations[1].speaker"). */
function* strings(value: unknown, path: string): Generator<[string, string]> {
	if (typeof value === 'string') yield [path, value];
	else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, `${path}[${i}]`);
	else if (value && typeof value === 'object')
		for (const [key, item] of Object.entries(value)) yield* strings(item, path ? `${path}.${key}` : key);
}

/** Reads a chapter file: its name, encoding, size, frontmatter, markup and schema, in that order. */
export function readChapterFile(path: string, text: string, ctx: SchemaContext): ChapterFile {
	const file = path.replace(/^\//, '');
	const name = file.replace(/^.*\//, '');
	const numbered = NAME.exec(name);
	if (!numbered)
		throw new ContentError(file, '(file name)', `must start with the number that orders the story, as in 07-${name.replace(/\.md$/, '')}.md`);
	checkText(text, file, LIMITS.chapterBytes);
	const doc = splitFrontmatter(text, file);
	const located = <T>(check: () => T): T => {
		try {
			return check();
		} catch (error) {
			if (!(error instanceof ContentError) || error.file !== file) throw error;
			const at = doc.locate(error.field);
			throw error.at(at?.line, at?.column);
		}
	};

	for (const [field, value] of strings(doc.data, '')) {
		const tag = tagIn(value);
		if (tag)
			located(() => {
				throw new ContentError(file, field, tag.message);
			});
	}
	const { body, bodyLine } = doc;
	if (!body.trim()) throw new ContentError(file, 'body', 'is empty: write the chapter’s prose below the frontmatter', bodyLine);
	const markup = bodyMarkupProblem(body);
	if (markup) {
		const { line, column } = position(body, markup.offset);
		throw new ContentError(file, 'body', markup.message, bodyLine + line - 1, column);
	}

	const meta = located(() => validateChapter(doc.data, file, numbered[2]!, ctx));
	return { file, meta, body, bodyLine, located };
}
