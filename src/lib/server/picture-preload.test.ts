import { describe, expect, it } from 'vitest';
import { preloadMapPicture } from './picture-preload';

const HEAD = '<meta charset="utf-8" />\n<meta name="viewport" content="width=device-width, initial-scale=1" />\n<meta http-equiv="content-security-policy" content="default-src \'self\'">';
const PICTURE =
	'<picture class="map-picture"><source media="(width >= 900px)" srcset="/maps/wide/a.webp" width="639" height="800"/> <img src="/maps/phone/a.webp" alt="" fetchpriority="high"/></picture>';
const page = (head: string, body: string) => `<!doctype html><html><head>\n${HEAD}\n${head}</head><body>${body}</body></html>`;

describe('preloadMapPicture', () => {
	it('preloads each of the picture’s images, for its screens, after the viewport and the policy and before the scripts', () => {
		const out = preloadMapPicture(page('<link href="/a.js" rel="modulepreload"><link href="/a.css" rel="stylesheet">', `<p>text</p>${PICTURE}`));
		const head = out.slice(0, out.indexOf('</head>'));
		const wide = head.indexOf('<link rel="preload" as="image" href="/maps/wide/a.webp" media="(width >= 900px)" fetchpriority="high">');
		const narrow = head.indexOf('<link rel="preload" as="image" href="/maps/phone/a.webp" media="not all and (width >= 900px)" fetchpriority="high">');
		expect(wide).toBeGreaterThan(head.indexOf('content-security-policy'));
		expect(wide).toBeGreaterThan(head.indexOf('name="viewport"'));
		expect(narrow).toBeGreaterThan(wide);
		expect(narrow).toBeLessThan(head.indexOf('modulepreload'));
		expect(out.slice(out.indexOf('</head>'))).toBe(page('', `<p>text</p>${PICTURE}`).slice(page('', '').indexOf('</head>')));
	});

	it('leaves a page without a map picture as it is', () => {
		const plain = page('<link href="/a.css" rel="stylesheet">', '<p>text</p><picture><img src="/x.webp"></picture>');
		expect(preloadMapPicture(plain)).toBe(plain);
	});
});
