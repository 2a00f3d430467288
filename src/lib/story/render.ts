import { Marked } from 'marked';
import { ContentError } from '$lib/content/errors';
import { escapeHtml } from '$lib/content/escape';
import { attribution, type Source } from '$lib/sources/corpus';
import type { PlaceMatcher } from '$lib/geo/names';
import { passageHref, type Passage } from '$lib/sources/passages';
import { linkFirstMentions } from './place-links';

/**
 * Chapter prose is Markdown written by us, with three citation forms:
 *   [^passage-id]         a numbered note linking a paraphrased claim to its passage
 *   {{q:passage-id}}      the passage quoted inline, in a <q>, with its note
 *   {{quote:passage-id}}  on a line of its own: the passage as an attributed <blockquote>
 * Quoted words always come from the seed file, never from the chapter, so they are verbatim
 * by construction; they are escaped here, never passed through as HTML.
 */
export interface RenderContext {
	passages: ReadonlyMap<string, Passage>;
	sources: ReadonlyMap<string, Source>;
	/** Gazetteer names: the first mention of each place in our prose links to its page. */
	places?: PlaceMatcher;
}

/** A place's page in the explorer. */
export const placeHref = (id: string) => `/places/${id}/`;

export interface Note {
	number: number;
	passage: Passage;
}

export interface RenderedChapter {
	html: string;
	/** Passages cited in the prose, in order of first citation. */
	notes: Note[];
	/** Gazetteer places our prose names (not its quotations), in order of first mention. */
	places: string[];
}

/** The three citation forms: {{quote:id}}, {{q:id}} and [^id]. */
export const TOKEN = /\{\{(quote|q):([^}\s]*)\}\}|\[\^([^\]\s]*)\]/g;
const markdown = new Marked({ gfm: true, async: false });

function paragraphs(text: string): string {
	return text
		.split(/\n\s*\n/)
		.map((p) => `<p>${escapeHtml(p.replace(/\s+/g, ' ').trim())}</p>`)
		.join('');
}

/** Our note on a quoted passage, marked as ours and never part of the quote; escaped as text. */
export function editorNote(passage: Pick<Passage, 'note'>, block: boolean): string {
	if (!passage.note) return '';
	const text = `<span class="editor-note__label">Editor's note:</span> ${escapeHtml(passage.note.replace(/\s+/g, ' ').trim())}`;
	return block ? `<p class="editor-note">${text}</p>` : ` <span class="editor-note">[${text}]</span>`;
}

/** `firstLine` is the line of the file the body starts on, so errors point at the right line. */
export function renderChapterBody(body: string, file: string, ctx: RenderContext, firstLine = 1): RenderedChapter {
	const notes = new Map<string, Note>();
	const lineAt = (offset: number) => firstLine + body.slice(0, offset).split('\n').length - 1;

	const tokenStarts = new Set([...body.matchAll(TOKEN)].map((m) => m.index));
	for (const m of body.matchAll(/\{\{|\[\^/g))
		if (!tokenStarts.has(m.index))
			throw new ContentError(file, 'body', 'malformed citation; use [^id], {{q:id}} or {{quote:id}}', lineAt(m.index));
	const fragments: string[] = [];

	const noteLink = (passage: Passage) => {
		let note = notes.get(passage.id);
		if (!note) {
			note = { number: notes.size + 1, passage };
			notes.set(passage.id, note);
		}
		const source = ctx.sources.get(passage.source)!;
		const label = `Source ${note.number}: ${source.title} (${attribution(source)})`;
		return `<sup class="note-ref"><a href="${passageHref(passage)}" aria-label="${escapeHtml(label)}">${note.number}</a></sup>`;
	};

	const placeholder = (html: string, block: boolean) => {
		fragments.push(html);
		const key = `FRONTERAFRAGMENT${fragments.length - 1}X`;
		return block ? `\n\n<!--${key}-->\n\n` : key;
	};

	const prepared = body.replace(TOKEN, (whole, form: string | undefined, quoteId: string | undefined, noteId: string | undefined, offset: number) => {
		const id = (quoteId ?? noteId)!;
		const passage = ctx.passages.get(id);
		const line = lineAt(offset);
		if (!passage) throw new ContentError(file, 'body', `${whole} cites an unknown passage "${id}"`, line);
		if (noteId !== undefined) return placeholder(noteLink(passage), false);
		const source = ctx.sources.get(passage.source)!;
		const href = passageHref(passage);
		if (form === 'q') return placeholder(`<q cite="${href}">${escapeHtml(passage.exact.replace(/\s+/g, ' '))}</q>${noteLink(passage)}${editorNote(passage, false)}`, false);
		const lineStart = body.lastIndexOf('\n', offset - 1) + 1;
		const lineEnd = body.indexOf('\n', offset);
		if (body.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).trim() !== whole)
			throw new ContentError(file, 'body', `${whole} must stand on a line of its own`, line);
		const who = passage.speaker ? `${escapeHtml(passage.speaker)}, ` : '';
		const cite = `<cite>${escapeHtml(source.outlet ?? source.title)}</cite>, ${escapeHtml(source.dateLabel)}`;
		const footer = `<footer>— ${who}${cite}. ${noteLink(passage)} <a class="passage-link" href="${href}">Read it in the source</a></footer>`;
		return placeholder(`<figure class="quote"><blockquote cite="${href}">${paragraphs(passage.exact)}</blockquote>${footer}${editorNote(passage, true)}</figure>`, true);
	});

	let html = markdown.parse(prepared) as string;
	html = html.replace(/<!--FRONTERAFRAGMENT(\d+)X-->|FRONTERAFRAGMENT(\d+)X/g, (_, block, inline) => fragments[Number(block ?? inline)]!);
	const linked = ctx.places ? linkFirstMentions(html, ctx.places, placeHref) : { html, places: [] };
	return { html: linked.html.trim(), notes: [...notes.values()], places: linked.places };
}
