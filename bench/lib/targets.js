// The figures the bench is asked for, each beside its target and whether it is met: Lighthouse's
// mobile audit, and a table of the others with the previous run's value beside each.
import { MAP_PICTURE_TIMING } from '../../src/lib/map/contract.js';
import { QUERY } from './search.js';

/** @param {number | null | undefined} n */
const kib = (n) => (n === null || n === undefined ? '–' : `${(n / 1024).toFixed(1)} KiB`);
/** @param {number | null | undefined} n @param {number} [d] */
const num = (n, d = 2) => (n === null || n === undefined ? '–' : n.toFixed(d));
/** @param {boolean | null} met */
const mark = (met) => (met === null ? '–' : met ? 'yes' : 'no');

/**
 * @typedef {{ id: string, figure: string, value: number | null, shown: string, target: string, met: boolean | null }} Row
 */

/** @param {string} id @param {string} figure @param {number | null | undefined} value @param {string} shown @param {string} target @param {((v: number) => boolean) | null} test @returns {Row} */
const row = (id, figure, value, shown, target, test) => {
	const v = value ?? null;
	return { id, figure, value: v, shown: v === null ? '–' : shown, target, met: v === null || !test ? null : test(v) };
};

/** The rows of the targets table, from a bench result (this run's or a previous one). @param {any} result @returns {Row[]} */
export function targetRows(result) {
	const s = result.stories?.real;
	if (!s) return [];
	const deep = s.deepLink;
	const sc = s.scroll ?? {};
	const movesPerChange = sc.cameraMoves === null || sc.cameraMoves === undefined || !sc.chapterChanges ? null : sc.cameraMoves / sc.chapterChanges;
	const search = s.search ?? {};
	const real = result.builds?.real;
	const scale = result.builds?.scale;
	const searchBuildS = real?.searchIndex?.kind === 'pagefind' ? real.afterViteS : (real?.searchIndexS ?? null);
	return [
		row('picture.home', 'Map picture of the opened chapter visible ÷ FCP, /', s.ratios?.home?.picture, `×${num(s.ratios?.home?.picture)}`, '≤ 1.10', (v) => v <= 1.1),
		row('picture.deep', `Map picture of the opened chapter visible ÷ FCP, ${deep}`, s.ratios?.deep?.picture, `×${num(s.ratios?.deep?.picture)}`, '≤ 1.10', (v) => v <= 1.1),
		row('mapIdle.home', 'Live map settled ÷ bare MapLibre floor, /', s.ratios?.home?.mapIdle, `×${num(s.ratios?.home?.mapIdle)}`, '≤ 1.05', (v) => v <= 1.05),
		row('mapIdle.deep', `Live map settled ÷ bare MapLibre floor, ${deep}`, s.ratios?.deep?.mapIdle, `×${num(s.ratios?.deep?.mapIdle)}`, '≤ 1.05', (v) => v <= 1.05),
		row('scroll.blocking', 'Scrolling at reading pace: blocking (Σ over 50 ms) per second', sc.blockingMsPerS, `${num(sc.blockingMsPerS, 1)} ms/s`, `– (text floor: ${num(s.scrollFloor?.blockingMsPerS, 1)} ms/s)`, null),
		row('scroll.rested', 'Scrolling at reading pace: chapters in which the map came to rest while they were read', sc.mapRested, `${sc.mapRested} of ${s.chapters}${sc.reachedEnd ? '' : ` (scroll capped after ${sc.chaptersPassed})`}`, `${s.chapters} of ${s.chapters}`, (v) => v >= s.chapters),
		row('scroll.moves', 'Scrolling at reading pace: camera moves per chapter change (data-camera-moves)', movesPerChange, `${num(movesPerChange)} (${sc.cameraMoves} for ${sc.chapterChanges} changes)`, '1', (v) => v <= 1),
		row('html.ratio', 'HTML of / ÷ the same without its scripts (raw bytes)', s.htmlRatio, `×${num(s.htmlRatio)} (${kib(s.htmlBytes?.home)} ÷ ${kib(s.htmlBytes?.homeWithoutScripts)})`, '≤ 1.30', (v) => v <= 1.3),
		row('build.real', `Build of the story (${s.chapters} chapters)`, real?.ok ? real.wallS : null, `${real?.wallS} s`, '–', null),
		row('build.scale', `Build of the generated ${scale?.stopped?.chapters ?? result.settings?.scale}-chapter story`, scale?.ok ? scale.wallS : (scale?.stopped?.estimatedTotalS ?? null), scale?.ok ? `${scale.wallS} s` : `≈ ${scale?.stopped?.estimatedTotalS} s (stopped, estimated)`, '–', null),
		row('search.bytes', `Site search: bytes loaded for one query (/search/?q=${QUERY}, beyond what / loads)`, search.available && search.done ? search.wire : null, `${kib(search.wire)} transferred (${kib(search.raw)} decoded, ${search.files} files)`, '–', null),
		row('search.build', 'Site search: build time it adds (writing its index)', searchBuildS, `${searchBuildS} s`, '–', null)
	];
}

/** @param {string[]} head @param {string[][]} rows */
const table = (head, rows) => [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');

/** The targets table, with the previous run's value and this run's ratio to it. @param {any} result @param {any} previous */
export function targetsSection(result, previous) {
	const before = new Map(targetRows(previous ?? {}).map((r) => [r.id, r]));
	const rows = targetRows(result).map((r) => {
		const p = before.get(r.id);
		const change = p && p.value && r.value !== null ? ` (×${(r.value / p.value).toFixed(2)})` : '';
		return [r.figure, r.shown, r.target, mark(r.met), p ? `${p.shown}${change}` : '–'];
	});
	if (!rows.length) return '';
	const notes = [];
	const s = result.stories.real;
	if (s.ratios?.home?.picture === null) notes.push(`No map picture: the page has no \`<img elementtiming="${MAP_PICTURE_TIMING}">\` (Element Timing) in its map panel.`);
	if (s.scroll?.cameraMoves === null) notes.push('No camera moves: the map canvas has no `data-camera-moves`.');
	if (!s.search?.available) notes.push(`No site search: /search/ answers ${s.search?.status ?? 'nothing'}.`);
	else if (!s.search.done) notes.push('The search page never marked its results done (`[data-search-results][data-search-done="true"]`).');
	else if (!result.builds?.real?.searchIndex) notes.push('The build wrote no search index under /pagefind/ or /search/*.json.');
	else if (result.builds.real.searchIndex.kind !== 'pagefind')
		notes.push('The search index is written at the end of `vite build` (after the adapter); its time, as the indexer reports it, is inside the build time.');
	return (
		'### Targets (story of ' + s.chapters + ' chapters; ratios from this run)\n\n' +
		table(['Figure', 'This run', 'Target', 'Met', previous ? `Previous run (${previous.date}; ×this ÷ previous)` : 'Previous run'], rows) +
		(notes.length ? `\n\n${notes.map((n) => `- ${n}`).join('\n')}` : '')
	);
}

/** Lighthouse's mobile figures for / and the deep link, each beside its target. @param {any} result */
export function lighthouseSection(result) {
	const lh = result.stories?.real?.lighthouse;
	if (!lh) return '';
	/** @param {number | null} v @param {(v: number) => boolean} test @param {string} [unit] */
	const cell = (v, test, unit = '') => (v === null ? '–' : `${v}${unit} ${test(v) ? '✓' : '✗'}`);
	const rows = Object.entries(lh.pages).map(([path, p]) => [
		path,
		cell(p.performance, (v) => v >= 90),
		cell(p.accessibility, (v) => v >= 100),
		cell(p.bestPractices, (v) => v >= 100),
		cell(p.seo, (v) => v >= 100),
		cell(p.tbt, (v) => v <= 800),
		p.fcp === null ? '–' : String(p.fcp),
		p.lcp === null ? '–' : String(p.lcp),
		p.lcpOverFcp === null ? '–' : `×${p.lcpOverFcp.toFixed(2)} ${p.lcpOverFcp <= 1.1 ? '✓' : '✗'}`
	]);
	const failing = Object.entries(lh.pages).flatMap(([path, p]) => [
		...(p.failing.length ? [`- Below 100 on ${path}: ${p.failing.join(', ')}.`] : []),
		...(p.errors?.length ? [`- ${path}: ${p.errors.length} run(s) ended in a Lighthouse runtime error (${[...new Set(p.errors)].join(', ')}) and were run again; the medians are of the ${p.runs} complete runs.`] : [])
	]);
	return (
		`### Lighthouse ${lh.version} (mobile defaults: simulated slow phone and network; median of ${lh.runs} runs; ✓ target met, ✗ not)\n\n` +
		table(['Page', 'Performance (≥ 90)', 'Accessibility (100)', 'Best practices (100)', 'SEO (100)', 'TBT ms (≤ 800)', 'FCP ms', 'LCP ms', 'LCP ÷ FCP (≤ 1.1)'], rows) +
		(failing.length ? `\n\n${failing.join('\n')}` : '')
	);
}
