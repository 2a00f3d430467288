// `npm test`: every test, against the real parts. Unit tests (Vitest), the type check, the production
// build, then checks of the built files (every link and #anchor resolves; every page is valid
// HTML by the Nu checker, which runs on Java), then the browser tests against the build served
// over HTTP: Playwright's suite in Chromium, then the engine suite (tests/engines/) in Firefox
// and in WebKit, each where it is installed, and a closing line says which engines ran.
// The browsers come from tools/browsers/: the CHROME_PATH, FIREFOX_PATH and WEBKIT_DRIVER_PATH
// given, else Debian's, installed with apt-get when running as root on Debian (with the virtual
// display Firefox and WebKit need for WebGL2); else Chromium is Playwright's own, and an engine
// that is missing is named as not run.
import { spawnSync } from 'node:child_process';
import { chromiumPath } from '../tools/browsers/chromium.js';
import { aptInstall, mayInstall } from '../tools/browsers/debian.js';
import { displayWrapper } from '../tools/browsers/display.js';
import { firefoxPath } from '../tools/browsers/firefox.js';
import { webkitDriverPath } from '../tools/browsers/webkit.js';

/** @param {string} command @param {string[]} args @param {Record<string, string>} [env] */
function run(command, args, env = {}) {
	console.log(`\n$ ${[command, ...args].join(' ')}`);
	const started = Date.now();
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	if (result.status !== 0) {
		console.error(`\n✗ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
		process.exit(result.status || 1);
	}
	return Math.round((Date.now() - started) / 1000);
}

/** Java 17+ for the Nu HTML checker (vnu-jar). */
function ensureJava() {
	const version = () => spawnSync('java', ['-version'], { encoding: 'utf8' });
	let found = version();
	if (found.status !== 0 && mayInstall()) {
		aptInstall(['default-jre-headless'], console.log);
		found = version();
	}
	if (found.status !== 0) {
		console.error('The HTML check needs Java 17 or later (`java -version` failed). Install a JRE and run again.');
		process.exit(1);
	}
	console.log(`Java: ${found.stderr.split('\n')[0]}`);
}

const log = (/** @type {string} */ message) => console.log(message);
const chromium = chromiumPath({ install: true, log });
if (!chromium) console.log('No system Chromium; using Playwright’s own browser (npx playwright install chromium).');
if (chromium) console.log(`Chromium: ${chromium} (${spawnSync(chromium, ['--version'], { encoding: 'utf8' }).stdout.trim()})`);
const firefox = firefoxPath({ install: true, log });
const webkit = webkitDriverPath({ install: true, log });
// Firefox and WebKit draw WebGL2 only in a window: a virtual one where there is no display.
const display = displayWrapper();
ensureJava();

run('npx', ['vitest', 'run']);
run('npx', ['svelte-kit', 'sync']);
run('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']);
run('npx', ['vite', 'build']);
run('npx', ['vitest', 'run', '--config', 'tests/build/vitest.config.ts']);

const ran = [`Chromium (Playwright, ${run('npx', ['playwright', 'test'], chromium ? { CHROME_PATH: chromium } : {})} s)`];
const notRun = [];
/** @type {[name: string, path: string | undefined, env: Record<string, string>, missing: string][]} */
const engines = [
	['firefox', firefox, { FIREFOX_PATH: firefox ?? '' }, 'no Firefox (FIREFOX_PATH, or Debian’s firefox-esr)'],
	['webkit', webkit, { WEBKIT_DRIVER_PATH: webkit ?? '' }, 'no WebKitWebDriver (WEBKIT_DRIVER_PATH, or Debian’s webkit2gtk-driver)']
];
for (const [name, path, env, missing] of engines) {
	const label = name === 'firefox' ? 'Firefox' : 'WebKit';
	if (!path) notRun.push(`${label}: ${missing}`);
	else if (!display && name === 'webkit') notRun.push(`${label}: no display, and no xvfb-run to make one (Debian’s xvfb and xauth)`);
	else {
		// Without a display Firefox runs headless, without WebGL2: its suite then says so and checks the still pictures.
		const seconds = run(...prefixed(display ?? [], ['npx', 'vitest', 'run', '--config', 'tests/engines/vitest.config.ts']), { ...env, FRONTERA_ENGINE: name });
		ran.push(`${label} (${seconds} s)`);
	}
}

/** @param {string[]} prefix @param {string[]} command @returns {[string, string[]]} */
function prefixed(prefix, command) {
	const [first, ...rest] = [...prefix, ...command];
	return [/** @type {string} */ (first), rest];
}

console.log(`\n✓ all tests passed. Browser engines run: ${ran.join(', ')}.`);
if (notRun.length) console.log(`Not run: ${notRun.join('; ')}.`);
