import { describe, expect, it } from 'vitest';
import { placeMatcher } from '$lib/geo/names';
import { linkFirstMentions } from './place-links';
import { realStory } from '../../../tests/unit/real-story';

const match = placeMatcher([
	{ id: 'tijuana', name: 'Tijuana', aliases: [] },
	{ id: 'mexico', name: 'Mexico', aliases: ['México'] },
	{ id: 'mexico-city', name: 'Mexico City', aliases: [] }
]);
const link = (html: string) => linkFirstMentions(html, match, (id) => `/places/${id}/`).html;
const a = (id: string, text: string) => `<a class="place-link" href="/places/${id}/">${text}</a>`;

describe('linkFirstMentions', () => {
	it('links the first mention of each place, once', () => {
		expect(link('<p>Tijuana and Mexico City; Tijuana again, then Mexico.</p>')).toBe(
			`<p>${a('tijuana', 'Tijuana')} and ${a('mexico-city', 'Mexico City')}; Tijuana again, then ${a('mexico', 'Mexico')}.</p>`
		);
	});

	it('never links inside a quote, a link, a heading, a note reference, a block quote’s figure or an editor’s note', () => {
		const untouched = [
			'<p><q cite="/s/#x">Tijuana</q></p>',
			'<p><a href="/x/">Tijuana</a></p>',
			'<h3>Tijuana</h3>',
			'<p>x<sup class="note-ref"><a href="/s/#x">Tijuana</a></sup></p>',
			'<figure class="quote"><blockquote cite="/s/#x"><p>In Tijuana</p></blockquote><footer>— Tijuana paper, <cite>Tijuana</cite></footer></figure>',
			'<p><span class="editor-note">[<span class="editor-note__label">Editor\'s note:</span> Tijuana]</span></p>'
		];
		for (const html of untouched) expect(link(html)).toBe(html);
	});

	it('links the first mention in our prose even when a quote names the place first', () => {
		expect(link('<p><q>Tijuana</q> said a man from Tijuana.</p>')).toBe(`<p><q>Tijuana</q> said a man from ${a('tijuana', 'Tijuana')}.</p>`);
	});

	it('returns the places the prose names, in order of first mention, not those only quoted', () => {
		const { places } = linkFirstMentions('<p><q>Mexico</q> Tijuana, Mexico City and Tijuana.</p>', match, (id) => `/places/${id}/`);
		expect(places).toEqual(['tijuana', 'mexico-city']);
	});

	it('leaves entities and emphasis intact', () => {
		expect(link('<p><em>Mexico&#39;s</em> &amp; Tijuana&#39;s</p>')).toBe(`<p><em>${a('mexico', 'Mexico')}&#39;s</em> &amp; ${a('tijuana', 'Tijuana')}&#39;s</p>`);
	});
});

describe('place links in the real chapters', () => {
	const quotes = (html: string) => [...html.matchAll(/<(q|blockquote)\b[^>]*>[\s\S]*?<\/\1>/g)].map((m) => m[0]);

	it('link each place at most once per chapter, to its page', () => {
		const ids = new Set(realStory().gazetteer.map((p) => p.id));
		let total = 0;
		for (const c of realStory().chapters) {
			const linked = [...c.html.matchAll(/<a class="place-link" href="\/places\/([a-z0-9-]+)\/">/g)].map((m) => m[1]!);
			expect(new Set(linked).size, c.slug).toBe(linked.length);
			for (const id of linked) expect(ids.has(id), id).toBe(true);
			total += linked.length;
		}
		expect(total).toBeGreaterThan(14);
	});

	it('leave every quote byte-identical: no link inside, the same words as the chapter without links', () => {
		for (const c of realStory().chapters) {
			const plain = c.html.replace(/<a class="place-link" href="[^"]*">([^<]*)<\/a>/g, '$1');
			for (const q of quotes(c.html)) {
				expect(q, c.slug).not.toContain('place-link');
				expect(plain, c.slug).toContain(q);
			}
		}
	});

	it('link Tijuana in the chapter that asks a question from it', () => {
		const chapter = realStory().chapters.find((c) => c.slug === 'election-debate')!;
		expect(chapter.html).toContain('href="/places/tijuana/"');
	});
});
