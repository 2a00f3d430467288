// Plain JavaScript (typed with JSDoc) so that Node scripts (geo/build.js, the bench) throw the
// same errors as the site build without a TypeScript step.

/**
 * A content problem found at build time. The message always starts with the file and the
 * field, so an editor knows where to look: `src/content/chapters/03-x.md: places[1]: …`.
 * `line` (1-based, in the file) is added in front when known: `file:line: field: …`.
 */
export class ContentError extends Error {
	/**
	 * @param {string} file
	 * @param {string} field
	 * @param {string} message
	 * @param {number} [line]
	 */
	constructor(file, field, message, line) {
		super(`${file}${line ? `:${line}` : ''}: ${field}: ${message}`);
		this.name = 'ContentError';
		/** @readonly */
		this.file = file;
		/** @readonly */
		this.field = field;
		/** @readonly */
		this.line = line;
	}
}
