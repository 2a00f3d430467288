// The one frontmatter parser: the site build, the bench and the tests all split chapter files
// here. Plain JavaScript (typed with JSDoc) so that Node scripts can import it as it is.
import { parse } from 'yaml';
import { ContentError } from './errors.js';

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)([\s\S]*)$/;

/**
 * @typedef {object} Document
 * @property {unknown} data the frontmatter as parsed YAML
 * @property {string} yaml the frontmatter's text
 * @property {string} body the Markdown body
 * @property {number} bodyLine line of the file on which the body starts, for error messages
 */

/**
 * Splits a Markdown file into its YAML frontmatter and its Markdown body.
 * @param {string} text
 * @param {string} file
 * @returns {Document}
 */
export function splitFrontmatter(text, file) {
	const match = FENCE.exec(text);
	if (!match) throw new ContentError(file, 'frontmatter', 'the file must start with a --- fenced YAML block', 1);
	const yaml = match[1] ?? '';
	/** @type {unknown} */
	let data;
	try {
		data = parse(yaml, { prettyErrors: true });
	} catch (error) {
		const reason = (error instanceof Error ? error.message.split('\n')[0] : undefined) ?? String(error);
		// The YAML starts on the file's second line, after the opening fence.
		const at = /** @type {{ linePos?: { line: number }[] }} */ (error).linePos?.[0]?.line;
		throw new ContentError(file, 'frontmatter', `is not valid YAML: ${reason.replace(/ at line \d+, column \d+:?$/, '')}`, at ? at + 1 : undefined);
	}
	const body = match[2] ?? '';
	return { data, yaml, body, bodyLine: text.slice(0, text.length - body.length).split('\n').length };
}
