import { parse } from 'yaml';
import { ContentError } from './errors';

export interface Document {
	data: unknown;
	body: string;
	/** Line of the file on which the body starts, for error messages. */
	bodyLine: number;
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?([\s\S]*)$/;

/** Splits a Markdown file into its YAML frontmatter and its Markdown body. */
export function splitFrontmatter(text: string, file: string): Document {
	const match = FENCE.exec(text);
	if (!match) throw new ContentError(file, 'frontmatter', 'the file must start with a --- fenced YAML block');
	let data: unknown;
	try {
		data = parse(match[1] ?? '', { prettyErrors: true });
	} catch (error) {
		const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
		throw new ContentError(file, 'frontmatter', `is not valid YAML: ${reason}`);
	}
	const body = match[2] ?? '';
	return { data, body, bodyLine: text.slice(0, text.length - body.length).split('\n').length };
}
