/**
 * Every internal link in the built site resolves: the file exists, and a #fragment names an
 * element id in the page it points to. SvelteKit's prerender checks (handleHttpError,
 * handleMissingId) only see the pages its crawler reaches; this reads every file of build/,
 * including 404.html (served for unknown addresses, linked from nowhere), the attributes the
 * crawler does not follow (cite, srcset, share-card meta tags, CSS url()), and the links that
 * exist only in the page data the browser renders later (explore panel passages).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD, inlineScripts, requireBuild, siteFiles, tags } from './site';

interface Ref {
	/** The file the reference is in. */
	from: string;
	/** Where in it: tag and attribute, or "script" / "data" / "css". */
	where: string;
	ref: string;
}

let files: string[] = [];
let origin = '';
const idsCache = new Map<string, Set<string>>();

function html(path: string): string {
	return readFileSync(join(BUILD, path), 'utf8');
}

/** The ids a page offers as fragment targets (and the names of old-style <a name> anchors). */
function idsOf(file: string): Set<string> {
	let ids = idsCache.get(file);
	if (!ids) {
		ids = new Set(tags(html(file)).flatMap((t) => [t.attrs.id, t.name === 'a' ? t.attrs.name : undefined].filter((x): x is string => !!x)));
		idsCache.set(file, ids);
	}
	return ids;
}

/** The address a file is served at: /x/index.html at /x/; 404.html at any depth. */
function servedAt(file: string): string {
	return file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file;
}

/** URL attributes worth following, by tag. */
const URL_ATTRS: Record<string, string[]> = {
	a: ['href'],
	area: ['href'],
	link: ['href'],
	img: ['src', 'srcset'],
	source: ['src', 'srcset'],
	script: ['src'],
	iframe: ['src'],
	video: ['src', 'poster'],
	audio: ['src'],
	form: ['action'],
	blockquote: ['cite'],
	q: ['cite'],
	del: ['cite'],
	ins: ['cite'],
	use: ['href']
};
/** Share-card tags whose content is a URL of this site. */
const META_URLS = new Set(['og:url', 'og:image', 'twitter:image']);

function refsIn(file: string): Ref[] {
	const text = html(file);
	const out: Ref[] = [];
	for (const tag of tags(text)) {
		for (const attr of URL_ATTRS[tag.name] ?? []) {
			const value = tag.attrs[attr];
			if (value === undefined) continue;
			const values = attr === 'srcset' ? value.split(',').map((c) => c.trim().split(/\s+/)[0]!) : [value];
			for (const ref of values) out.push({ from: file, where: `<${tag.name} ${attr}> (line ${tag.line})`, ref });
		}
		const property = tag.name === 'meta' ? (tag.attrs.property ?? tag.attrs.name) : undefined;
		if (property && META_URLS.has(property)) out.push({ from: file, where: `<meta ${property}> (line ${tag.line})`, ref: tag.attrs.content ?? '' });
	}
	// Modules the hydration script imports, and links inside the page data it carries.
	for (const script of inlineScripts(text)) out.push(...pathsInCode(file, 'inline script', script));
	return out;
}

/** Site paths quoted in code or data: `"/sources/x/#y"`, `import("/_app/…")`. */
function pathsInCode(from: string, where: string, code: string): Ref[] {
	return [...code.matchAll(/["'](\/(?:_app|chapters|sources|maps|places|programs)\/[^"'\\\s]*)/g)].map((m) => ({ from, where, ref: m[1]! }));
}

function check(ref: Ref): string | null {
	const { from, ref: raw } = ref;
	if (/^\s*javascript:/i.test(raw)) return 'javascript: URL';
	if (/^(data|blob|mailto|tel):/i.test(raw)) return null;
	// 404.html is served at whatever address was unknown: a relative reference breaks at depth.
	if (from === '/404.html' && !/^(\/|#|[a-z][a-z0-9+.-]*:)/i.test(raw)) return 'relative reference in a page served at any depth';
	let url: URL;
	try {
		url = new URL(raw, origin + servedAt(from));
	} catch {
		return 'not a URL';
	}
	if (url.origin !== origin) return null; // another site: not ours to check here
	let path: string;
	try {
		path = decodeURIComponent(url.pathname);
	} catch {
		return 'bad percent-encoding in the path';
	}
	const file = path.endsWith('/') ? `${path}index.html` : path;
	if (!existsSync(join(BUILD, file))) {
		if (existsSync(join(BUILD, path, 'index.html'))) return `no trailing slash: ${path} is a folder (${path}/ is the page)`;
		return `no file ${file}`;
	}
	if (url.hash.length > 1 && file.endsWith('.html')) {
		let id: string;
		try {
			id = decodeURIComponent(url.hash.slice(1));
		} catch {
			return 'bad percent-encoding in the fragment';
		}
		if (!idsOf(file).has(id)) return `no element with id="${id}" in ${file}`;
	}
	return null;
}

describe('links in the built site', () => {
	let refs: Ref[] = [];

	beforeAll(() => {
		requireBuild();
		files = siteFiles();
		// The site's own origin: its address where the build names one; a preview build names none,
		// and its share images are paths on whatever host serves it.
		const canonical = tags(html('/index.html')).find((t) => t.name === 'link' && t.attrs.rel === 'canonical')?.attrs.href;
		origin = new URL(canonical ?? 'https://preview.invalid/').origin;
		refs = files.filter((f) => f.endsWith('.html')).flatMap(refsIn);
		for (const f of files.filter((f) => f.endsWith('/__data.json'))) refs.push(...pathsInCode(f, 'page data', readFileSync(join(BUILD, f), 'utf8')));
		for (const f of files.filter((f) => f.endsWith('.css')))
			for (const m of readFileSync(join(BUILD, f), 'utf8').matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g))
				refs.push({ from: f, where: 'css url()', ref: m[2]! });
	});

	it('reads every page, including 404.html, and finds links to check', () => {
		const pages = files.filter((f) => f.endsWith('.html'));
		expect(pages).toContain('/404.html');
		expect(pages).toContain('/index.html');
		expect(pages.filter((p) => p.startsWith('/chapters/')).length).toBeGreaterThan(1);
		expect(pages.filter((p) => p.startsWith('/sources/')).length).toBeGreaterThan(1);
		for (const page of pages) expect(refs.some((r) => r.from === page), `${page} has links`).toBe(true);
		expect(refs.filter((r) => r.ref.includes('#')).length, 'fragment links are checked too').toBeGreaterThan(50);
	});

	it('every internal link and #fragment resolves', () => {
		const dead = refs.flatMap((r) => {
			const problem = check(r);
			return problem ? [`${r.from} ${r.where}: ${r.ref} — ${problem}`] : [];
		});
		expect([...new Set(dead)]).toEqual([]);
	});

	it('no page loads anything from another site', () => {
		// A static site with no third-party requests at run time: scripts, styles, images,
		// fonts and share-card images are all ours. Outbound links (<a href>, cite) may go anywhere.
		const navigational = /^<(a|area) href>|^<(blockquote|q|del|ins) cite>/;
		const external = refs.filter((r) => {
			if (navigational.test(r.where)) return false;
			try {
				const url = new URL(r.ref, origin + servedAt(r.from));
				return /^https?:$/.test(url.protocol) && url.origin !== origin;
			} catch {
				return false;
			}
		});
		expect(external.map((r) => `${r.from} ${r.where}: ${r.ref}`)).toEqual([]);
	});
});
