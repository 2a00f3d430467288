// The one frontmatter parser, and the one reader of YAML and JSON content files: the site build,
// the geographic build, the bench and the tests all read them here. Plain JavaScript (typed with
// JSDoc) so that Node scripts can import it as it is.
import { isAlias, isNode, parseDocument, visit } from 'yaml';
import { ContentError } from './errors.js';

/** How many times aliases may repeat their values in one file: YAML's own default. */
const MAX_ALIAS_COUNT = 100;

/**
 * The text without a leading byte-order mark, which some Windows editors write at the start of
 * UTF-8 files: it is invisible in the editor, so it must not change what the file means.
 * @param {string} text
 */
export const withoutBom = (text) => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

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
 * The document's data. Aliases that multiply one another ("billion laughs") would take the build's
 * memory: the parser stops them with a ReferenceError of its own, which becomes a ContentError
 * placed at the first alias.
 * @param {import('yaml').Document} doc
 * @param {string} yaml
 * @param {string} file
 * @param {string} field
 * @param {number} [firstLine]
 * @returns {unknown}
 */
function toData(doc, yaml, file, field, firstLine = 1) {
	try {
		return doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
	} catch (error) {
		if (!(error instanceof ReferenceError)) throw error;
		/** @type {number | undefined} */
		let offset;
		visit(doc, {
			Alias(_key, node) {
				if (isAlias(node) && node.range) offset = node.range[0];
				return visit.BREAK;
			}
		});
		const at = offset === undefined ? undefined : position(yaml, offset);
		throw new ContentError(
			file,
			field,
			`its aliases repeat their values more than ${MAX_ALIAS_COUNT} times, as a "billion laughs" attack does: write the values out, or use fewer aliases`,
			at && at.line + firstLine - 1,
			at?.column
		);
	}
}

/**
 * A whole YAML file's data, or a ContentError naming the file, line and column.
 * @param {string} text
 * @param {string} file
 * @returns {unknown}
 */
export function readYamlFile(text, file) {
	const yaml = withoutBom(text);
	return toData(parseYaml(yaml, file, '(YAML)'), yaml, file, '(YAML)');
}

/**
 * A whole JSON file's data, or a ContentError naming the file.
 * @param {string} text
 * @param {string} file
 * @returns {unknown}
 */
export function readJsonFile(text, file) {
	try {
		return JSON.parse(withoutBom(text));
	} catch (error) {
		throw new ContentError(file, '(JSON)', `is not valid JSON: ${/** @type {Error} */ (error).message}`);
	}
}

/**
 * Splits a Markdown file into its YAML frontmatter and its Markdown body.
 * @param {string} text
 * @param {string} file
 * @returns {Document}
 */
export function splitFrontmatter(text, file) {
	const match = FENCE.exec(withoutBom(text));
	if (!match) throw new ContentError(file, 'frontmatter', 'the file must start with a --- fenced YAML block', 1, 1);
	const yaml = match[1] ?? '';
	// The YAML starts on the file's second line, after the opening fence.
	const doc = parseYaml(yaml, file, 'frontmatter', 2);
	const body = match[2] ?? '';
	return {
		data: toData(doc, yaml, file, 'frontmatter', 2),
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
