// Plain JavaScript (typed with JSDoc): the indexer reads built pages with it in Node, and the
// site build turns chapter HTML into searchable text with it.

/** Elements whose content is not reading text: note numbers, quote footers, scripts. */
const DROP = /<(script|style|template|noscript|svg|sup|footer)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const BLOCK = /<\/?(?:p|div|li|ul|ol|h[1-6]|blockquote|figure|figcaption|section|article|header|nav|main|aside|dl|dt|dd|tr|td|th|br)\b[^>]*>/gi;
const NAMED = /** @type {Record<string, string>} */ ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' });

/**
 * Decodes the character references a page may hold: the five XML ones, &nbsp; and numeric ones.
 * @param {string} text
 */
export function decodeEntities(text) {
	return text.replace(/&(?:#(\d+)|#x([\da-f]+)|([a-z]+));/gi, (whole, dec, hex, name) => {
		if (name) return NAMED[name.toLowerCase()] ?? whole;
		const code = dec ? Number(dec) : parseInt(hex, 16);
		return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
	});
}

/**
 * The reading text of an HTML fragment, whitespace collapsed: block elements become spaces,
 * note numbers and quote footers (the attribution lines) are dropped.
 * @param {string} html
 */
export function htmlText(html) {
	return decodeEntities(html.replace(/<!--[\s\S]*?-->/g, '').replace(DROP, ' ').replace(BLOCK, ' ').replace(/<[^>]*>/g, ''))
		.replace(/\s+/g, ' ')
		.trim();
}

/**
 * The title and reading text of a built page: its <h1> and what follows it in its <main>, or null
 * when it has neither (a redirect page, say). What comes before the heading is the breadcrumb,
 * which every page has and no reader searches for.
 * @param {string} page the whole HTML document
 * @returns {{ title: string, text: string } | null}
 */
export function pageText(page) {
	const main = /<main\b[^>]*>([\s\S]*?)<\/main\s*>/i.exec(page)?.[1];
	const h1 = /<h1\b[^>]*>([\s\S]*?)<\/h1\s*>/i.exec(main ?? '');
	if (main === undefined || !h1) return null;
	return { title: htmlText(h1[1] ?? ''), text: htmlText(main.slice(h1.index + h1[0].length)) };
}
