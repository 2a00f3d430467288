import type { PlaceMatcher } from '$lib/geo/names';

/**
 * Elements whose text is not the chapter's own prose, or where a link cannot go: quotations
 * (their words stay the source's, byte for byte), links, headings, note references, the
 * attributed block quote with its footer, and our editor's notes on a passage.
 */
const SKIP = new Set(['a', 'q', 'blockquote', 'figure', 'cite', 'sup', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'code', 'pre']);
const VOID = new Set(['area', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'wbr']);
const TOKEN = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)([^>]*)>|[^<]+/g;

/**
 * Links the first mention of each place in rendered chapter HTML to its page, `href(id)`. Only
 * text outside the elements above is touched; everything else is copied through unchanged.
 * Returns the HTML and the places the prose names, in order of first mention.
 */
export function linkFirstMentions(html: string, match: PlaceMatcher, href: (place: string) => string): { html: string; places: string[] } {
	const linked = new Set<string>();
	const open: boolean[] = [];
	let skipping = 0;
	let out = '';
	for (const m of html.matchAll(TOKEN)) {
		const [token, closing, tag, attrs] = m;
		if (tag !== undefined) {
			const name = tag.toLowerCase();
			if (!VOID.has(name) && !attrs!.trimEnd().endsWith('/')) {
				if (closing) {
					if (open.pop()) skipping--;
				} else {
					const skip = SKIP.has(name) || /\bclass="[^"]*\beditor-note\b/.test(attrs!);
					open.push(skip);
					if (skip) skipping++;
				}
			}
			out += token;
			continue;
		}
		if (skipping > 0 || token.startsWith('<!--')) {
			out += token;
			continue;
		}
		let cursor = 0;
		for (const mention of match(token)) {
			if (linked.has(mention.place) || /&[#\w]*$/.test(token.slice(cursor, mention.start))) continue;
			linked.add(mention.place);
			out += `${token.slice(cursor, mention.start)}<a class="place-link" href="${href(mention.place)}">${token.slice(mention.start, mention.end)}</a>`;
			cursor = mention.end;
		}
		out += token.slice(cursor);
	}
	return { html: out, places: [...linked] };
}
