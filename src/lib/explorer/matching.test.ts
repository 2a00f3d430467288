import { describe, expect, it } from 'vitest';
import { placeMatcher } from '$lib/geo/names';
import type { Source } from '$lib/sources/corpus';
import { bodyParagraphs } from '$lib/sources/reader';
import { placeNamings } from './matching';
import { realSources, realStory } from '../../../tests/unit/real-story';

const match = placeMatcher(realStory().gazetteer);
const namings = placeNamings(realSources(), match);
const text = (runs: { text: string }[]) => runs.map((r) => r.text).join('');

/** A source whose body is `body`, between furniture that names Tijuana. */
function fakeSource(body: string): Source {
	const before = 'Tijuana news | Menu\n\n';
	const after = '\n\nTrending: Tijuana tacos';
	return {
		...realSources()[0]!,
		id: 'fake',
		text: before + body + after,
		body: { start: before.length, end: before.length + body.length, exclude: [] }
	};
}

describe('placeNamings', () => {
	it('lists a paragraph of the body that names the place, and not the furniture around it', () => {
		const source = fakeSource('Nothing here.\n\nA shelter in tijuana, and TIJUANA again.');
		const tijuana = placeNamings([source], match).get('tijuana')!;
		expect(tijuana).toHaveLength(1);
		expect(tijuana[0]!.passages).toHaveLength(1);
		const [passage] = tijuana[0]!.passages;
		expect(passage!.paragraph).toBe('para-2');
		expect(passage!.href).toBe('/sources/fake/#para-2');
		expect(passage!.names).toEqual(['tijuana', 'TIJUANA']);
		expect(passage!.runs.filter((r) => r.mark).map((r) => r.text)).toEqual(['tijuana', 'TIJUANA']);
	});

	it('does not list a place the body never names, even when the furniture does', () => {
		expect(placeNamings([fakeSource('Nothing about the border city.')], match).get('tijuana')).toBeUndefined();
	});

	it('keeps every listed paragraph verbatim: its runs are the seed file’s text of that paragraph', () => {
		for (const [, sources] of namings)
			for (const s of sources) {
				const source = realSources().find((x) => x.id === s.id)!;
				const paragraphs = new Map(bodyParagraphs(source).map((p) => [p.id, p]));
				for (const passage of s.passages) {
					const p = paragraphs.get(passage.paragraph)!;
					expect(text(passage.runs)).toBe(source.text.slice(p.start, p.end));
				}
			}
	});

	it('reads only the article body: a headline or a photo caption naming a place is not listed', () => {
		const source = realSources().find((s) => s.id === 'conversation-2018')!;
		// The headline (before the body) names the U.S.; so does a photo caption inside it.
		expect(source.text.slice(0, source.body.start)).toContain('U.S.');
		const caption = source.body.exclude[0]!;
		expect(source.text.slice(caption.start, caption.end)).toContain('U.S. has funded Mexico');
		const listed = namings.get('united-states')!.find((s) => s.id === source.id)!.passages.map((p) => text(p.runs));
		expect(listed.length).toBeGreaterThan(0);
		for (const t of listed) expect(t).not.toContain('U.S. has funded Mexico');
		expect(listed.join('\n')).not.toContain('cracks down on immigration');
	});

	it('finds the real story’s places in the real sources, accents folded', () => {
		const tijuana = namings.get('tijuana')!;
		expect(tijuana.flatMap((s) => s.passages.flatMap((p) => p.names))).toContain('Tijuana');
		// The open letter writes "Fray Matías de Córdova": one name of the centre, marked in full.
		const fray = namings.get('fray-matias-de-cordova')!.flatMap((s) => s.passages.flatMap((p) => p.names));
		expect(fray.some((n) => /Córdova/.test(n))).toBe(true);
		// "Mexico City" is a mention of the city, not of Mexico.
		for (const s of namings.get('mexico') ?? []) for (const p of s.passages) expect(p.names).not.toContain('Mexico City');
	});
});
