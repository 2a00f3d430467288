// Where the bench reads and writes.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project folder. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Outputs: floors, latest.md, latest.json (git-ignored). */
export const OUT = join(ROOT, 'bench/out');
