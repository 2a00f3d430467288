import { escapeHtml } from '$lib/content/escape';
import type { ChapterView } from './types';

/**
 * Each chapter's HTML is sent once, in the page's markup, and never again as data for
 * hydration: the pages' data carries a mark in its place, the server hook (hooks.server.ts)
 * puts the chapter's HTML where the mark stands in the prerendered page, and hydration keeps
 * what is there (Svelte adopts the server's nodes for an {@html} block). So the pages' size
 * grows with the chapters once, not twice.
 */
export const bodyMark = (slug: string) => `<!--chapter-body:${slug}-->`;

const MARK = /<!--chapter-body:([a-z0-9-]+)-->/g;

/** A chapter's prose and its notes, as the page shows them. */
export function chapterBody(chapter: Pick<ChapterView, 'html' | 'notes'>): string {
	if (!chapter.notes.length) return chapter.html;
	const notes = chapter.notes
		.map((n) => `<li value="${n.number}"><a href="${escapeHtml(n.href)}"><cite>${escapeHtml(n.sourceTitle)}</cite></a>, ${escapeHtml(n.attribution)}</li>`)
		.join('');
	return `${chapter.html}<ol class="notes" aria-label="Sources for this chapter">${notes}</ol>`;
}

/** The page with every chapter's mark replaced by that chapter's body. */
export function fillChapterBodies(html: string, chapters: readonly Pick<ChapterView, 'slug' | 'html' | 'notes'>[]): string {
	if (!html.includes('<!--chapter-body:')) return html;
	const bySlug = new Map(chapters.map((c) => [c.slug, c]));
	return html.replace(MARK, (mark, slug: string) => {
		const chapter = bySlug.get(slug);
		return chapter ? chapterBody(chapter) : mark;
	});
}
