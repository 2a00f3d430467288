// A copy of the project that builds on its own, for the tests that build broken content and for
// the bench's builds: everything `vite build` reads, with node_modules linked rather than copied.
import { cpSync, existsSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What `vite build` reads: sources, content, data, configs, and the scripts the config imports. */
export const PROJECT_FILES = ['src', 'seeds', 'geo', 'static', 'scripts', 'svelte.config.js', 'vite.config.ts', 'site.config.js', 'tsconfig.json', 'package.json'];

/** Copies the project into `dest`. @param {string} dest */
export function copyProject(dest) {
	mkdirSync(dest, { recursive: true });
	for (const p of PROJECT_FILES) if (existsSync(join(ROOT, p))) cpSync(join(ROOT, p), join(dest, p), { recursive: true });
	symlinkSync(join(ROOT, 'node_modules'), join(dest, 'node_modules'), 'dir');
}
