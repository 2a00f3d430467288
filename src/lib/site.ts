/**
 * Where the site is deployed, for canonical URLs and share cards, which must be absolute: the
 * address site.config.js states (or SITE_URL, for one build), without its trailing slash. Null in
 * a preview build, whose pages say noindex instead (see README, "Deploy").
 */
export const SITE_URL: string | null = __SITE_ADDRESS__;

export const SITE_NAME = 'Frontera';

/** A path of the site as an absolute URL on its address; in a preview build, the path itself. */
export const absolute = (path: string) => (SITE_URL ? `${SITE_URL}${path}` : path);

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
