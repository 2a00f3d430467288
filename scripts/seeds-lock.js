// `npm run seeds:lock`: records the fingerprint of every seed file in seeds/seeds.lock.json, so the
// build can name a seed that changed and where. Run it only when a seed is changed on purpose.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fingerprint, LOCK_FILE } from '../src/lib/sources/fingerprint.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const seeds = readdirSync(join(root, 'seeds'))
	.filter((f) => f.endsWith('.txt'))
	.sort();
const lock = Object.fromEntries(seeds.map((f) => [f, fingerprint(readFileSync(join(root, 'seeds', f), 'utf8'))]));
writeFileSync(join(root, LOCK_FILE), JSON.stringify(lock, null, '\t') + '\n');
console.log(`${LOCK_FILE}: ${seeds.length} seed files recorded`);
