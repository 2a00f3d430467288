import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { check } from '@placemarkio/check-geojson';
import {
	booleanIntersects,
	booleanPointInPolygon,
	distance,
	length,
	lineString,
	point,
	pointToLineDistance,
	polygonToLine
} from '@turf/turf';
import type {
	Feature,
	FeatureCollection,
	Geometry,
	LineString,
	MultiLineString,
	MultiPolygon,
	Point,
	Polygon
} from 'geojson';
import { describe, expect, it } from 'vitest';
import { findPlace, parseGazetteer } from '$lib/geo/gazetteer';
import { THEMATIC_LAYERS } from '$lib/layers/props';
import { build, buildThemes, MAX_GZIP_BYTES } from '../../geo/build.js';

const GEO = new URL('../../geo/', import.meta.url);
/** Every GeoJSON file in geo/: all of them are served to the browser. */
const FILES = readdirSync(GEO)
	.filter((f) => f.endsWith('.geojson'))
	.sort();
const THEMATIC = THEMATIC_LAYERS.map((id) => `${id}.geojson`);

const readText = (file: string) => readFileSync(new URL(file, GEO), 'utf8');
const read = <G extends Geometry>(file: string) =>
	JSON.parse(readText(file)) as FeatureCollection<G, Record<string, string>>;

const states = read<Polygon | MultiPolygon>('states.geojson');
const countries = read<Polygon | MultiPolygon>('countries.geojson');
const borders = read<LineString | MultiLineString>('borders.geojson');
const route = read<LineString>('route.geojson');

function byProp<G extends Geometry>(
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
const regions = new Map([...states.features, ...countries.features].map((f) => [f.properties.id, f]));
const gazetteer = parseGazetteer(JSON.parse(readText('gazetteer.json')), 'geo/gazetteer.json', new Set([...regions.keys()].map(String)));

/** Distance in km from a point to the nearest part of a line, multi-line or polygon outline. */
function distanceKm(p: Feature<Point> | [number, number], shape: Feature<Geometry>): number {
	const outline = shape.geometry.type === 'Polygon' || shape.geometry.type === 'MultiPolygon' ? polygonToLine(shape as Feature<Polygon | MultiPolygon>) : shape;
	const lines: number[][][] = [];
	const collect = (g: Geometry) => {
		if (g.type === 'LineString') lines.push(g.coordinates);
		else if (g.type === 'MultiLineString') lines.push(...g.coordinates);
	};
	if (outline.type === 'FeatureCollection') outline.features.forEach((f) => collect(f.geometry));
	else collect((outline as Feature).geometry);
	return Math.min(...lines.map((coords) => pointToLineDistance(p, lineString(coords), { units: 'kilometers' })));
}

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
		expect(distanceKm(CIUDAD_HIDALGO, border('mx-gt'))).toBeLessThan(15);
		expect(distanceKm(TIJUANA, border('mx-us'))).toBeLessThan(10);
	});

	it('is reproduced byte for byte by geo/build.js, within the download budget', { timeout: 60_000 }, () => {
		const dir = mkdtempSync(join(tmpdir(), 'geo-build-'));
		try {
			const result = build(dir);
			// The build writes every GeoJSON file in geo/, and nothing else there is GeoJSON.
			expect(result.files.map((f) => f.file).sort()).toEqual(FILES);
			for (const file of FILES) {
				expect(readFileSync(join(dir, file), 'utf8'), file).toBe(readText(file));
			}
			expect(result.totalGzip).toBeLessThan(MAX_GZIP_BYTES);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});

	it('stays under 150 kB gzipped in total, everything the browser can download from geo/', () => {
		const total = FILES.reduce((sum, file) => sum + gzipSync(readText(file)).length, 0);
		expect(MAX_GZIP_BYTES).toBe(150_000);
		expect(total).toBeLessThan(MAX_GZIP_BYTES);
	});
});

describe('geo/gazetteer.json', () => {
	it('has the places the story needs, findable by their other names', () => {
		for (const id of ['suchiate-crossing', 'tapachula', 'chiapas', 'oaxaca', 'tabasco', 'mexico-city', 'tijuana', 'frontera-comalapa', 'la-72', 'fray-matias-de-cordova']) {
			expect(gazetteer.map((p) => p.id)).toContain(id);
		}
		for (const name of ['Mexico City', 'Ciudad de México', 'CDMX', 'ciudad de méxico']) expect(findPlace(gazetteer, name)?.id).toBe('mexico-city');
		expect(findPlace(gazetteer, 'La 72, Hogar – Refugio para Personas Migrantes')?.id).toBe('la-72');
	});

	it('says where every location comes from: general knowledge, since no source gives a location, marked by its basis rather than in its words', () => {
		for (const place of gazetteer) {
			expect(place.basis, place.id).toBe('general');
			expect(place.location, place.id).not.toMatch(/^general knowledge/i);
		}
		const raw = JSON.parse(readText('gazetteer.json')) as Record<string, unknown>[];
		delete raw[0]!.basis;
		expect(() => parseGazetteer(raw, 'geo/gazetteer.json', new Set([...regions.keys()].map(String)))).toThrow(
			/^geo\/gazetteer\.json: \[0\]\.basis: place "suchiate-crossing": must be non-empty text$/
		);
	});

	it.each(gazetteer.map((p) => [p.id, p] as const))('%s lies inside the state or country it claims', (_, place) => {
		expect(booleanPointInPolygon(place.coordinates, regions.get(place.within)!)).toBe(true);
		// A place said to be in a Mexican state is in no other one.
		if (states.features.some((s) => s.properties.id === place.within)) {
			for (const other of states.features.filter((s) => s.properties.id !== place.within)) {
				expect(booleanPointInPolygon(place.coordinates, other), `${place.id} in ${other.properties.id}`).toBe(false);
			}
		}
	});
});

describe('geo/route.geojson', () => {
	const north = byProp(route, 'id', 'route-north');
	const tabasco = byProp(route, 'id', 'route-tabasco');
	const place = (id: string) => point(gazetteer.find((p) => p.id === id)!.coordinates);
	const first = (f: Feature<LineString>) => point(f.geometry.coordinates[0]!);
	const last = (f: Feature<LineString>) => point(f.geometry.coordinates[f.geometry.coordinates.length - 1]!);
	const km = { units: 'kilometers' } as const;

	it('is schematic and says so', () => {
		for (const f of route.features) {
			expect(f.properties.schematic).toBe(true);
			expect(f.properties.name).toMatch(/schematic/i);
		}
	});

	it('runs from the Suchiate crossing to Tijuana', () => {
		expect(distance(first(north), place('suchiate-crossing'), km)).toBeLessThan(15);
		expect(distance(last(north), place('tijuana'), km)).toBeLessThan(15);
		expect(distanceKm(first(north), border('mx-gt'))).toBeLessThan(15);
		expect(distanceKm(last(north), border('mx-us'))).toBeLessThan(15);
	});

	it('passes through Chiapas, Oaxaca or Tabasco, and Mexico City', () => {
		expect(booleanIntersects(north, state('Chiapas'))).toBe(true);
		expect(booleanIntersects(north, state('Oaxaca')) || booleanIntersects(north, state('Tabasco'))).toBe(true);
		expect(booleanIntersects(tabasco, state('Tabasco'))).toBe(true);
		expect(booleanIntersects(north, state('Ciudad de México'))).toBe(true);
		expect(pointToLineDistance(ZOCALO, north, km)).toBeLessThan(2);
	});

	it('has a Tabasco branch that starts at La 72 and ends on the main route', () => {
		expect(distance(first(tabasco), place('la-72'), km)).toBeLessThan(1);
		expect(pointToLineDistance(last(tabasco), north, km)).toBeLessThan(0.1);
	});

	it('stays in Mexico', () => {
		const mexico = byProp(countries, 'id', 'mex');
		for (const f of route.features) {
			for (const c of f.geometry.coordinates) {
				expect(booleanPointInPolygon(c, mexico), `${f.properties.id} at ${c}`).toBe(true);
			}
		}
	});

	it('states its length as Turf computes it', () => {
		for (const f of route.features) {
			expect(Math.abs(Number(f.properties.length_km) - length(f, km))).toBeLessThan(1);
		}
		expect(Number(north.properties.length_km)).toBeGreaterThan(3000);
	});
});

describe('thematic layers', () => {
	const layers = THEMATIC.map((file) => [file, read<Geometry>(file)] as const);
	const all = layers.flatMap(([, fc]) => fc.features);

	it.each(layers)('%s: every feature says what it is, when, and which passages support it', (file, fc) => {
		expect(fc.features.length).toBeGreaterThan(0);
		for (const f of fc.features) {
			const p = f.properties as unknown as Record<string, unknown>;
			expect(`${p.layer}.geojson`).toBe(file);
			for (const key of ['id', 'name', 'program', 'summary', 'start', 'scope', 'extent']) expect(typeof p[key], `${p.id}.${key}`).toBe('string');
			expect(p.end === null || typeof p.end === 'string').toBe(true);
			expect(Array.isArray(p.passages) && (p.passages as unknown[]).length > 0, `${p.id} cites passages`).toBe(true);
			expect(['national', 'region', 'zone', 'place']).toContain(p.scope);
		}
	});

	it('has unique ids, also against the gazetteer', () => {
		const ids = [...all.map((f) => f.properties.id), ...gazetteer.map((p) => p.id)];
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('puts place features exactly on their gazetteer places', () => {
		for (const f of all.filter((f) => f.properties.scope === 'place')) {
			const place = gazetteer.find((p) => p.id === f.properties.place);
			expect(place, f.properties.id).toBeDefined();
			expect((f.geometry as Point).coordinates).toEqual(place!.coordinates);
		}
	});

	it('shows regions, never invented points, for surveillance', () => {
		for (const f of read<Geometry>('surveillance.geojson').features) expect(f.geometry.type).toMatch(/Polygon$/);
		const towers = byProp(read<Polygon | MultiPolygon>('surveillance.geojson'), 'id', 'frontera-sur-surveillance');
		for (const name of ['Chiapas', 'Oaxaca', 'Tabasco']) {
			const inside = gazetteer.find((p) => p.name === name)!;
			expect(booleanPointInPolygon(inside.coordinates, towers), name).toBe(true);
		}
		expect(booleanPointInPolygon(ZOCALO, towers)).toBe(false);
		expect(booleanPointInPolygon(TAPACHULA, towers)).toBe(true);
	});

	it('draws the northern border zone of "Remain in Mexico" on the Mexican side', () => {
		const zone = byProp(read<Polygon | MultiPolygon>('enforcement.geojson'), 'id', 'remain-in-mexico');
		expect(booleanPointInPolygon(TIJUANA, zone)).toBe(true);
		expect(booleanPointInPolygon([-117.1611, 32.7157], zone)).toBe(false); // San Diego
	});
});

describe('geo/build.js refuses unsupported features', () => {
	const feature = {
		id: 'example',
		layer: 'refuge',
		name: 'Example',
		program: 'Example',
		start: '2016',
		end: null,
		summary: 'An example.',
		passages: ['known'],
		geometry: { place: 'somewhere' }
	};
	const ctx = { places: new Map([['somewhere', { id: 'somewhere', coordinates: [-99, 19], location: 'General knowledge.' }]]) };
	const themes = (f: object) => ({ features: [{ ...feature, ...f }] });

	it('builds a feature that cites a passage, with dates the sources may not give', () => {
		expect(buildThemes(themes({}), ctx).refuge.features[0].properties.passages).toEqual(['known']);
		expect(buildThemes(themes({ start: 'unknown', end: 'unknown' }), ctx).refuge.features[0].properties.start).toBe('unknown');
	});

	it('fails a feature without a supporting passage, on a layer that is not thematic, or with bad dates', () => {
		expect(() => buildThemes(themes({ passages: [] }), ctx)).toThrow(/example.*cites no supporting passage/);
		expect(() => buildThemes(themes({ layer: 'route' }), ctx)).toThrow(/layer: "route" is not a thematic layer/);
		expect(() => buildThemes(themes({ start: '2016-13' }), ctx)).toThrow(/start: month 13 does not exist/);
		expect(() => buildThemes(themes({ end: '2015' }), ctx)).toThrow(/end: ends \(2015\) before it starts \(2016\)/);
	});

	it('fails a feature whose id is already a place', () => {
		expect(() => buildThemes(themes({ id: 'somewhere' }), ctx)).toThrow(/already used/);
	});

	it('builds the same files without the story’s content', () => {
		// geo data must not wait for the chapters or the passages: a copy of the repository without
		// src/content writes byte-identical files.
		const root = mkdtempSync(join(tmpdir(), 'frontera-geo-'));
		try {
			const repo = new URL('../../', import.meta.url);
			for (const dir of ['geo', 'src/lib', 'node_modules'])
				symlinkOrCopy(new URL(dir, repo), join(root, dir));
			const out = join(root, 'out');
			const script = join(root, 'geo/build.js');
			const run = spawnSync(process.execPath, ['-e', `import(${JSON.stringify(pathToFileURL(script).href)}).then((m) => m.build(${JSON.stringify(out)}))`], { encoding: 'utf8' });
			expect(run.status, run.stderr).toBe(0);
			for (const file of FILES) expect(readFileSync(join(out, file), 'utf8'), file).toBe(readText(file));
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	}, 60_000);
});

/** geo/ and src/lib/ are copied (build.js resolves its imports from where it lies); node_modules is linked. */
function symlinkOrCopy(from: URL, to: string) {
	mkdirSync(dirname(to), { recursive: true });
	if (to.endsWith('node_modules')) symlinkSync(fileURLToPath(from), to);
	else cpSync(from, to, { recursive: true });
}
