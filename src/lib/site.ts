/**
 * Where the site is deployed, for canonical URLs and share cards, which must be absolute.
 * Set PUBLIC_SITE_URL when building for a real host (see README, "Deploy").
 */
export const SITE_URL = ((import.meta.env.PUBLIC_SITE_URL as string | undefined) || 'http://localhost:4173').replace(/\/$/, '');

export const SITE_NAME = 'Frontera';

export const absolute = (path: string) => `${SITE_URL}${path}`;
