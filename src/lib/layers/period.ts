import { formatDate } from '$lib/content/dates';
import { UNKNOWN_DATE } from './props';

/**
 * A feature's dates in words, saying so where the sources give none: "2014 – still in force",
 * "May 2018 – end not given by the sources", "dates not given by the sources".
 */
export function featurePeriod({ start, end }: { start: string; end: string | null }): string {
	if (start === UNKNOWN_DATE && end === UNKNOWN_DATE) return 'dates not given by the sources';
	const from = start === UNKNOWN_DATE ? 'start not given by the sources' : formatDate(start);
	const to = end === null ? 'still in force' : end === UNKNOWN_DATE ? 'end not given by the sources' : formatDate(end);
	return `${from} – ${to}`;
}
