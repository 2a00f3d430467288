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
	/** Its anchor in the reader ("para-3"): stable while the body's paragraphs stay the same. */
	id: string;
	segments: Segment[];
}

/** A paragraph of a source body as offsets into the seed file, with its text. */
export interface BodyParagraph {
	id: string;
	start: number;
	end: number;
	/** The paragraph's words; furniture inside the body never falls inside a paragraph. */
	text: string;
}

/** The anchor of the n-th paragraph (from 0) of a source body in the reader. */
export const paragraphId = (index: number) => `para-${index + 1}`;

/**
 * Cuts a source body into paragraphs at blank lines (a single line break stays inside the
 * paragraph). Furniture inside the body is blanked out first, so it falls between paragraphs.
 */
export function bodyParagraphs(source: Source): BodyParagraph[] {
	const { start: bodyStart, end: bodyEnd } = source.body;
	const ranges: { start: number; end: number }[] = [];
	const breaks = /\n[ \t\r]*\n\s*/g;
	let cursor = bodyStart;
	const body = source.text.slice(0, bodyStart) + bodyText(source);
	breaks.lastIndex = bodyStart;
	for (let m = breaks.exec(body); m; m = breaks.exec(body)) {
		if (m.index > cursor) ranges.push({ start: cursor, end: m.index });
		cursor = m.index + m[0].length;
	}
	if (cursor < bodyEnd) ranges.push({ start: cursor, end: bodyEnd });
	return ranges.map(({ start, end }, i) => ({ id: paragraphId(i), start, end, text: body.slice(start, end) }));
}

/**
 * The body in paragraphs (bodyParagraphs), each cut into segments at passage boundaries, so the
 * reader can mark every cited passage without touching the text itself.
 */
export function segmentBody(source: Source, passages: Pick<Passage, 'id' | 'start' | 'end'>[]): ReaderParagraph[] {
	return bodyParagraphs(source).map(({ id, start, end, text }) => {
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
				text: text.slice(a - start, b - start),
				passages: covering.map((p) => p.id),
				starts: covering.filter((p) => p.start >= a).map((p) => p.id),
				ends: covering.filter((p) => p.end <= b).map((p) => p.id)
			});
		}
		return { id, segments };
	});
}
