// The Chromium the tests and the bench run, and the flags they run it with. One place for both:
// scripts/test.js, playwright.config.ts and the bench (bench/lib/browser.js) import it.
import { findOrInstall } from './debian.js';

/**
 * Flags for headless Chromium on these machines: root needs --no-sandbox; the rest keep it quiet
 * and offline, and keep WebGL2 (MapLibre) on SwiftShader, in software, where there is no GPU.
 */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--enable-unsafe-swiftshader',
	'--use-angle=swiftshader',
	'--ignore-gpu-blocklist'
];

/**
 * The Chromium executable: CHROME_PATH, then Debian's /usr/bin/chromium. With `install`, when
 * neither exists and this is Debian run as root, installs Debian's `chromium` with apt-get first.
 * Undefined means "use Playwright's own browser" (`npx playwright install chromium`).
 * @param {{ install?: boolean, log?: (message: string) => void }} [options]
 * @returns {string | undefined}
 */
export function chromiumPath(options = {}) {
	return findOrInstall([process.env.CHROME_PATH ?? '', '/usr/bin/chromium'], ['chromium'], options);
}
