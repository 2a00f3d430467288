import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ContentError } from '$lib/content/errors';
import { readText, realStory } from '../../../tests/unit/real-story';
import { parseEvents } from './events';

const FILE = 'src/content/events.yaml';
const PASSAGES: Record<string, string> = {
	'amendment-2016': 'in August 2016, a Campos Ortiz-inspired amendment',
	'next-year': 'The next year, Mexico City approved a local constitution'
};
const text = (id: string) => PASSAGES[id];
const ok = { date: '2016-08', text: 'An amendment recognises the right to asylum.', passage: 'amendment-2016' };

/** The ContentError a list of events raises, as file, field and message. */
function refusal(events: unknown): { file: string; field: string; message: string } {
	try {
		parseEvents(events, FILE, text);
	} catch (error) {
		expect(error).toBeInstanceOf(ContentError);
		const e = error as ContentError;
		return { file: e.file, field: e.field, message: e.reason };
	}
	throw new Error('the events were accepted');
}

describe('parseEvents', () => {
	it('reads an event: date as a period, words collapsed, an anchor id', () => {
		const [event] = parseEvents([{ ...ok, text: 'An amendment\n  recognises   it.', theme: 'refuge' }], FILE, text);
		expect(event).toEqual({ id: 'event-1', when: { from: '2016-08', to: null, label: 'August 2016' }, text: 'An amendment recognises it.', passage: 'amendment-2016', theme: 'refuge' });
	});

	it('refuses a year that is not in the passage, naming file and field', () => {
		expect(refusal([ok, { ...ok, date: '2015' }])).toMatchObject({ file: FILE, field: '[1].date', message: expect.stringContaining('2015 is not in the words of passage "amendment-2016"') });
		expect(refusal([{ ...ok, date: '2016/2018' }]).message).toContain('2018');
	});

	it('accepts a year the passage does not give when dateBasis says how it is inferred', () => {
		expect(parseEvents([{ ...ok, date: '2017', passage: 'next-year', dateBasis: 'The year after August 2016.' }], FILE, text)[0]!.dateBasis).toBe('The year after August 2016.');
		expect(refusal([{ ...ok, date: '2017', passage: 'next-year' }]).field).toBe('[0].date');
	});

	it('refuses bad dates, markup, unknown passages, themes and fields', () => {
		expect(refusal([{ ...ok, date: '2016-13' }])).toMatchObject({ field: '[0].date', message: 'month 13 does not exist' });
		expect(refusal([{ ...ok, date: 'last spring' }]).field).toBe('[0].date');
		expect(refusal([{ ...ok, text: 'An <b>amendment</b>' }])).toMatchObject({ field: '[0].text', message: expect.stringContaining('markup') });
		expect(refusal([{ ...ok, text: '  ' }]).field).toBe('[0].text');
		expect(refusal([{ ...ok, passage: 'nowhere' }])).toMatchObject({ field: '[0].passage', message: expect.stringContaining('unknown passage "nowhere"') });
		expect(refusal([{ ...ok, theme: 'borders' }]).field).toBe('[0].theme');
		expect(refusal([{ ...ok, when: '2016' }]).field).toBe('[0].when');
		expect(refusal({ date: '2016' }).field).toBe('(root)');
	});

	it('accepts the real events file against the real passages', () => {
		const story = realStory();
		const events = parseEvents(parse(readText(FILE)), FILE, (id) => story.passages.get(id)?.exact);
		expect(events.length).toBeGreaterThan(10);
		expect(events.map((e) => e.when.from)).toContain('1948');
	});
});
