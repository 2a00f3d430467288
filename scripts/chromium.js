// The Chromium the tests and the bench run, and the flags they run it with. One place for both:
// scripts/test.js, playwright.config.ts and the bench (bench/lib/browser.js) import it.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

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

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

/**
 * The Chromium executable: CHROME_PATH, then Debian's /usr/bin/chromium. With `install`, when
 * neither exists and this is Debian run as root, installs Debian's `chromium` with apt-get first.
 * Undefined means "use Playwright's own browser" (`npx playwright install chromium`).
 * @param {{ install?: boolean, log?: (message: string) => void }} [options]
 * @returns {string | undefined}
 */
export function chromiumPath({ install = false, log = () => {} } = {}) {
	if (process.env.CHROME_PATH && existsSync(process.env.CHROME_PATH)) return process.env.CHROME_PATH;
	if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
	if (install && existsSync('/etc/debian_version') && process.getuid?.() === 0) {
		log('Installing Debian’s chromium with apt-get (once)…');
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
		execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
		if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
	}
	return undefined;
}
