/**
 * Dates in content are ISO 8601 calendar dates at year, month or day precision
 * ("2014", "2014-07", "2014-07-07"), or an interval of two of them ("2013/2015").
 */
export interface Period {
	from: string;
	to: string | null;
	label: string;
}

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MONTHS = [
	'January', 'February', 'March', 'April', 'May', 'June',
	'July', 'August', 'September', 'October', 'November', 'December'
];

/** Returns a reason the string is not a valid partial ISO date, or null when it is. */
export function dateProblem(value: string): string | null {
	const match = ISO.exec(value);
	if (!match) return `"${value}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD`;
	const [, y, m, d] = match;
	const year = Number(y);
	if (year < 1900 || year > 2100) return `year ${year} is out of range (1900–2100)`;
	if (m !== undefined) {
		const month = Number(m);
		if (month < 1 || month > 12) return `month ${m} does not exist`;
		if (d !== undefined) {
			const day = Number(d);
			const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
			if (day < 1 || day > days) return `day ${d} does not exist in ${y}-${m}`;
		}
	}
	return null;
}

export function formatDate(value: string): string {
	const [, y, m, d] = ISO.exec(value) ?? [];
	if (!y) return value;
	if (!m) return y;
	const month = MONTHS[Number(m) - 1];
	return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/** Parses "2014", "2014-07" or "2013/2015"; returns a reason string when invalid. */
export function parsePeriod(value: string): Period | string {
	const parts = value.split('/');
	if (parts.length > 2) return `"${value}" has more than one "/"`;
	const [from, to] = parts as [string, string | undefined];
	for (const part of parts) {
		const problem = dateProblem(part.trim());
		if (problem) return problem;
	}
	// Compare at the coarser precision: 2014-06/2014 is fine, 2015/2014-06 is not.
	if (to !== undefined) {
		const [a, b] = [from.trim(), to.trim()];
		const n = Math.min(a.length, b.length);
		if (b.slice(0, n) < a.slice(0, n)) return `the period "${value}" ends before it starts`;
	}
	const label = to === undefined ? formatDate(from.trim()) : `${formatDate(from.trim())} – ${formatDate(to.trim())}`;
	return { from: from.trim(), to: to?.trim() ?? null, label };
}
