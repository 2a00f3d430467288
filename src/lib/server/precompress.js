// The .gz and .br copies a static host sends to browsers that accept them, written beside a
// file the way adapter-static's `precompress` writes them for the file types it knows.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

/**
 * Writes `file` with `data` (when given) and its compressed copies.
 * @param {string} file
 * @param {string | Buffer} [data] the contents; read from `file` when absent
 */
export function writeCompressed(file, data) {
	if (data !== undefined) writeFileSync(file, data);
	const bytes = data ?? readFileSync(file);
	writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
	writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }));
}

/**
 * Compressed copies of the files in `dir` whose names end with `suffix`: the map's GeoJSON,
 * which adapter-static's precompress leaves out (it knows .json, not .geojson).
 * @param {string} dir
 * @param {string} suffix
 */
export function precompressAll(dir, suffix) {
	for (const name of readdirSync(dir)) if (name.endsWith(suffix)) writeCompressed(join(dir, name));
}
