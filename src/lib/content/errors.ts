/**
 * A content problem found at build time. The message always starts with the file and the
 * field, so an editor knows where to look: `src/content/chapters/03-x.md: places[1]: …`.
 */
export class ContentError extends Error {
	readonly file: string;
	readonly field: string;

	constructor(file: string, field: string, message: string) {
		super(`${file}: ${field}: ${message}`);
		this.name = 'ContentError';
		this.file = file;
		this.field = field;
	}
}
