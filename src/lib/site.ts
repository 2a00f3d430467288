/**
 * Where the site is deployed, for canonical URLs and share cards, which must be absolute.
 * Set PUBLIC_SITE_URL when building for a real host (see README, "Deploy").
 */
export const SITE_URL = ((import.meta.env.PUBLIC_SITE_URL as string | undefined) || 'http://localhost:4173').replace(/\/$/, '');

export const SITE_NAME = 'Frontera';

export const absolute = (path: string) => `${SITE_URL}${path}`;

/** The story's headline, and the home page's title derived from it. */
export const HEADLINE = 'How Mexico’s migration policy became bound up with US enforcement';
export const HOME_TITLE = `${SITE_NAME}: ${HEADLINE[0]!.toLowerCase()}${HEADLINE.slice(1)}`;

/** A page's title: "Sources · Frontera". */
export const pageTitle = (title: string) => `${title} · ${SITE_NAME}`;

/** A step of a page's breadcrumb; the page itself, the last step, has no link. */
export interface Crumb {
	label: string;
	href?: string;
}

/**
 * A page's title from its breadcrumb, read the other way round, so the two always agree:
 * [Places, Tijuana] → "Tijuana · Places · Frontera".
 */
export const trailTitle = (trail: Crumb[]) => pageTitle(trail.map((c) => c.label).reverse().join(' · '));

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];

/** A count as prose writes it: "five", "12". */
export const countWord = (n: number) => WORDS[n] ?? String(n);
