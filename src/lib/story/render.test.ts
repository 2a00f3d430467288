/**
 * Editor's notes on passages: where a quoted passage carries an error of its source, the reader
 * sees our note beside it, marked as ours, never inside the quoted words.
 */
import { describe, expect, it } from 'vitest';
import { parseCitations } from '$lib/content/schema';
import { resolvePassage, type Passage } from '$lib/sources/passages';
import { pageData } from './page-data';
import { sourcePage } from './source-pages';
import { renderChapterBody } from './render';
import { realSources, realStory } from '../../../tests/unit/real-story';

const sources = new Map(realSources().map((s) => [s.id, s]));

function passageWithNote(note: string): Passage {
	const [spec] = parseCitations(
		[{ id: 'sixty-years', source: 'conversation-2018', quote: 'It took almost 60 years', note }],
		'test.yaml',
		'citations'
	);
	return resolvePassage(spec!, sources, 'test.yaml', 'citations[0]');
}

describe("a passage's editor's note", () => {
	it('is read from the citation spec and carried by the resolved passage', () => {
		expect(passageWithNote('1948 to 2016 is 68 years.').note).toBe('1948 to 2016 is 68 years.');
		const [plain] = parseCitations([{ id: 'x', source: 'conversation-2018', quote: 'It took almost 60 years' }], 'test.yaml', 'citations');
		expect(resolvePassage(plain!, sources, 'test.yaml', 'citations[0]').note).toBeUndefined();
	});

	it('is shown marked, escaped as text, outside the quote, inline and as a block', () => {
		const passage = passageWithNote('1948 to 2016 is <b>68</b> years & "more"');
		const ctx = { passages: new Map([[passage.id, passage]]), sources };
		for (const body of ['He wrote {{q:sixty-years}} and went on.', '{{quote:sixty-years}}']) {
			const { html } = renderChapterBody(body, 'test.md', ctx);
			expect(html).toContain("Editor's note:");
			expect(html).toContain('1948 to 2016 is &lt;b&gt;68&lt;/b&gt; years &amp; &quot;more&quot;');
			expect(html).not.toContain('<b>68');
			// The note follows the quoted words; it is not inside the <q> or the <blockquote>.
			const quoted = /<(q|blockquote)\b[^>]*>([\s\S]*?)<\/\1>/.exec(html)![2]!;
			expect(quoted).not.toContain('Editor');
			expect(html.indexOf("Editor's note:")).toBeGreaterThan(html.indexOf(quoted));
		}
	});

	it('adds nothing to a passage without one', () => {
		const [spec] = parseCitations([{ id: 'plain', source: 'conversation-2018', quote: 'It took almost 60 years' }], 'test.yaml', 'citations');
		const passage = resolvePassage(spec!, sources, 'test.yaml', 'citations[0]');
		const { html } = renderChapterBody('{{quote:plain}}', 'test.md', { passages: new Map([[passage.id, passage]]), sources });
		expect(html).not.toContain('Editor');
	});

	it('corrects the "almost 60 years" of refuge-amendment-2016 in the map panel and the source reader', () => {
		const note = realStory().passages.get('refuge-amendment-2016')!.note;
		expect(note).toMatch(/68 years/);
		expect(pageData(realStory()).passages['refuge-amendment-2016']!.note).toBe(note);
		expect(sourcePage(realStory(), 'conversation-2018')!.editorNotes['refuge-amendment-2016']).toBe(note);
	});
});
