import { ContentError } from './errors';
import { position } from './frontmatter';

const encoder = new TextEncoder();

/**
 * Checks a content file's text before it is parsed: it must have been saved as UTF-8 (Vite reads
 * files as UTF-8 and turns any other byte into U+FFFD, which would reach the page silently), and
 * it must not exceed `maxBytes` when given.
 */
export function checkText(text: string, file: string, maxBytes?: number): void {
	const bad = text.indexOf('\uFFFD');
	if (bad >= 0) {
		const { line, column } = position(text, bad);
		throw new ContentError(file, '(encoding)', 'has bytes that are not UTF-8 (they read as "\uFFFD"): save the file as UTF-8', line, column);
	}
	if (maxBytes !== undefined) {
		const bytes = encoder.encode(text).length;
		if (bytes > maxBytes)
			throw new ContentError(file, '(size)', `is ${bytes.toLocaleString('en')} bytes; a chapter file is at most ${maxBytes.toLocaleString('en')}: split it, or move long text to the sources`);
	}
}

/**
 * Sentences of a text, roughly: split after . ! ? (and a closing quote or bracket) followed by
 * a space and a capital, digit or opening quote. Good enough to scope a sentence's marks (the
 * computed marker, the general-knowledge mark).
 */
export function sentencesOf(text: string): string[] {
	return text
		.replace(/\s+/g, ' ')
		.trim()
		.split(/(?<=[.!?][”’")\]]?)\s+(?=[\p{Lu}\p{N}“‘"(])/u)
		.filter(Boolean);
}
