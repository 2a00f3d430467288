import { describe, expect, it } from 'vitest';
import { featurePeriod } from './period';

describe('featurePeriod', () => {
	it('says what the sources do not give, and never invents a date', () => {
		expect(featurePeriod({ start: '2014', end: null })).toBe('2014 – still in force');
		expect(featurePeriod({ start: '2018-05', end: 'unknown' })).toBe('May 2018 – end not given by the sources');
		expect(featurePeriod({ start: 'unknown', end: null })).toBe('start not given by the sources – still in force');
		expect(featurePeriod({ start: 'unknown', end: 'unknown' })).toBe('dates not given by the sources');
		expect(featurePeriod({ start: '2021', end: '2021' })).toBe('2021 – 2021');
	});
});
