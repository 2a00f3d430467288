// WebKit as Debian ships it: WebKitGTK's MiniBrowser, driven by its WebKitWebDriver (package
// webkit2gtk-driver) over classic WebDriver. MiniBrowser needs a display: run it under
// `xvfb-run -a` where there is none (display.js), which also gives it WebGL2.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { findOrInstall } from './debian.js';
import { WebDriverSession } from './webdriver.js';

/** The ports WebKitWebDriver may listen on: the first free one is taken. */
export const WEBKIT_DRIVER_PORTS = Array.from({ length: 10 }, (_, i) => 4440 + i);

/**
 * The WebKitWebDriver executable: WEBKIT_DRIVER_PATH, then Debian's. With `install`, on Debian as
 * root, installs webkit2gtk-driver (with MiniBrowser) and the virtual display first.
 * @param {{ install?: boolean, log?: (message: string) => void }} [options]
 * @returns {string | undefined}
 */
export function webkitDriverPath(options = {}) {
	return findOrInstall([process.env.WEBKIT_DRIVER_PATH ?? '', '/usr/bin/WebKitWebDriver'], ['webkit2gtk-driver', 'xvfb', 'xauth'], options);
}

/**
 * MiniBrowser's options, as capabilities. `--enable-webgl=false` (a WebKitSettings property
 * MiniBrowser takes on its command line) gives the engine without WebGL.
 * @param {{ webgl?: boolean }} options
 */
export function webkitCapabilities({ webgl = true }) {
	return {
		'webkitgtk:browserOptions': { args: ['--automation', ...(webgl ? [] : ['--enable-webgl=false'])] },
		// Navigation returns as soon as it starts: the tests listen for errors before the page's scripts run.
		pageLoadStrategy: 'none'
	};
}

const sleep = (/** @type {number} */ ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether nothing listens on `port` of the loopback address. @param {number} port @returns {Promise<boolean>} */
const portFree = (port) =>
	new Promise((resolve) => {
		const probe = createServer();
		probe.once('error', () => resolve(false));
		probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
	});

/**
 * Starts WebKitWebDriver on the first free port of `ports`; resolves once it answers.
 * @param {string} executablePath
 * @param {number[]} [ports]
 * @returns {Promise<{ url: string, stop: () => void }>}
 */
export async function startWebKitDriver(executablePath, ports = WEBKIT_DRIVER_PORTS) {
	for (const port of ports) {
		if (!(await portFree(port))) continue;
		const child = spawn(executablePath, [`--port=${port}`, '--host=local'], { stdio: 'ignore' });
		let exited = false;
		child.once('exit', () => (exited = true));
		// The driver ends its browser when it ends; a test run that fails half-way ends both.
		const stop = () => void child.kill();
		process.once('exit', stop);
		const url = `http://127.0.0.1:${port}`;
		for (let i = 0; i < 50 && !exited; i++) {
			const ready = await fetch(`${url}/status`).then((r) => r.ok, () => false);
			if (ready) return { url, stop };
			await sleep(100);
		}
		stop();
	}
	throw new Error(`WebKitWebDriver could not listen on any of the ports ${ports[0]}–${ports.at(-1)}`);
}

/**
 * A MiniBrowser window driven by its own WebKitWebDriver; `close` ends both.
 * @param {{ executablePath: string, webgl?: boolean }} options
 */
export async function launchWebKit({ executablePath, webgl = true }) {
	const driver = await startWebKitDriver(executablePath);
	try {
		const session = await WebDriverSession.start(driver.url, webkitCapabilities({ webgl }));
		const close = async () => {
			await session.close().catch(() => {});
			driver.stop();
		};
		return { session, close };
	} catch (error) {
		driver.stop();
		throw error;
	}
}
