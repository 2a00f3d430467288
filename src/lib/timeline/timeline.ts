import type { Period } from '$lib/content/dates';
import { formatDate } from '$lib/content/dates';
import type { FeatureProps } from '$lib/layers/features';
import { endLabel, featurePeriod, startLabel } from '$lib/layers/period';
import { UNKNOWN_DATE } from '$lib/layers/props';
import type { Passage } from '$lib/sources/passages';
import { passageHref } from '$lib/sources/passages';
import type { Story } from '$lib/story/build';
import type { TimelineEvent } from './events';

export type ItemKind = 'event' | 'feature' | 'chapter' | 'source';

/** One end of a dated item: a date, or what the sources say instead of one. */
export type DateEnd = { date: string; label: string } | { date: null; label: string };

export interface Link {
	href: string;
	label: string;
}

/** A dated item on the time axis. */
export interface TimelineItem {
	/** Anchor on the timeline page: "event-3", "feature-merida-initiative", "chapter-merida". */
	id: string;
	kind: ItemKind;
	/** What it is: "Event", "Map feature", "Chapter", "Source published". */
	kindLabel: string;
	title: string;
	/** A line of our words: the event itself, a feature's summary. */
	text?: string;
	start: DateEnd;
	/** Absent for a single date; a DateEnd with date null for an open or unknown end. */
	end?: DateEnd;
	/** How an inferred date was inferred. */
	dateBasis?: string;
	/** Thematic layers it belongs to, for the filter. */
	themes: string[];
	/** Sources it rests on, for the filter. */
	sources: string[];
	/** Source passages behind it. */
	passages: Link[];
	/** Chapters that cite it or show it. */
	chapters: Link[];
	/** Its own page, for a chapter or a source. */
	href?: string;
}

export interface Timeline {
	/** Items with a known start, in chronological order. */
	dated: TimelineItem[];
	/** Items whose start the sources do not give. */
	undated: TimelineItem[];
	themes: { id: string; title: string }[];
	sources: { id: string; title: string }[];
	/**
	 * The chapter whose map shows every theme (the last such): a year's link to the map opens it at
	 * that year, so the map draws every measure in force then.
	 */
	mapChapter: string;
}

const KIND_ORDER: ItemKind[] = ['source', 'event', 'feature', 'chapter'];

const at = (date: string): DateEnd => ({ date, label: formatDate(date) });

const periodEnds = (when: Period): Pick<TimelineItem, 'start' | 'end'> => ({
	start: at(when.from),
	...(when.to !== null && when.to !== when.from && { end: at(when.to) })
});

/**
 * Chronological order of partial ISO dates: by start ("2014" before "2014-07", which reads as
 * "sometime in 2014" before a month of it), then the shorter span first, then kind and title
 * so the order is stable.
 */
export function compareItems(a: TimelineItem, b: TimelineItem): number {
	const key = (item: TimelineItem) => item.start.date ?? '9999';
	const endKey = (item: TimelineItem) => item.end?.date ?? (item.end ? '9999' : key(item));
	return (
		key(a).localeCompare(key(b)) ||
		endKey(a).localeCompare(endKey(b)) ||
		KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
		a.title.localeCompare(b.title)
	);
}

const unique = <T>(values: T[]) => [...new Set(values)];

/** Every dated item of the story, its sources and its events, on one time axis. */
export function buildTimeline(story: Story, events: TimelineEvent[], themes: { id: string; title: string }[]): Timeline {
	const titles = new Map(story.chapters.map((c) => [c.slug, c.title]));
	const chapterLink = (slug: string): Link => ({ href: `/chapters/${slug}/`, label: titles.get(slug)! });
	const passageLink = (p: Passage): Link => ({ href: passageHref(p), label: sourceTitle(p.source) });
	const sourceTitle = (id: string) => story.sources.find((s) => s.id === id)!.title;
	const passage = (id: string) => story.passages.get(id)!;
	const citing = (ids: string[]) => unique(ids.flatMap((id) => story.citedBy.get(id) ?? []));
	const thematic = new Set(themes.map((t) => t.id));

	const items: TimelineItem[] = [];
	for (const e of events) {
		const p = passage(e.passage);
		items.push({
			id: e.id,
			kind: 'event',
			kindLabel: 'Event',
			title: e.text,
			...periodEnds(e.when),
			...(e.dateBasis && { dateBasis: e.dateBasis }),
			themes: e.theme ? [e.theme] : [],
			sources: [p.source],
			passages: [passageLink(p)],
			chapters: citing([p.id]).map(chapterLink)
		});
	}
	for (const [layer, collection] of story.features) {
		if (!thematic.has(layer)) continue;
		for (const f of collection.features) {
			const p = f.properties as FeatureProps;
			const cited = p.passages.map(passage);
			const shown = story.chapters.filter((c) => c.view.highlight.includes(p.id)).map((c) => c.slug);
			const end: DateEnd | undefined =
				p.end === null || p.end === UNKNOWN_DATE ? { date: null, label: endLabel(p.end, story.latestSource) } : p.end === p.start ? undefined : at(p.end);
			items.push({
				id: `feature-${p.id}`,
				kind: 'feature',
				kindLabel: 'On the map',
				title: p.name === p.program ? p.name : `${p.name} (${p.program})`,
				text: `${p.summary} ${capitalise(featurePeriod(p, story.latestSource))}.`,
				start: p.start === UNKNOWN_DATE ? { date: null, label: startLabel(p.start) } : at(p.start),
				...(end && { end }),
				...(p.dateBasis && { dateBasis: p.dateBasis }),
				themes: [layer],
				sources: unique(cited.map((c) => c.source)),
				passages: cited.map(passageLink),
				chapters: unique([...shown, ...citing(p.passages)]).map(chapterLink)
			});
		}
	}
	for (const c of story.chapters) {
		items.push({
			id: `chapter-${c.slug}`,
			kind: 'chapter',
			kindLabel: `Chapter ${c.index + 1}`,
			title: c.title,
			text: c.description,
			...periodEnds(c.when),
			...(c.dateBasis && { dateBasis: c.dateBasis }),
			themes: c.view.layers.filter((l) => thematic.has(l)),
			sources: unique(c.notes.map((n) => n.source)),
			passages: [],
			chapters: [],
			href: `/chapters/${c.slug}/`
		});
	}
	for (const s of story.sources) {
		items.push({
			id: `source-${s.id}`,
			kind: 'source',
			kindLabel: 'Source published',
			title: s.title,
			text: [s.outlet, s.kind].filter(Boolean).join(' · '),
			start: { date: s.date, label: s.dateLabel },
			...(!/^Stated/.test(s.dateBasis) && { dateBasis: s.dateBasis }),
			themes: [],
			sources: [s.id],
			passages: [],
			chapters: [],
			href: `/sources/${s.id}/`
		});
	}
	const sorted = items.sort(compareItems);
	return {
		dated: sorted.filter((i) => i.start.date !== null),
		undated: sorted.filter((i) => i.start.date === null),
		themes,
		sources: story.sources.map((s) => ({ id: s.id, title: s.outlet ?? `Unnamed outlet, ${s.dateLabel}` })),
		mapChapter: (story.chapters.findLast((c) => themes.every((t) => c.view.layers.includes(t.id))) ?? story.chapters.at(-1)!).slug
	};
}

const capitalise = (text: string) => text[0]!.toUpperCase() + text.slice(1);
