/**
 * The site's address as the build reads it (scripts/site-address.js): site.config.js's url, or
 * SITE_URL for one build; nothing there is a preview build. An address a reader cannot reach is
 * refused with one line that says where it was written and what to do.
 */
import { describe, expect, it } from 'vitest';
import { addressNote, siteAddress } from '../../scripts/site-address.js';
import config from '../../site.config.js';

describe('the site’s address', () => {
	it('is what site.config.js states, without its trailing slash, unless SITE_URL overrides it', () => {
		expect(siteAddress({}, 'https://frontera.example.org/')).toBe('https://frontera.example.org');
		expect(siteAddress({ SITE_URL: 'https://preview.example.net' }, 'https://frontera.example.org')).toBe('https://preview.example.net');
		// Set and empty: a preview, whatever the file says.
		expect(siteAddress({ SITE_URL: '' }, 'https://frontera.example.org')).toBeNull();
		expect(siteAddress({}, '')).toBeNull();
	});

	it('is left empty in the repository, so a build that names no host is a preview', () => {
		expect(config.url).toBe('');
		expect(addressNote(null)).toMatch(/^Preview build: .*noindex.*site\.config\.js/);
		expect(addressNote('https://frontera.example.org')).toMatch(/^Site address: https:\/\/frontera\.example\.org/);
	});

	it.each([
		['http://localhost:4173', 'site.config.js: url: "http://localhost:4173" is this machine, not a host readers can reach'],
		['http://127.0.0.1', 'site.config.js: url: "http://127.0.0.1" is this machine, not a host readers can reach'],
		['frontera.example.org', 'site.config.js: url: "frontera.example.org" is not a URL'],
		['ftp://frontera.example.org', 'site.config.js: url: "ftp://frontera.example.org" is not an http(s) address'],
		['https://example.org/frontera/', 'site.config.js: url: "https://example.org/frontera/" has more than a host: the site lives at the root of its address']
	])('refuses %s in one line that says what to do', (url, message) => {
		expect(() => siteAddress({}, url)).toThrow(`${message}: write the address the site will live at, as https://frontera.example.org, or leave it empty for a preview build`);
	});

	it('names SITE_URL when the address came from there', () => {
		expect(() => siteAddress({ SITE_URL: 'http://localhost' }, '')).toThrow(/^SITE_URL: "http:\/\/localhost" is this machine/);
	});
});
