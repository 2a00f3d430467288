// Firefox as Debian ships it (firefox-esr), driven by Puppeteer over WebDriver BiDi, which
// Firefox speaks itself: no geckodriver, nothing to download. Headless Firefox has no WebGL here,
// so it runs in a window, under `xvfb-run -a` where there is no display (display.js).
import { findOrInstall } from './debian.js';

/**
 * The Firefox executable: FIREFOX_PATH, then Debian's firefox-esr (or firefox). With `install`, on
 * Debian as root, installs firefox-esr and the virtual display first.
 * @param {{ install?: boolean, log?: (message: string) => void }} [options]
 * @returns {string | undefined}
 */
export function firefoxPath(options = {}) {
	return findOrInstall([process.env.FIREFOX_PATH ?? '', '/usr/bin/firefox-esr', '/usr/bin/firefox'], ['firefox-esr', 'xvfb', 'xauth'], options);
}

/**
 * Launches Firefox; `webgl: false` turns WebGL off (its `webgl.disabled` preference).
 * @param {{ executablePath: string, webgl?: boolean }} options
 */
export async function launchFirefox({ executablePath, webgl = true }) {
	const { default: puppeteer } = await import('puppeteer-core');
	return puppeteer.launch({
		browser: 'firefox',
		executablePath,
		headless: !process.env.DISPLAY,
		defaultViewport: null,
		extraPrefsFirefox: webgl ? {} : { 'webgl.disabled': true }
	});
}
