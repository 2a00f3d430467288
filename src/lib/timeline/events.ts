import { ContentError } from '$lib/content/errors';
import { parsePeriod, yearMissing, type Period } from '$lib/content/dates';
import { tagIn } from '$lib/content/markup';
import { THEMATIC_LAYERS } from '$lib/layers/props';

/** A dated event a passage states, in our words (src/content/events.yaml). */
export interface TimelineEvent {
	/** Its position in the file, which is also its anchor on the timeline: "event-3". */
	id: string;
	when: Period;
	text: string;
	/** The passage that states it. */
	passage: string;
	/** The thematic layer it belongs to, for the timeline's filter. */
	theme?: string;
	/** How the date is inferred, where its year is not in the passage's words. */
	dateBasis?: string;
}

const FIELDS = ['date', 'text', 'passage', 'theme', 'dateBasis'];

/**
 * Validates the events file against the passages (`passageText` gives a passage's exact words,
 * or undefined for an unknown id). Throws a ContentError naming the file and the field at the
 * first problem: a bad date, markup in the text, an unknown passage or theme, or a year that
 * is neither in the passage's words nor explained by a dateBasis.
 */
export function parseEvents(raw: unknown, file: string, passageText: (id: string) => string | undefined): TimelineEvent[] {
	if (raw === null || raw === undefined) return [];
	if (!Array.isArray(raw)) throw new ContentError(file, '(root)', 'must be a list of events');
	return raw.map((entry: unknown, i): TimelineEvent => {
		const fail = (field: string, message: string): never => {
			throw new ContentError(file, `[${i}].${field}`, message);
		};
		if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return fail('(entry)', 'must be a mapping');
		const e = entry as Record<string, unknown>;
		for (const key of Object.keys(e)) if (!FIELDS.includes(key)) fail(key, `is not an event field (one of ${FIELDS.join(', ')})`);
		const text = (field: string, required: boolean): string | undefined => {
			const value = e[field];
			if (value === undefined && !required) return undefined;
			if (typeof value !== 'string' || !value.trim()) return fail(field, 'must be non-empty text');
			const tag = tagIn(value);
			if (tag) fail(field, tag.message);
			return value.replace(/\s+/g, ' ').trim();
		};
		const date = typeof e.date === 'number' ? String(e.date) : e.date;
		if (typeof date !== 'string') return fail('date', 'must be a date: YYYY, YYYY-MM or YYYY-MM-DD, or a period "from/to"');
		const when = parsePeriod(date);
		if (typeof when === 'string') return fail('date', when);
		const passage = text('passage', true)!;
		const words = passageText(passage);
		if (words === undefined) fail('passage', `unknown passage "${passage}"; define it in src/content/passages.yaml or a chapter's citations`);
		const theme = text('theme', false);
		if (theme !== undefined && !THEMATIC_LAYERS.includes(theme)) fail('theme', `"${theme}" is not a thematic layer (one of ${THEMATIC_LAYERS.join(', ')})`);
		const dateBasis = text('dateBasis', false);
		const year = dateBasis ? null : yearMissing([when.from, when.to], words!);
		if (year) fail('date', `${year} is not in the words of passage "${passage}"; cite a passage that gives it, or say in dateBasis how the date is inferred`);
		return { id: `event-${i + 1}`, when, text: text('text', true)!, passage, ...(theme && { theme }), ...(dateBasis && { dateBasis }) };
	});
}
