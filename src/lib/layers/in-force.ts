import { UNKNOWN_DATE } from './props';

/** What the map can show of a feature in a given year. */
export type InForce = 'in force' | 'not in force' | 'dates not given';

const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * Whether a feature was in force in `year`, as far as its sources date it: a measure whose start
 * or end the sources do not give cannot be placed in time, and says so rather than vanishing.
 */
export function inForce({ start, end }: { start: string; end: string | null }, year: number): InForce {
	const known = (date: string | null) => date !== UNKNOWN_DATE;
	if (known(start) && yearOf(start) > year) return 'not in force';
	if (end !== null && known(end) && yearOf(end) < year) return 'not in force';
	if (!known(start) || !known(end)) return 'dates not given';
	return 'in force';
}

/** The years the year control offers: from the earliest to the latest year the data and story give. */
export function yearRange(dates: (string | null)[]): { min: number; max: number } {
	const years = dates.filter((d): d is string => !!d && d !== UNKNOWN_DATE).map(yearOf);
	return { min: Math.min(...years), max: Math.max(...years) };
}
