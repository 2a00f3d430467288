import type { TimelineItem } from './timeline';

/** The reader's choice on the timeline: one theme and one source, or all (null). */
export interface TimelineFilter {
	theme: string | null;
	source: string | null;
}

/** Whether an item is shown under the filter: it belongs to the chosen theme and rests on the chosen source. */
export function matchesFilter(item: Pick<TimelineItem, 'themes' | 'sources'>, filter: TimelineFilter): boolean {
	return (filter.theme === null || item.themes.includes(filter.theme)) && (filter.source === null || item.sources.includes(filter.source));
}

/** Dated items in runs of one year, in order: the timeline's sections. */
export function byYear(items: TimelineItem[]): { year: string; items: TimelineItem[] }[] {
	const groups: { year: string; items: TimelineItem[] }[] = [];
	for (const item of items) {
		const year = item.start.date!.slice(0, 4);
		const last = groups.at(-1);
		if (last?.year === year) last.items.push(item);
		else groups.push({ year, items: [item] });
	}
	return groups;
}
