import { Marked, type Token } from 'marked';

/**
 * Content is prose. Markup written in a chapter would reach every page (chapter bodies are
 * rendered to HTML), and the CSP does not stop all of it: a <meta http-equiv="refresh"> redirects
 * the reader, an unclosed <textarea> swallows the rest of the story. So the build refuses any
 * tag, comment or processing instruction in content text, and any link or image that is not a
 * plain link; Markdown's own emphasis and links are the only formatting.
 */
const TAG = /<(?:[A-Za-z][\w:-]*|\/[A-Za-z]|!|\?)/;

/** Link targets a chapter may use: site paths, fragments, and http(s) pages. */
const SAFE_HREF = /^(?:\/(?!\/)|#|https?:\/\/)/i;

export interface MarkupProblem {
	/** Offset into the text. */
	offset: number;
	message: string;
}

/** The first tag-like markup in a text, or null. */
export function tagIn(text: string): MarkupProblem | null {
	const match = TAG.exec(text);
	if (!match) return null;
	const shown = text.slice(match.index, match.index + 40).split('\n')[0];
	return {
		offset: match.index,
		message: `holds markup (${shown}…); content is plain text: write the words without tags (Markdown *emphasis* and [links](/path/) are allowed in chapter bodies)`
	};
}

const lexer = new Marked({ gfm: true, async: false });

/** The first markup problem of a chapter body: a tag, an image, or a link to anything but a page. */
export function bodyMarkupProblem(body: string): MarkupProblem | null {
	const tag = tagIn(body);
	if (tag) return tag;
	let problem: MarkupProblem | null = null;
	lexer.walkTokens(lexer.lexer(body), (token: Token) => {
		if (problem) return;
		const offset = Math.max(0, body.indexOf(token.raw));
		if (token.type === 'image') problem = { offset, message: 'holds an image; chapters are prose, and the map is their picture' };
		else if (token.type === 'link' && !SAFE_HREF.test(token.href))
			problem = { offset, message: `links to "${token.href}"; a link goes to a site path (/sources/…) or an http(s) page` };
	});
	return problem;
}
