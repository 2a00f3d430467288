/**
 * The map picture as MapPicture.svelte writes it: one `<source>` for wide screens and the `<img>`
 * for the rest. Attribute values are quoted; a `>` may stand in a media query.
 */
const PICTURE = /<picture class="map-picture[^"]*">\s*<source media="([^"]*)" srcset="([^"]*)"[^]*?<img src="([^"]*)"/;
/**
 * The last of the head's elements that must come before the preloads: the viewport (the
 * preloads' media queries are read against it) and the content security policy (it governs
 * only what follows it).
 */
const BEFORE = [/<meta name="viewport"[^>]*>/, /<meta http-equiv="content-security-policy"[^>]*>/];

/** Attribute values come back from the markup HTML-escaped: kept as they are. */
const preload = (href: string, media: string) => `<link rel="preload" as="image" href="${href}" media="${media}" fetchpriority="high">`;

/**
 * Preloads the opened chapter's map picture at the top of the head, before the stylesheets and
 * scripts SvelteKit lists: the picture is the largest thing on the first screen, and a request
 * made first is not queued behind a score of small script requests on a slow connection. Written
 * here, outside the markup Svelte hydrates, from the picture the page itself shows.
 */
export function preloadMapPicture(html: string): string {
	const head = html.indexOf('</head>');
	const picture = PICTURE.exec(html);
	if (head === -1 || !picture || picture.index < head) return html;
	const [, media = '', wide = '', narrow = ''] = picture;
	let at = -1;
	for (const pattern of BEFORE) {
		const found = pattern.exec(html.slice(0, head));
		if (!found) return html;
		at = Math.max(at, found.index + found[0].length);
	}
	const links = preload(wide, media) + preload(narrow, `not all and ${media}`);
	return `${html.slice(0, at)}\n\t\t${links}${html.slice(at)}`;
}
