// Plain JavaScript (typed with JSDoc) so that geo/build.js checks dates with the same rules
// as the site build.

/**
 * Dates in content are ISO 8601 calendar dates at year, month or day precision
 * ("2014", "2014-07", "2014-07-07"), or an interval of two of them ("2013/2015").
 * @typedef {object} Period
 * @property {string} from
 * @property {string | null} to
 * @property {string} label
 */

/** Ids in content: lower-case words joined by hyphens. */
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const ISO = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const MONTHS = [
	'January', 'February', 'March', 'April', 'May', 'June',
	'July', 'August', 'September', 'October', 'November', 'December'
];

/** Years a date in content may name: the story's documents run from 1948 to 2022. */
export const YEARS = { min: 1900, max: 2100 };

/**
 * Returns a reason the string is not a valid partial ISO date, or null when it is.
 * @param {string} value
 * @returns {string | null}
 */
export function dateProblem(value) {
	const match = ISO.exec(value);
	if (!match) return `"${value}" is not a date: use YYYY, YYYY-MM or YYYY-MM-DD`;
	const [, y, m, d] = match;
	const year = Number(y);
	if (year < YEARS.min || year > YEARS.max) return `year ${year} is out of range (${YEARS.min}–${YEARS.max})`;
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

/**
 * "2014-07-07" → "7 July 2014"; "2014-07" → "July 2014".
 * @param {string} value
 */
export function formatDate(value) {
	const [, y, m, d] = ISO.exec(value) ?? [];
	if (!y) return value;
	if (!m) return y;
	const month = MONTHS[Number(m) - 1];
	return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`;
}

/**
 * Compares two partial dates at the coarser precision: 2014-06 is not before 2014.
 * @param {string} a @param {string} b
 */
export function isBefore(a, b) {
	const n = Math.min(a.length, b.length);
	return a.slice(0, n) < b.slice(0, n);
}

/**
 * Parses "2014", "2014-07" or "2013/2015"; returns a reason string when invalid.
 * @param {string} value
 * @returns {Period | string}
 */
export function parsePeriod(value) {
	const parts = value.split('/').map((p) => p.trim());
	if (parts.length > 2) return `"${value}" has more than one "/"`;
	for (const part of parts) {
		const problem = dateProblem(part);
		if (problem) return problem;
	}
	const [from, to] = /** @type {[string, string | undefined]} */ (/** @type {unknown} */ (parts));
	if (to !== undefined && isBefore(to, from)) return `the period "${value}" ends before it starts`;
	const label = to === undefined ? formatDate(from) : `${formatDate(from)} – ${formatDate(to)}`;
	return { from, to: to ?? null, label };
}

/**
 * The first year of `dates` (ISO dates, nulls skipped) that `text` does not give as a whole
 * word, or null: a date in content must be in the words of its passages, or say how it is
 * inferred (a `dateBasis`). One rule for chapters, timeline events and map features.
 * @param {(string | null)[]} dates
 * @param {string} text
 * @returns {string | null}
 */
export function yearMissing(dates, text) {
	for (const date of dates) {
		if (date === null) continue;
		const year = date.slice(0, 4);
		if (!new RegExp(`\\b${year}\\b`).test(text)) return year;
	}
	return null;
}
