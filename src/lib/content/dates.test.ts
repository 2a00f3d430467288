import { describe, expect, it } from 'vitest';
import { dateProblem, formatDate, parsePeriod } from './dates';

describe('dateProblem', () => {
	it.each(['2014', '2014-07', '2014-07-07', '2016-02-29', '2000-02-29', '1900', '2100-12-31', '2015-12-31', '2015-04-30'])(
		'accepts %s',
		(value) => expect(dateProblem(value)).toBeNull()
	);

	it.each<[string, RegExp]>([
		['2015-02-29', /day 29 does not exist in 2015-02/],
		['1900-02-29', /day 29 does not exist in 1900-02/],
		['2016-02-30', /day 30 does not exist/],
		['2015-04-31', /day 31 does not exist in 2015-04/],
		['2015-01-00', /day 00 does not exist/],
		['2014-13', /month 13 does not exist/],
		['2014-00', /month 00 does not exist/],
		['2014-1', /is not a date/],
		['14', /is not a date/],
		['2014-07-7', /is not a date/],
		['2014/07/07', /is not a date/],
		['07/07/2014', /is not a date/],
		['spring', /"spring" is not a date/],
		['', /is not a date/],
		[' 2014', /is not a date/],
		['2014-07-07T00:00', /is not a date/],
		['1899', /year 1899 is out of range/],
		['2101', /year 2101 is out of range/]
	])('refuses %j', (value, reason) => {
		expect(dateProblem(value)).toMatch(reason);
	});
});

describe('formatDate', () => {
	it.each([
		['2014', '2014'],
		['2014-07', 'July 2014'],
		['2014-01', 'January 2014'],
		['2014-12', 'December 2014'],
		['2014-07-07', '7 July 2014'],
		['2016-02-29', '29 February 2016'],
		['spring', 'spring']
	])('%s → %s', (value, label) => expect(formatDate(value)).toBe(label));
});

describe('parsePeriod', () => {
	it('reads a single date at each precision', () => {
		expect(parsePeriod('2014')).toEqual({ from: '2014', to: null, label: '2014' });
		expect(parsePeriod('2017-02')).toEqual({ from: '2017-02', to: null, label: 'February 2017' });
		expect(parsePeriod('2017-02-23')).toEqual({ from: '2017-02-23', to: null, label: '23 February 2017' });
	});

	it('reads an interval, mixed precisions included', () => {
		expect(parsePeriod('2014/2015')).toEqual({ from: '2014', to: '2015', label: '2014 – 2015' });
		expect(parsePeriod('2018-12/2022-01')).toEqual({ from: '2018-12', to: '2022-01', label: 'December 2018 – January 2022' });
		expect(parsePeriod('2014-07-07/2014-07-07')).toMatchObject({ from: '2014-07-07', to: '2014-07-07' });
	});

	it('accepts the leap day 2016-02-29 and refuses 2015-02-29, alone or in an interval', () => {
		expect(parsePeriod('2016-02-29')).toEqual({ from: '2016-02-29', to: null, label: '29 February 2016' });
		expect(parsePeriod('2015-02-29')).toMatch(/day 29 does not exist/);
		expect(parsePeriod('2014/2015-02-29')).toMatch(/day 29 does not exist/);
	});

	it('trims spaces around the parts, and labels the trimmed dates', () => {
		expect(parsePeriod('2013 / 2015')).toEqual({ from: '2013', to: '2015', label: '2013 – 2015' });
		expect(parsePeriod(' 2014-07 ')).toEqual({ from: '2014-07', to: null, label: 'July 2014' });
	});

	it.each<[string, RegExp]>([
		['2015/2014', /the period "2015\/2014" ends before it starts/],
		['2014-08/2014-07', /ends before it starts/],
		['2014-07-08/2014-07-07', /ends before it starts/],
		['2013/2014/2015', /more than one "\/"/],
		['2014-13', /month 13/],
		['2014/', /is not a date/],
		['/2014', /is not a date/],
		['spring', /is not a date/]
	])('refuses %j', (value, reason) => {
		const result = parsePeriod(value);
		expect(typeof result).toBe('string');
		expect(result).toMatch(reason);
	});
});
