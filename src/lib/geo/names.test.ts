import { describe, expect, it } from 'vitest';
import { foldName, placeMatcher, type NamedPlace } from './names';

const PLACES: NamedPlace[] = [
	{ id: 'tijuana', name: 'Tijuana', aliases: [] },
	{ id: 'mexico-city', name: 'Mexico City', aliases: ['Ciudad de México', 'CDMX'] },
	{ id: 'mexico', name: 'Mexico', aliases: ['México'] },
	{ id: 'united-states', name: 'United States', aliases: ['U.S.', 'US'] },
	{ id: 'suchiate-crossing', name: 'Suchiate river crossing', aliases: ['Suchiate', 'Río Suchiate'] }
];
const match = placeMatcher(PLACES);
/** What was matched, as the text has it, with the place. */
const found = (text: string) => match(text).map((m) => `${text.slice(m.start, m.end)}=${m.place}`);

describe('placeMatcher', () => {
	it('matches whole words only', () => {
		expect(found('From Tijuana, north.')).toEqual(['Tijuana=tijuana']);
		expect(found('Tijuanaland and SuperTijuana and Tijuana2')).toEqual([]);
		expect(found('Tijuana’s shelters')).toEqual(['Tijuana=tijuana']);
	});

	it('folds accents and case both ways', () => {
		expect(found('Mexico City, Ciudad de México and ciudad de mexico')).toEqual([
			'Mexico City=mexico-city',
			'Ciudad de México=mexico-city',
			'ciudad de mexico=mexico-city'
		]);
		expect(found('MÉXICO, méxico, Mexico')).toEqual(['MÉXICO=mexico', 'méxico=mexico', 'Mexico=mexico']);
		// A decomposed accent (e + combining acute) is part of the match.
		expect(found('Me\u0301xico.')).toEqual(['Me\u0301xico=mexico']);
	});

	it('matches a name broken across a line', () => {
		expect(found('in Mexico\nCity today')).toEqual(['Mexico\nCity=mexico-city']);
	});

	it('gives an overlap to the longest name: Mexico City is not a mention of Mexico', () => {
		expect(found('Mexico City and Mexico')).toEqual(['Mexico City=mexico-city', 'Mexico=mexico']);
		expect(found('the Río Suchiate')).toEqual(['Río Suchiate=suchiate-crossing']);
	});

	it('matches acronyms with their case: "US" is the United States, "us" is not', () => {
		expect(found('Tell us about US-funded towers and U.S. courts')).toEqual(['US=united-states', 'U.S.=united-states']);
		expect(found('CDMX and cdmx')).toEqual(['CDMX=mexico-city']);
	});

	it('names words that hold regex characters literally', () => {
		expect(found('U S and UxSx')).toEqual([]);
	});
});

describe('foldName', () => {
	it('removes accents and lowers case unless asked to keep it', () => {
		expect(foldName('Ciudad de México')).toBe('ciudad de mexico');
		expect(foldName('Río Suchiate', true)).toBe('Rio Suchiate');
	});
});
