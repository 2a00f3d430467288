// `npm test`: every test, against the real parts. Unit tests (Vitest), the type check, the production
// build, then checks of the built files (every link and #anchor resolves; every page is valid
// HTML by the Nu checker, which runs on Java), then the browser tests (Playwright, real
// Chromium, the build served over HTTP).
// Finds a Chromium first (scripts/chromium.js): CHROME_PATH, /usr/bin/chromium, Debian's package
// installed with apt-get when running as root on Debian, else Playwright's own browser. Java likewise.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromiumPath } from '../tools/browsers/chromium.js';

function run(command, args, env = {}) {
	console.log(`\n$ ${[command, ...args].join(' ')}`);
	const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	if (result.status !== 0) {
		console.error(`\n✗ ${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal})`);
		process.exit(result.status || 1);
	}
}

/** Java 17+ for the Nu HTML checker (vnu-jar). */
function ensureJava() {
	const version = () => spawnSync('java', ['-version'], { encoding: 'utf8' });
	let found = version();
	if (found.status !== 0 && existsSync('/etc/debian_version') && process.getuid?.() === 0) {
		console.log('Installing Java for the HTML checker with apt-get (once)…');
		const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
		execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
		execFileSync('apt-get', ['install', '-y', '-qq', 'default-jre-headless'], { stdio: 'inherit', env });
		found = version();
	}
	if (found.status !== 0) {
		console.error('The HTML check needs Java 17 or later (`java -version` failed). Install a JRE and run again.');
		process.exit(1);
	}
	console.log(`Java: ${found.stderr.split('\n')[0]}`);
}

const chromium = chromiumPath({ install: true, log: console.log });
if (!chromium) console.log('No system Chromium; using Playwright’s own browser (npx playwright install chromium).');
if (chromium) console.log(`Chromium: ${chromium} (${execFileSync(chromium, ['--version']).toString().trim()})`);

ensureJava();

run('npx', ['vitest', 'run']);
run('npx', ['svelte-kit', 'sync']);
run('npx', ['svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings']);
run('npx', ['vite', 'build']);
run('npx', ['vitest', 'run', '--config', 'tests/build/vitest.config.ts']);
run('npx', ['playwright', 'test'], chromium ? { CHROME_PATH: chromium } : {});
console.log('\n✓ all tests passed');
