// Debian's packages for what the tests need (browsers, their display, Java), installed with apt-get
// when the machine is Debian and the user is root: CI and these machines. Elsewhere nothing is
// installed, and the caller says what is missing.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Whether missing packages may be installed here. */
export const mayInstall = () => existsSync('/etc/debian_version') && process.getuid?.() === 0;

let listsUpdated = false;

/**
 * Installs Debian packages with apt-get (the package lists are updated once per process).
 * @param {string[]} packages
 * @param {(message: string) => void} [log]
 */
export function aptInstall(packages, log = () => {}) {
	log(`Installing Debian’s ${packages.join(', ')} with apt-get (once)…`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	if (!listsUpdated) execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	listsUpdated = true;
	execFileSync('apt-get', ['install', '-y', '-qq', ...packages], { stdio: 'inherit', env });
}

/**
 * The first of `paths` that exists; with `install`, where none does and installing is allowed,
 * installs `packages` and looks again.
 * @param {string[]} paths
 * @param {string[]} packages
 * @param {{ install?: boolean, log?: (message: string) => void }} options
 * @returns {string | undefined}
 */
export function findOrInstall(paths, packages, { install = false, log = () => {} }) {
	const found = () => paths.find((path) => path && existsSync(path));
	if (found() || !install || !mayInstall()) return found();
	aptInstall(packages, log);
	return found();
}
