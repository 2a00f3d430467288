import { bodyText, type Source } from './corpus';
import type { Passage } from './passages';

/** A run of body text covered by the same set of passages. */
export interface Segment {
	text: string;
	/** Passages covering this run. */
	passages: string[];
	/** Passages that begin at this run: it carries their anchors. */
	starts: string[];
	/** Passages that end with this run: their backlinks follow it. */
	ends: string[];
}

/** A paragraph of the source body. */
export interface ReaderParagraph {
	segments: Segment[];
}

/**
 * Cuts a source body into paragraphs (blank lines; a single line break stays inside the
 * paragraph) and each paragraph into segments at passage boundaries, so the reader can mark
 * every cited passage without touching the text itself.
 */
export function segmentBody(source: Source, passages: Pick<Passage, 'id' | 'start' | 'end'>[]): ReaderParagraph[] {
	const { start: bodyStart, end: bodyEnd } = source.body;
	const paragraphs: { start: number; end: number }[] = [];
	const breaks = /\n[ \t\r]*\n\s*/g;
	let cursor = bodyStart;
	// The file with furniture inside the body blanked out: it falls between paragraphs.
	const body = source.text.slice(0, bodyStart) + bodyText(source);
	breaks.lastIndex = bodyStart;
	for (let m = breaks.exec(body); m; m = breaks.exec(body)) {
		if (m.index > cursor) paragraphs.push({ start: cursor, end: m.index });
		cursor = m.index + m[0].length;
	}
	if (cursor < bodyEnd) paragraphs.push({ start: cursor, end: bodyEnd });

	return paragraphs.map(({ start, end }) => {
		const cuts = new Set([start, end]);
		for (const p of passages) {
			if (p.start > start && p.start < end) cuts.add(p.start);
			if (p.end > start && p.end < end) cuts.add(p.end);
		}
		const points = [...cuts].sort((a, b) => a - b);
		const segments: Segment[] = [];
		for (let i = 0; i < points.length - 1; i++) {
			const [a, b] = [points[i]!, points[i + 1]!];
			const covering = passages.filter((p) => p.start < b && p.end > a);
			segments.push({
				text: body.slice(a, b),
				passages: covering.map((p) => p.id),
				starts: covering.filter((p) => p.start >= a).map((p) => p.id),
				ends: covering.filter((p) => p.end <= b).map((p) => p.id)
			});
		}
		return { segments };
	});
}
