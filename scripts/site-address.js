// The site's address, as the build reads it: site.config.js's `url`, or SITE_URL for one build.
// vite.config.ts hands it to the pages (src/lib/site.ts), svelte.config.js names it, or says the
// build is a preview, when the build ends.
import config from '../site.config.js';

/** Hosts of this machine: an address on them, written into a page, breaks every shared link. */
const LOOPBACK = /^(localhost|127(\.\d+){3}|\[::1\]|0\.0\.0\.0)$/i;

/**
 * The address without its trailing slash, or null for a preview build. Throws an Error whose
 * message is one line naming where the address was written and what to do.
 * @param {Record<string, string | undefined>} [env]
 * @param {string} [configured] site.config.js's url
 * @returns {string | null}
 */
export function siteAddress(env = process.env, configured = config.url) {
	const fromEnv = env.SITE_URL !== undefined;
	const raw = (fromEnv ? env.SITE_URL : configured)?.trim() ?? '';
	if (!raw) return null;
	const where = fromEnv ? 'SITE_URL' : 'site.config.js: url';
	const fail = (/** @type {string} */ why) => {
		throw new Error(`${where}: "${raw}" ${why}: write the address the site will live at, as https://frontera.example.org, or leave it empty for a preview build`);
	};
	/** @type {URL} */
	let url;
	try {
		url = new URL(raw);
	} catch {
		return fail('is not a URL');
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') fail('is not an http(s) address');
	if (LOOPBACK.test(url.hostname)) fail('is this machine, not a host readers can reach');
	if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) fail('has more than a host: the site lives at the root of its address');
	return url.origin;
}

/**
 * What the build says when it ends: the address its pages name, or that it is a preview.
 * @param {string | null} address
 */
export function addressNote(address) {
	return address
		? `Site address: ${address} (canonical links and share cards point there)`
		: 'Preview build: no site address, so every page says noindex and carries no canonical link or share URL. To build for a host, set url in site.config.js (README, "Deploy").';
}
