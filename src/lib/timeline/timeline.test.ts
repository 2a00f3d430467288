import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readText, realStory } from '../../../tests/unit/real-story';
import { parseEvents } from './events';
import { byYear, matchesFilter } from './filter';
import { buildTimeline, compareItems, type TimelineItem } from './timeline';

const THEMES = [
	{ id: 'enforcement', title: 'Enforcement programs' },
	{ id: 'surveillance', title: 'Surveillance' },
	{ id: 'refuge', title: 'Refuge policy' }
];

function realTimeline() {
	const story = realStory();
	const events = parseEvents(parse(readText('src/content/events.yaml')), 'src/content/events.yaml', (id) => story.passages.get(id)?.exact);
	return { story, timeline: buildTimeline(story, events, THEMES) };
}

const item = (id: string, start: string | null, end?: string | null): TimelineItem => ({
	id,
	kind: 'event',
	kindLabel: 'Event',
	title: id,
	start: start ? { date: start, label: start } : { date: null, label: 'start not given by the sources' },
	...(end !== undefined && { end: end ? { date: end, label: end } : { date: null, label: 'no end given by the sources' } }),
	themes: [],
	sources: [],
	passages: [],
	chapters: []
});

describe('compareItems', () => {
	it('orders partial dates chronologically: a year before its months, a month before its days', () => {
		const items = [item('d', '2018-12-20'), item('b', '2018-05'), item('a', '2018'), item('c', '2018-12'), item('z', '1948')];
		expect(items.sort(compareItems).map((i) => i.id)).toEqual(['z', 'a', 'b', 'c', 'd']);
	});

	it('puts the shorter span first, an open end last, and items without a start after all dated ones', () => {
		const items = [item('open', '2014', null), item('undated', null), item('span', '2014', '2016'), item('point', '2014')];
		expect(items.sort(compareItems).map((i) => i.id)).toEqual(['point', 'span', 'open', 'undated']);
	});
});

describe('buildTimeline (the real story)', () => {
	const { story, timeline } = realTimeline();

	it('is in chronological order, every dated item with an ISO start', () => {
		const starts = timeline.dated.map((i) => i.start.date!);
		expect(starts.every((d) => /^\d{4}(-\d{2}){0,2}$/.test(d))).toBe(true);
		expect([...starts].sort((a, b) => a.localeCompare(b))).toEqual(starts);
		expect(starts[0]).toBe('1948');
	});

	it('holds every chapter, source, event and thematic feature once', () => {
		const all = [...timeline.dated, ...timeline.undated];
		expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
		expect(all.filter((i) => i.kind === 'chapter')).toHaveLength(story.chapters.length);
		expect(all.filter((i) => i.kind === 'source')).toHaveLength(story.sources.length);
		const features = ['enforcement', 'surveillance', 'refuge'].reduce((n, l) => n + story.features.get(l)!.features.length, 0);
		expect(all.filter((i) => i.kind === 'feature')).toHaveLength(features);
	});

	it('never invents a date: unknown starts are listed apart, open and unknown ends said in words', () => {
		expect(timeline.undated.every((i) => i.kind === 'feature' && i.start.label === 'start not given by the sources')).toBe(true);
		const frontera = timeline.dated.find((i) => i.id === 'feature-programa-frontera-sur')!;
		expect(frontera.start.date).toBe('2014');
		expect(frontera.end).toEqual({ date: null, label: 'no end given by the sources (latest source: 17 January 2022)' });
		const all = [...timeline.dated, ...timeline.undated];
		expect(all.flatMap((i) => [i.end?.label, i.text]).filter((t) => t && /in force/.test(t))).toEqual([]);
	});

	it('links each event to its passage and the chapters citing it', () => {
		const e = timeline.dated.find((i) => i.kind === 'event' && i.start.date === '2016-08')!;
		expect(e.passages).toEqual([{ href: '/sources/conversation-2018/#refuge-amendment-2016', label: expect.any(String) }]);
		expect(e.chapters.map((c) => c.href)).toContain('/chapters/refuge-in-law/');
		expect(e.sources).toEqual(['conversation-2018']);
		expect(e.themes).toEqual(['refuge']);
	});
});

describe('the filter', () => {
	const { timeline } = realTimeline();
	const all = [...timeline.dated, ...timeline.undated];

	it('shows everything with no choice, and only matching items with one', () => {
		expect(all.filter((i) => matchesFilter(i, { theme: null, source: null }))).toHaveLength(all.length);
		const refuge = all.filter((i) => matchesFilter(i, { theme: 'refuge', source: null }));
		expect(refuge.length).toBeGreaterThan(0);
		expect(refuge.every((i) => i.themes.includes('refuge'))).toBe(true);
		const both = all.filter((i) => matchesFilter(i, { theme: 'enforcement', source: 'moctezuma-2022' }));
		expect(both.every((i) => i.themes.includes('enforcement') && i.sources.includes('moctezuma-2022'))).toBe(true);
	});

	it('groups dated items by year, in order', () => {
		const years = byYear(timeline.dated).map((g) => g.year);
		expect(years).toEqual([...new Set(years)].sort());
	});
});
