/**
 * Reader state kept in the query string besides ?layers=: `?select=<id>` (explore mode with that
 * feature's or place's card open) and `?year=YYYY` (the map shows what was in force that year).
 * Read in the browser only; unknown values are ignored, never an error.
 */

/** The selected id, when it names something the map can show. */
export function parseSelect(search: string, known: ReadonlySet<string>): string | null {
	const id = new URLSearchParams(search).get('select')?.trim() ?? '';
	return known.has(id) ? id : null;
}

/** The year asked for, within the range the story covers; anything else is no year. */
export function parseYear(search: string, range: { min: number; max: number }): number | null {
	const text = new URLSearchParams(search).get('year')?.trim() ?? '';
	if (!/^\d{4}$/.test(text)) return null;
	const year = Number(text);
	return year >= range.min && year <= range.max ? year : null;
}

/** The query string with one parameter set (or removed, for null), keeping every other as it was. */
export function withParam(search: string, name: string, value: string | null): string {
	const params = new URLSearchParams(search);
	if (value === null || value === '') params.delete(name);
	else params.set(name, value);
	const text = params.toString().replace(/%2C/g, ',');
	return text ? `?${text}` : '';
}

/**
 * A link into the story's live map with a feature or place selected (explore mode, its card open),
 * opened at a chapter about it when there is one: where "Return to the story" then leads.
 */
export function exploreHref(id: string, chapter?: string): string {
	return `${chapter ? `/chapters/${chapter}/` : '/'}?select=${encodeURIComponent(id)}`;
}
