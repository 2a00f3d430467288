// The seed files are kept byte for byte. A fingerprint of each, recorded in seeds/seeds.lock.json,
// lets the build say which seed changed and where, instead of blaming the passages whose quotes
// no longer match. Plain JavaScript (typed with JSDoc): `npm run seeds:lock` writes the record.
import { createHash } from 'node:crypto';
import { ContentError } from '../content/errors.js';
import { position } from '../content/frontmatter.js';

export const LOCK_FILE = 'seeds/seeds.lock.json';

/** Characters per hashed block: a changed character is placed within this many. */
export const BLOCK = 64;

/** @param {string} text */
const hash = (text) => createHash('sha256').update(text).digest('hex');

/**
 * @typedef {{ sha256: string, blocks: string }} Fingerprint the whole file's hash, and each block's (its first 8 hex digits, space-separated)
 */

/**
 * @param {string} text
 * @returns {Fingerprint}
 */
export function fingerprint(text) {
	const blocks = [];
	for (let i = 0; i < text.length; i += BLOCK) blocks.push(hash(text.slice(i, i + BLOCK)).slice(0, 8));
	return { sha256: hash(text), blocks: blocks.join(' ') };
}

/**
 * Throws a ContentError naming the seed file and the first place where it differs from its
 * recorded fingerprint, or when it has none.
 * @param {string} file seed file name ("000_x.txt")
 * @param {string} text
 * @param {Record<string, Fingerprint>} lock
 */
export function checkSeed(file, text, lock) {
	const recorded = lock[file];
	const path = `seeds/${file}`;
	if (!recorded) throw new ContentError(path, '(file)', `has no fingerprint in ${LOCK_FILE}: a new seed is recorded with npm run seeds:lock`);
	if (hash(text) === recorded.sha256) return;
	const now = fingerprint(text).blocks.split(' ');
	const was = recorded.blocks.split(' ');
	let block = now.findIndex((h, i) => h !== was[i]);
	if (block < 0) block = now.length;
	const offset = block * BLOCK;
	const { line, column } = position(text, offset);
	throw new ContentError(
		path,
		'(text)',
		`differs from the text recorded in ${LOCK_FILE} within characters ${offset}–${offset + BLOCK - 1}: the seeds are kept byte for byte; restore the file (git checkout ${path}), or record a deliberate change with npm run seeds:lock`,
		line,
		column
	);
}
