import { describe, expect, it } from 'vitest';
import { endLabel, featurePeriod, latestSourceDate } from './period';
import { realSources } from '../../../tests/unit/real-story';

describe('featurePeriod', () => {
	it('says what the sources do not give, and never invents a date', () => {
		expect(featurePeriod({ start: '2018-05', end: 'unknown' }, '2022-01-17')).toBe('May 2018 – end not given by the sources');
		expect(featurePeriod({ start: 'unknown', end: 'unknown' }, '2022-01-17')).toBe('dates not given by the sources');
		expect(featurePeriod({ start: '2021', end: '2021' }, '2022-01-17')).toBe('2021 – 2021');
	});

	it('never says a measure without an end is still in force: only that the sources, up to the newest, give no end', () => {
		// A feature with no end date: the bad case this rule is for.
		const open = { start: '2014', end: null };
		expect(featurePeriod(open, '2022-01-17')).toBe('2014 – no end given by the sources (latest source: 17 January 2022)');
		expect(featurePeriod({ start: 'unknown', end: null }, '2018-12')).toBe(
			'start not given by the sources – no end given by the sources (latest source: December 2018)'
		);
		expect(featurePeriod(open, '2022-01-17')).not.toMatch(/in force/);
		expect(endLabel(null, '2022')).toBe('no end given by the sources (latest source: 2022)');
	});
});

describe('latestSourceDate', () => {
	it('is the newest date of seeds/sources.yaml, at the precision it is given', () => {
		expect(latestSourceDate(realSources())).toBe('2022-01-17');
		expect(latestSourceDate([{ date: '2018-12' }, { date: '2017-02-24' }, { date: '2018-06' }])).toBe('2018-12');
	});
});
