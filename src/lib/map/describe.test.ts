import { describe, expect, it } from 'vitest';
import { describeMap, englishList } from './describe';

const words = {
	layers: { enforcement: 'Enforcement programs', surveillance: 'Surveillance', borders: 'International borders', refuge: 'Refuge policy' },
	features: [
		{ id: 'programa-frontera-sur', name: 'Programa Frontera Sur', layer: 'enforcement' },
		{ id: 'towers', name: 'Surveillance towers', layer: 'surveillance' }
	],
	places: [{ id: 'tijuana', name: 'Tijuana' }],
	list: englishList
};
const chapter = { chapterLayers: ['borders', 'enforcement', 'surveillance'], highlight: ['programa-frontera-sur', 'towers', 'tijuana'], year: null, only: null };

describe('the map’s caption, from its state', () => {
	it('names what is highlighted, as the chapter shows it', () => {
		const d = describeMap({ ...chapter, layers: chapter.chapterLayers }, words);
		expect(d).toEqual({ highlighted: 'Highlighted: Programa Frontera Sur, Surveillance towers and Tijuana.', changed: null, year: null });
	});

	it('no longer names what a reader has hidden, and says what the chapter’s map shows and what is on now', () => {
		const d = describeMap({ ...chapter, layers: ['borders', 'refuge'] }, words);
		expect(d.highlighted).toBe('Highlighted: Tijuana.');
		expect(d.highlighted).not.toMatch(/Frontera Sur|towers/);
		expect(d.changed).toBe(
			'You changed the layers. This chapter’s map shows international borders, enforcement programs and surveillance; on now: international borders and refuge policy.'
		);
	});

	it('says a year is chosen, and leaves out what was not in force then', () => {
		const d = describeMap({ ...chapter, layers: chapter.chapterLayers, year: 2014, only: ['programa-frontera-sur'] }, words);
		expect(d.year).toMatch(/in force in 2014/);
		expect(d.highlighted).toBe('Highlighted: Programa Frontera Sur and Tijuana.');
	});
});
