import { formatDate } from '$lib/content/dates';
import { UNKNOWN_DATE } from './props';

/**
 * A feature's dates in words, saying so where the sources give none. The newest source is the
 * furthest the story can see: a measure whose sources give no end is never said to be in force
 * today, only to have no end as of the newest source ("2014 – no end given by the sources
 * (latest source: 17 January 2022)"). `latest` is the newest source's date (latestSourceDate).
 */
export function featurePeriod({ start, end }: { start: string; end: string | null }, latest: string): string {
	if (start === UNKNOWN_DATE && end === UNKNOWN_DATE) return 'dates not given by the sources';
	return `${startLabel(start)} – ${endLabel(end, latest)}`;
}

/** A feature's start in words: the date, or that the sources do not give it. */
export const startLabel = (start: string): string => (start === UNKNOWN_DATE ? 'start not given by the sources' : formatDate(start));

/** A feature's end in words: the date, that the sources do not give it, or that they give none as of the newest source. */
export function endLabel(end: string | null, latest: string): string {
	if (end === null) return `no end given by the sources (latest source: ${formatDate(latest)})`;
	return end === UNKNOWN_DATE ? 'end not given by the sources' : formatDate(end);
}

/** The newest source's date: the one home of "latest source" (from seeds/sources.yaml). */
export function latestSourceDate(sources: readonly { date: string }[]): string {
	const dates = sources.map((s) => s.date).sort();
	const latest = dates.at(-1);
	if (!latest) throw new Error('latestSourceDate: there are no sources');
	return latest;
}
