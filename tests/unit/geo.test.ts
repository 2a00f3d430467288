import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { check } from '@placemarkio/check-geojson';
import { booleanPointInPolygon, lineString, point, pointToLineDistance } from '@turf/turf';
import type {
	Feature,
	FeatureCollection,
	LineString,
	MultiLineString,
	MultiPolygon,
	Polygon
} from 'geojson';
import { describe, expect, it } from 'vitest';
import { build } from '../../geo/build.js';

const FILES = ['states.geojson', 'countries.geojson', 'borders.geojson'];

const readText = (file: string) =>
	readFileSync(new URL(`../../geo/${file}`, import.meta.url), 'utf8');
const read = <G extends Polygon | MultiPolygon | LineString | MultiLineString>(file: string) =>
	JSON.parse(readText(file)) as FeatureCollection<G, Record<string, string>>;

const states = read<Polygon | MultiPolygon>('states.geojson');
const borders = read<LineString | MultiLineString>('borders.geojson');

function byProp<G extends Polygon | MultiPolygon | LineString | MultiLineString>(
	fc: FeatureCollection<G, Record<string, string>>,
	key: string,
	value: string
): Feature<G, Record<string, string>> {
	const found = fc.features.find((f) => f.properties[key] === value);
	if (!found) throw new Error(`no feature with ${key} = ${value}`);
	return found;
}

const state = (name: string) => byProp(states, 'name', name);
const border = (id: string) => byProp(borders, 'id', id);

const TAPACHULA = point([-92.2667, 14.9036]);
const TIJUANA = point([-117.0382, 32.5149]);
const ZOCALO = point([-99.1332, 19.4326]);
const CIUDAD_HIDALGO = point([-92.15, 14.68]);

describe('geo/*.geojson', () => {
	it.each(FILES)('%s is valid GeoJSON', (file) => {
		const text = readText(file);
		expect(() => check(text)).not.toThrow();
		const fc = JSON.parse(text) as FeatureCollection;
		expect(fc.type).toBe('FeatureCollection');
		expect(fc.features.length).toBeGreaterThan(0);
		for (const f of fc.features) expect(f.geometry).not.toBeNull();
	});

	it('has the 32 Mexican states with unique names and current naming', () => {
		expect(states.features).toHaveLength(32);
		const names = states.features.map((f) => f.properties.name);
		expect(new Set(names).size).toBe(32);
		expect(names).toContain('Ciudad de México');
		expect(names).not.toContain('Distrito Federal');
		expect(state('Ciudad de México').properties).toEqual({
			id: 'mx-cmx',
			name: 'Ciudad de México',
			iso: 'MX-CMX',
			former_name: 'Distrito Federal'
		});
		expect(state('Chiapas').properties).toEqual({ id: 'mx-chp', name: 'Chiapas', iso: 'MX-CHP' });
	});

	it('has the countries of the region', () => {
		const countries = read<Polygon | MultiPolygon>('countries.geojson');
		const ids = countries.features.map((f) => f.properties.id);
		expect(ids).toEqual(expect.arrayContaining(['blz', 'gtm', 'hnd', 'mex', 'slv', 'usa']));
	});

	it('places cities in the right states', () => {
		expect(booleanPointInPolygon(TAPACHULA, state('Chiapas'))).toBe(true);
		expect(booleanPointInPolygon(TAPACHULA, state('Oaxaca'))).toBe(false);
		expect(booleanPointInPolygon(TIJUANA, state('Baja California'))).toBe(true);
		expect(booleanPointInPolygon(ZOCALO, state('Ciudad de México'))).toBe(true);
	});

	it('has the southern and northern borders in the right places', () => {
		// pointToLineDistance only takes LineStrings, so measure to the nearest part.
		const distance = (p: typeof TIJUANA, { geometry }: Feature<LineString | MultiLineString>) =>
			Math.min(
				...(geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates).map(
					(coords) => pointToLineDistance(p, lineString(coords), { units: 'kilometers' })
				)
			);
		expect(distance(CIUDAD_HIDALGO, border('mx-gt'))).toBeLessThan(15);
		expect(distance(TIJUANA, border('mx-us'))).toBeLessThan(10);
	});

	it('is reproduced byte for byte by geo/build.js', { timeout: 60_000 }, () => {
		const dir = mkdtempSync(join(tmpdir(), 'geo-build-'));
		try {
			build(dir);
			for (const file of FILES) {
				expect(readFileSync(join(dir, file), 'utf8'), file).toBe(readText(file));
			}
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
