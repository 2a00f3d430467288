import { describe, expect, it } from 'vitest';
import type { FeatureCollection } from 'geojson';
import { featurePeriod } from '$lib/layers/period';
import { buildExplorer } from './explorer';
import { readJson, realStory } from '../../../tests/unit/real-story';

const story = realStory();
const states = readJson('geo/states.geojson') as FeatureCollection;
const countries = readJson('geo/countries.geojson') as FeatureCollection;
const explorer = buildExplorer(story, { states, countries, maps: { states, countries, labels: readJson('geo/labels.geojson') as FeatureCollection, features: story.features, places: story.places } });
const allPlaces = explorer.places.flatMap((g) => g.places);
const allPrograms = explorer.programs.flatMap((g) => g.programs);

describe('places', () => {
	it('lists every gazetteer place once, grouped by kind', () => {
		expect(allPlaces.map((p) => p.id).sort()).toEqual(story.gazetteer.map((p) => p.id).sort());
		for (const group of explorer.places) for (const p of group.places) expect(story.gazetteer.find((g) => g.id === p.id)!.kind).toBe(group.kind);
		expect(explorer.places.map((g) => g.title)).toContain('Border crossings');
	});

	it('gives a place page its names, kind and location line verbatim', () => {
		for (const place of story.gazetteer) {
			const page = explorer.place(place.id)!;
			expect(page.name).toBe(place.name);
			expect(page.aliases).toEqual(place.aliases);
			expect(page.location).toBe(place.location);
		}
		expect(explorer.place('suchiate-crossing')!.kind).toBe('border crossing');
		expect(explorer.place('tijuana')!.within).toBe('Baja California');
		expect(explorer.place('no-such-place')).toBeUndefined();
	});

	it('frames a place page on the place: its point, or its region', () => {
		const [w, s, e, n] = explorer.place('tijuana')!.bounds;
		const [x, y] = story.gazetteer.find((p) => p.id === 'tijuana')!.coordinates;
		expect(w < x && x < e && s < y && y < n).toBe(true);
		expect(explorer.place('tijuana')!.view.highlight).toEqual(['tijuana']);
		const [mw, , me] = explorer.place('mexico')!.bounds;
		expect(me - mw).toBeGreaterThan(30);
	});

	it('lists the chapters that frame, highlight or hold a place, saying how', () => {
		const tijuana = explorer.place('tijuana')!.chapters;
		const highlighting = story.chapters.filter((c) => c.view.highlight.includes('tijuana')).map((c) => c.slug);
		expect(highlighting.length).toBeGreaterThan(0);
		for (const slug of highlighting) expect(tijuana.find((c) => c.slug === slug)?.how).toBe('highlighted on its map');
		for (const c of story.chapters.filter((c) => c.view.places.includes('tijuana'))) expect(tijuana.map((x) => x.slug)).toContain(c.slug);
		for (const c of tijuana) {
			const view = story.chapters.find((x) => x.slug === c.slug)!.view;
			const [w, s, e, n] = view.bounds;
			const [x, y] = [-117.0382, 32.5149];
			expect(view.highlight.includes('tijuana') || view.places.includes('tijuana') || (w <= x && x <= e && s <= y && y <= n)).toBe(true);
		}
	});

	it('lists the chapters that name or highlight a place apart from those whose frame merely takes it in', () => {
		const chiapas = explorer.place('chiapas')!;
		const about = (slug: string) => {
			const c = story.chapters.find((x) => x.slug === slug)!;
			return c.view.highlight.includes('chiapas') || c.view.places.includes('chiapas') || c.html.includes('href="/places/chiapas/"');
		};
		// The 1948 chapter frames all of Mexico; it is not about Chiapas.
		const first = story.chapters[0]!;
		expect(chiapas.chapters.map((c) => c.slug)).not.toContain(first.slug);
		expect(chiapas.framedIn.map((c) => c.slug)).toContain(first.slug);
		expect(chiapas.chapters.length).toBeGreaterThan(0);
		for (const c of chiapas.chapters) expect(about(c.slug), c.slug).toBe(true);
		for (const c of chiapas.framedIn) expect(about(c.slug), c.slug).toBe(false);
		// A chapter that names it in its prose only is among the first.
		const named = story.chapters.find((c) => !c.view.places.includes('chiapas') && !c.view.highlight.includes('chiapas') && c.html.includes('href="/places/chiapas/"'));
		if (named) expect(chiapas.chapters.find((c) => c.slug === named.slug)?.how).toBe('named in its text');
	});

	it('links a place the live map knows, and every program, to the story with it selected', () => {
		const known = new Set(story.places.map((p) => p.id));
		for (const place of story.gazetteer) {
			const page = explorer.place(place.id)!;
			expect(page.explore, place.id).toEqual(known.has(place.id) ? expect.stringMatching(new RegExp(`^/(chapters/[a-z0-9-]+/)?\\?select=${place.id}$`)) : undefined);
		}
		const mpp = explorer.program('remain-in-mexico')!;
		const highlighting = story.chapters.find((c) => c.view.highlight.includes('remain-in-mexico'))!;
		expect(mpp.explore).toBe(`/chapters/${highlighting.slug}/?select=remain-in-mexico`);
		for (const p of allPrograms) expect(explorer.program(p.id)!.explore).toMatch(new RegExp(`\\?select=${p.id}$`));
	});

	it('finds the features in or at a place: placed at it, covering it, or inside a region', () => {
		const at = (id: string) => explorer.place(id)!.features.map((f) => `${f.id}:${f.how}`);
		expect(at('la-72')).toContain('la-72-shelter:placed at it');
		expect(at('tijuana')).toContain('remain-in-mexico:covers it');
		expect(at('tijuana')).not.toContain('programa-frontera-sur:covers it');
		expect(at('chiapas')).toContain('programa-frontera-sur:covers it');
		expect(at('chiapas')).toContain('frontera-comalapa-pastoral:in it');
		// Mexico's national measures only touch its neighbours: they are not "in" Guatemala.
		expect(at('guatemala').some((f) => f.startsWith('merida-initiative'))).toBe(false);
		expect(at('guatemala')).toContain('adesi-ixcan:in it');
	});

	it('counts the source paragraphs that name each place', () => {
		const tijuana = allPlaces.find((p) => p.id === 'tijuana')!;
		expect(tijuana.passages).toBe(explorer.place('tijuana')!.sources.reduce((n, s) => n + s.passages.length, 0));
		expect(tijuana.passages).toBeGreaterThan(0);
	});
});

describe('programs', () => {
	const features = [...story.features.values()].flatMap((c) => c.features).filter((f) => typeof f.properties?.program === 'string');

	it('has a page for every thematic feature, grouped by theme', () => {
		expect(allPrograms.map((p) => p.id).sort()).toEqual(features.map((f) => f.properties!.id as string).sort());
		expect(explorer.programs.map((g) => g.title)).toEqual(['Enforcement programs', 'Surveillance', 'Refuge policy']);
		for (const id of ['programa-frontera-sur', 'merida-initiative', 'remain-in-mexico', 'third-safe-country', 'frontera-sur-surveillance', 'cdmx-sanctuary-city', 'country-of-refuge-2016'])
			expect(explorer.program(id), id).toBeDefined();
	});

	it('gives its dates in words, saying where the sources give none, with the basis of an inferred date', () => {
		const merida = explorer.program('merida-initiative')!;
		expect(merida.period).toBe('start not given by the sources – no end given by the sources (latest source: 17 January 2022)');
		for (const p of allPrograms) expect(p.period, p.id).not.toMatch(/in force/);
		expect(explorer.program('la-72-shelter')!.period).toBe('dates not given by the sources');
		const mpp = explorer.program('remain-in-mexico')!;
		expect(mpp.period).toBe(featurePeriod({ start: '2018-12', end: null }, story.latestSource));
		expect(mpp.dateBasis).toMatch(/inferred/);
		expect(mpp.status).toBe('announced December 2018; suspended January 2021; reinstated November 2021');
		expect(merida.theme).toBe('Enforcement programs');
		expect(explorer.program('programa-frontera-sur')!.figures).toMatch(/78,733/);
	});

	it('shows the passages behind a feature, verbatim, with their links and editor’s notes', () => {
		for (const f of features) {
			const page = explorer.program(f.properties!.id)!;
			expect(page.passages.map((p) => p.id)).toEqual(f.properties!.passages);
			for (const p of page.passages) {
				const passage = story.passages.get(p.id)!;
				expect(p.text).toBe(passage.exact.replace(/\s+/g, ' '));
				expect(p.href).toBe(`/sources/${passage.source}/#${p.id}`);
				expect(p.note).toBe(passage.note);
			}
		}
		expect(explorer.program('country-of-refuge-2016')!.passages[0]!.note).toMatch(/68 years/);
	});

	it('lists the chapters that highlight it or show its layer over it', () => {
		const mpp = explorer.program('remain-in-mexico')!;
		for (const c of story.chapters.filter((c) => c.view.highlight.includes('remain-in-mexico')))
			expect(mpp.chapters.find((x) => x.slug === c.slug)?.how).toBe('highlighted on its map');
		for (const c of mpp.chapters) expect(story.chapters.find((x) => x.slug === c.slug)!.view.layers).toContain('enforcement');
		expect(mpp.chapters.length).toBeGreaterThan(0);
	});

	it('links a place feature to its place, and frames the still map on the feature', () => {
		expect(explorer.program('la-72-shelter')!.place).toEqual({ id: 'la-72', name: 'La 72' });
		// Where a shape is not the sources' own, the page says whose it is.
		expect(explorer.program('la-72-shelter')!.extentBasis).toBe('general');
		expect(explorer.program('remain-in-mexico')!.extentBasis).toBe('ours');
		expect(explorer.program('programa-frontera-sur')!.extentBasis).toBe('sourced');
		expect(explorer.program('merida-initiative')!.extentBasis).toBe('sourced');
		expect(explorer.program('remain-in-mexico')!.place).toBeUndefined();
		const page = explorer.program('cdmx-sanctuary-city')!;
		expect(page.view).toMatchObject({ layers: ['borders', 'refuge'], highlight: ['cdmx-sanctuary-city'] });
		const [w, s, e, n] = page.bounds;
		expect(w < -99.13 && -99.13 < e && s < 19.43 && 19.43 < n).toBe(true);
	});
});

describe('still maps', () => {
	it('draw every gazetteer place, not only the story’s', () => {
		expect(explorer.maps.places.map((p) => p.id).sort()).toEqual(story.gazetteer.map((p) => p.id).sort());
		expect(explorer.overview.places.places.length).toBe(story.gazetteer.filter((p) => p.kind !== 'state' && p.kind !== 'country').length);
	});
});
