/**
 * The production build as files on disk, for the checks that read `build/` directly (links,
 * HTML validity). They run after `vite build` (see scripts/test.js) and fail with a clear
 * message when there is no build to read.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BUILD = join(ROOT, 'build');

export function requireBuild(): void {
	if (!existsSync(join(BUILD, 'index.html'))) throw new Error(`No production build in ${BUILD}: run \`npm run build\` first.`);
}

/** Every file under build/ (or another built site), as site paths ("/chapters/x/index.html"). */
export function siteFiles(root = BUILD, dir = root): string[] {
	const out: string[] = [];
	for (const name of readdirSync(dir)) {
		const full = join(dir, name);
		if (statSync(full).isDirectory()) out.push(...siteFiles(root, full));
		else out.push('/' + relative(root, full).split(sep).join('/'));
	}
	return out.sort();
}

export interface Tag {
	name: string;
	attrs: Record<string, string>;
	/** 1-based line of the tag in its file, for messages. */
	line: number;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

export function decodeEntities(text: string): string {
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
		if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
		return ENTITIES[e.toLowerCase()] ?? whole;
	});
}

const TAG = /<([a-zA-Z][\w:-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/**
 * The start tags of an HTML document, with their attributes decoded. Comments and the
 * contents of script and style elements are skipped: they are not markup. (The build's
 * HTML is machine-written and well-formed — the Nu checker test proves it — so a tokenizer
 * this small reads it correctly.)
 */
export function tags(html: string): Tag[] {
	const masked = html.replace(/<!--[\s\S]*?-->|(<(script|style)\b[^>]*>)[\s\S]*?(<\/\2\s*>)/gi, (whole, open?: string, _n?: string, close?: string) => {
		// Keep line numbers: replace the skipped text by as many newlines as it held.
		const lines = whole.split('\n').length - 1;
		return open ? `${open}${'\n'.repeat(lines)}${close}` : '\n'.repeat(lines);
	});
	const out: Tag[] = [];
	for (const m of masked.matchAll(TAG)) {
		const attrs: Record<string, string> = {};
		for (const a of m[2]!.matchAll(ATTR)) attrs[a[1]!.toLowerCase()] = decodeEntities(a[2] ?? a[3] ?? a[4] ?? '');
		out.push({ name: m[1]!.toLowerCase(), attrs, line: masked.slice(0, m.index).split('\n').length });
	}
	return out;
}

/** The text of every inline script of a document. */
export function inlineScripts(html: string): string[] {
	return [...html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script\s*>/gi)].map((m) => m[1]!);
}
