/**
 * The build writes a .br and a .gz copy beside each text file a story page loads, the map's
 * GeoJSON included (adapter-static's precompress leaves .geojson out; svelte.config.js adds it),
 * so a static host that sends precompressed files never sends the data raw.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { BUILD, requireBuild } from './site';

beforeAll(requireBuild);

describe('compressed copies', () => {
	it('each GeoJSON file of the map has .br and .gz copies holding the same bytes', () => {
		const dir = join(BUILD, '_app/immutable/assets');
		const geo = readdirSync(dir).filter((f) => f.endsWith('.geojson'));
		expect(geo.length).toBeGreaterThanOrEqual(7);
		for (const name of geo) {
			const raw = readFileSync(join(dir, name));
			expect(brotliDecompressSync(readFileSync(join(dir, `${name}.br`))).equals(raw), `${name}.br`).toBe(true);
			expect(gunzipSync(readFileSync(join(dir, `${name}.gz`))).equals(raw), `${name}.gz`).toBe(true);
		}
	});
});
