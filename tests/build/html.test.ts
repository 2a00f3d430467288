/**
 * Every prerendered page is valid HTML by the Nu HTML Checker (vnu-jar, the checker behind
 * validator.w3.org/nu), run on the files of build/ in one Java process. Errors fail, and so do
 * warnings, except the few listed below that come from checking files rather than served pages.
 */
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD, requireBuild, siteFiles } from './site';

interface VnuMessage {
	type: 'error' | 'info' | 'non-document-error';
	subType?: string;
	url?: string;
	lastLine?: number;
	message: string;
	extract?: string;
}

/**
 * Warnings that are artefacts of checking files, each matched exactly:
 * - vnu checks the pages' `<meta>` CSP against a file: URL, where 'self' is not the site's
 *   origin, so it reports our own stylesheet and images as "blocked". Served over HTTP they
 *   are allowed: the CSP browser test (tests/e2e/quality.spec.ts) reads the whole story and
 *   sees no securitypolicyviolation.
 * - vnu does not verify the sha256 hash of a long inline script: it reports a 160 kB script
 *   as unhashed even with the right hash, while a short one with a hash made the same way
 *   passes. The hydration script carries the page data (~120 kB); Chromium checks its hash
 *   for real in the same browser test.
 */
const FILE_ARTEFACTS = [
	/^Resource violates Content Security Policy \(meta tag\): (external stylesheet|image) “\/[^”]*” blocked by “(style-src|img-src)” directive\.$/,
	/^Inline script violates Content Security Policy \(meta tag\): blocked by “script-src” directive \(missing “‘unsafe-inline’” or nonce\/hash\)\.$/
];

/**
 * Attributes the HTML standard does not list yet, allowed by name, each for a reason:
 * - `elementtiming` (W3C Element Timing, in Chromium since 77): the map panel's first-paint
 *   picture carries it so the bench can time when the reader sees a map, and the map starts
 *   once the browser reports it on screen (src/lib/map/start.ts).
 */
const NOT_YET_STANDARD = [/^Attribute “elementtiming” not allowed on element “img” at this point\.$/];

const vnuJar = String(createRequire(import.meta.url)('vnu-jar'));

function vnu(files: string[]): Promise<VnuMessage[]> {
	return new Promise((resolve, reject) => {
		execFile(
			'java',
			['-jar', vnuJar, '--format', 'json', '--stdout', '--exit-zero-always', ...files],
			{ maxBuffer: 64 * 1024 * 1024, timeout: 120_000 },
			(error, stdout, stderr) => {
				if (error) return reject(new Error(`vnu failed to run (is Java 17 installed? \`java -version\`): ${error.message}\n${stderr}`));
				try {
					resolve((JSON.parse(stdout) as { messages: VnuMessage[] }).messages);
				} catch {
					reject(new Error(`vnu printed no JSON:\n${stdout}\n${stderr}`));
				}
			}
		);
	});
}

describe('HTML of every prerendered page (Nu HTML Checker)', () => {
	let pages: string[] = [];
	let messages: VnuMessage[] = [];

	beforeAll(async () => {
		requireBuild();
		pages = siteFiles().filter((f) => f.endsWith('.html'));
		messages = await vnu(pages.map((p) => join(BUILD, p)));
	}, 180_000);

	it('checks every page, the 404 page included', () => {
		expect(pages).toContain('/404.html');
		expect(pages.length).toBeGreaterThan(10);
		// vnu reports a file it could not read as a non-document error, never silently.
		expect(messages.filter((m) => m.type === 'non-document-error')).toEqual([]);
	});

	it('has no errors and no warnings', () => {
		const problems = messages
			.filter((m) => m.type === 'error' || (m.type === 'info' && m.subType === 'warning'))
			.filter((m) => !(m.type === 'info' && FILE_ARTEFACTS.some((re) => re.test(m.message))))
			.filter((m) => !(m.type === 'error' && NOT_YET_STANDARD.some((re) => re.test(m.message))))
			.map((m) => `${m.url?.replace(pathToFileURL(BUILD).href, '') ?? '?'}:${m.lastLine ?? '?'} ${m.type}${m.subType ? `/${m.subType}` : ''}: ${m.message}${m.extract ? `\n    ${m.extract.trim().slice(0, 160)}` : ''}`);
		expect(problems).toEqual([]);
	});
});
