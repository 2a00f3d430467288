// The one frontmatter parser: the site build, the bench and the tests all split chapter files
// here. Plain JavaScript (typed with JSDoc) so that Node scripts can import it as it is.
import { isNode, parseDocument } from 'yaml';
import { ContentError } from './errors.js';

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---(?:\r?\n|$)([\s\S]*)$/;

/**
 * @typedef {object} Document
 * @property {unknown} data the frontmatter as parsed YAML
 * @property {string} yaml the frontmatter's text
 * @property {string} body the Markdown body
 * @property {number} bodyLine line of the file on which the body starts, for error messages
 * @property {(field: string) => { line: number, column: number } | undefined} locate
 *   where a field ("citations[2].quote") stands in the file
 */

/**
 * Line and column (1-based) of an offset into a text.
 * @param {string} text @param {number} offset
 */
export function position(text, offset) {
	const before = text.slice(0, offset).split('\n');
	return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/**
 * "citations[2].quote" → ['citations', 2, 'quote']
 * @param {string} field
 */
const fieldPath = (field) =>
	field
		.split(/\.|(?=\[)/)
		.filter(Boolean)
		.map((part) => (/^\[\d+\]$/.test(part) ? Number(part.slice(1, -1)) : part));

/**
 * Parses YAML, throwing a ContentError that names the file's own line and column.
 * @param {string} yaml
 * @param {string} file
 * @param {string} field what the message names: "(YAML)" for a whole file
 * @param {number} [firstLine] line of the file the YAML starts on
 */
function parseYaml(yaml, file, field, firstLine = 1) {
	const doc = parseDocument(yaml, { prettyErrors: true });
	const [error] = doc.errors;
	if (error) {
		const reason = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid';
		const at = error.linePos?.[0];
		throw new ContentError(file, field, `is not valid YAML: ${reason}`, at ? at.line + firstLine - 1 : undefined, at?.col);
	}
	return doc;
}

/**
 * A whole YAML file's data, or a ContentError naming the file, line and column.
 * @param {string} text
 * @param {string} file
 * @returns {unknown}
 */
export const readYamlFile = (text, file) => parseYaml(text, file, '(YAML)').toJS();

/**
 * Splits a Markdown file into its YAML frontmatter and its Markdown body.
 * @param {string} text
 * @param {string} file
 * @returns {Document}
 */
export function splitFrontmatter(text, file) {
	const match = FENCE.exec(text);
	if (!match) throw new ContentError(file, 'frontmatter', 'the file must start with a --- fenced YAML block', 1, 1);
	const yaml = match[1] ?? '';
	// The YAML starts on the file's second line, after the opening fence.
	const doc = parseYaml(yaml, file, 'frontmatter', 2);
	const body = match[2] ?? '';
	return {
		data: doc.toJS(),
		yaml,
		body,
		bodyLine: text.slice(0, text.length - body.length).split('\n').length,
		locate(field) {
			const path = fieldPath(field);
			// The value's node where it has one, else the key's (a field that is missing has neither).
			for (let n = path.length; n > 0; n--) {
				const node = doc.getIn(path.slice(0, n), true);
				if (isNode(node) && node.range) {
					const { line, column } = position(yaml, node.range[0]);
					return { line: line + 1, column };
				}
			}
			return undefined;
		}
	};
}
