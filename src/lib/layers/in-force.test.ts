import { describe, expect, it } from 'vitest';
import { inForce, yearRange } from './in-force';

describe('inForce', () => {
	it('places dated measures in time', () => {
		expect(inForce({ start: '2014', end: null }, 2018)).toBe('in force');
		expect(inForce({ start: '2014', end: null }, 2013)).toBe('not in force');
		expect(inForce({ start: '2018-05', end: '2018-12' }, 2018)).toBe('in force');
		expect(inForce({ start: '2021', end: '2021' }, 2022)).toBe('not in force');
	});
	it('says so when the sources do not date a measure, unless what they do give rules the year out', () => {
		expect(inForce({ start: 'unknown', end: null }, 2018)).toBe('dates not given');
		expect(inForce({ start: '2018-05', end: 'unknown' }, 2020)).toBe('dates not given');
		expect(inForce({ start: '2018-05', end: 'unknown' }, 2017)).toBe('not in force');
		expect(inForce({ start: 'unknown', end: 'unknown' }, 1948)).toBe('dates not given');
	});
});

describe('yearRange', () => {
	it('spans the known dates only', () => {
		expect(yearRange(['1948', '2014-07', null, 'unknown', '2022-01-17'])).toEqual({ min: 1948, max: 2022 });
	});
});
