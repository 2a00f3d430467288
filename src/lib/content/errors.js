// Plain JavaScript (typed with JSDoc) so that Node scripts (geo/build.js, the bench) throw the
// same errors as the site build without a TypeScript step.

/**
 * A content problem found at build time. The message always starts with where to look:
 * `file:line:column: field: what is wrong, and what to do` (line and column when known), the
 * form editors and terminals recognise: `src/content/chapters/03-x.md:7:3: places[1]: …`.
 */
export class ContentError extends Error {
	/**
	 * @param {string} file
	 * @param {string} field
	 * @param {string} message
	 * @param {number} [line] 1-based line of the file
	 * @param {number} [column] 1-based column
	 */
	constructor(file, field, message, line, column) {
		super(`${file}${line ? `:${line}${column ? `:${column}` : ''}` : ''}: ${field}: ${message}`);
		this.name = 'ContentError';
		/** @readonly */
		this.file = file;
		/** @readonly */
		this.field = field;
		/** @readonly */
		this.line = line;
		/** @readonly */
		this.column = column;
		/** @readonly The message without its location. */
		this.reason = message;
	}

	/**
	 * The same problem, placed at a line (and column) of its file, when it has none yet.
	 * @param {number | undefined} line
	 * @param {number} [column]
	 * @returns {ContentError}
	 */
	at(line, column) {
		return this.line || !line ? this : new ContentError(this.file, this.field, this.reason, line, column);
	}
}
