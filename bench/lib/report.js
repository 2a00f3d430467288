// The bench's Markdown: targets and Lighthouse (targets.js), then page loads, bytes, scrolling
// and builds, one table each.
import { CATEGORIES } from './bytes.js';
import { lighthouseSection, targetsSection } from './targets.js';

/** @param {number | null | undefined} n */
export const kib = (n) => (n === null || n === undefined ? '–' : n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(2)} MiB` : `${(n / 1024).toFixed(1)} KiB`);
/** @param {number | null | undefined} n */
const ms = (n) => (n === null || n === undefined ? '–' : `${Math.round(n)}`);
/** @param {number | null | undefined} n */
const times = (n) => (n === null || n === undefined ? '–' : `×${n.toFixed(2)}`);

/** @param {string[]} head @param {string[][]} rows */
export function table(head, rows) {
	return [`| ${head.join(' | ')} |`, `| ${head.map((_, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`, ...rows.map((r) => `| ${r.join(' | ')} |`)].join('\n');
}

/** @param {string} key @param {{ chapters: number }} s */
const storyName = (key, s) => (key === 'real' ? `Story (${s.chapters} chapters)` : `Generated story (${s.chapters} chapters)`);

/** @param {[string, any][]} stories */
function loadsSection(stories) {
	const rows = [];
	for (const [key, s] of stories) {
		const l = s.loads;
		const label = storyName(key, s);
		rows.push([`${label}: text floor /`, ms(l.floorText.fcp), ms(l.floorText.lcp), '–', '–', '', '', '', '']);
		rows.push([`${label}: map floor`, '–', '–', '–', ms(l.floorMap.mapIdle), '', '', '', '']);
		rows.push([`**${label}: /**`, ms(l.home.fcp), ms(l.home.lcp), ms(l.home.picture), ms(l.home.mapIdle), times(s.ratios.home.fcp), times(s.ratios.home.lcp), times(s.ratios.home.picture), times(s.ratios.home.mapIdle)]);
		rows.push([`${label}: text floor ${s.deepLink}`, ms(l.floorTextDeep.fcp), ms(l.floorTextDeep.lcp), '–', '–', '', '', '', '']);
		rows.push([`**${label}: ${s.deepLink}**`, ms(l.deep.fcp), ms(l.deep.lcp), ms(l.deep.picture), ms(l.deep.mapIdle), times(s.ratios.deep.fcp), times(s.ratios.deep.lcp), times(s.ratios.deep.picture), times(s.ratios.deep.mapIdle)]);
	}
	const parts = ['### Page loads\n\n' + table(['Page', 'FCP', 'LCP', 'Map picture', 'Map idle', 'FCP / text floor', 'LCP / text floor', 'Map picture / FCP', 'Map idle / map floor'], rows)];
	const notes = [];
	for (const [key, s] of stories) {
		const l = s.loads;
		if (l.home.cameraMs > 0) notes.push(`${storyName(key, s)}: the map's first view on / is an eased camera move of ${l.home.cameraMs} ms (data-camera-duration), inside "map idle"; map ready (load event) at ${ms(l.home.mapReady)} ms. LCP element: ${l.home.lcpElement ?? '–'}. HTML of /: ${kib(s.htmlBytes.home)}.`);
		else notes.push(`${storyName(key, s)}: map ready (load event) at ${ms(l.home.mapReady)} ms on /. LCP element: ${l.home.lcpElement ?? '–'}. HTML of /: ${kib(s.htmlBytes.home)}.`);
	}
	if (notes.length) parts.push(notes.map((n) => `- ${n}`).join('\n'));
	return parts.join('\n\n');
}

/** @param {[string, any][]} stories */
function bytesSection(stories) {
	const rows = CATEGORIES.filter(([k]) => stories.some(([, s]) => s.bytes.totals[k].files > 0)).map(([k, label]) => [
		label,
		...stories.flatMap(([, s]) => {
			const c = s.bytes.totals[k];
			return [c.files ? `${kib(c.raw)} (${c.files})` : '–', c.files ? kib(c.gzip) : '–'];
		})
	]);
	rows.push(['**Total**', ...stories.flatMap(([, s]) => [`**${kib(s.bytes.total.raw)}** (${s.bytes.total.files})`, `**${kib(s.bytes.total.gzip)}**`])]);
	const wire = stories.map(([key, s]) => `${storyName(key, s)}: ${kib(s.bytes.total.wire)} transferred as served (the build's .br copies where it has them; GeoJSON and images as they are).`);
	return (
		'### Bytes for / (loaded, then scrolled to the end)\n\n' +
		table(['Kind', ...stories.flatMap(([, s]) => [`${s.chapters} ch.: raw (files)`, `${s.chapters} ch.: gzip -9`])], rows) +
		`\n\n${wire.map((w) => `- ${w}`).join('\n')}`
	);
}

/** @param {string} label @param {any} c */
const scrollRow = (label, c) => [
	label,
	`${c.scrolledPx} of ${c.pageHeightPx} px in ${c.scrollS} s${c.reachedEnd ? '' : ' (capped)'}`,
	`${c.chaptersPassed}/${c.chapters}`,
	c.mapViewsDrawn === null ? '–' : String(c.mapViewsDrawn),
	`${c.longTasks} / ${ms(c.longTaskMs)} ms (max ${ms(c.longTaskMaxMs)})`,
	ms(c.blockingMs),
	c.blockingMsPerS === null || c.blockingMsPerS === undefined ? '–' : String(c.blockingMsPerS),
	c.mapRested === null || c.mapRested === undefined ? '–' : `${c.mapRested} of ${c.chapters}`,
	c.cameraMoves === null || c.cameraMoves === undefined ? '–' : `${c.cameraMoves} / ${c.chapterChanges}`,
	String(c.frameMedianMs ?? '–'),
	String(c.frameP95Ms ?? '–'),
	`${c.framesOver50Ms} of ${c.frames}`
];

/** @param {[string, any][]} stories */
function scrollSection(stories) {
	const rows = stories.flatMap(([key, s]) => [scrollRow(`${storyName(key, s)}: text floor`, { ...s.scrollFloor, mapViewsDrawn: null, mapRested: null, cameraMoves: null }), scrollRow(`**${storyName(key, s)}**`, s.scroll)]);
	return (
		'### Scrolling at a reader’s pace (wheel, 120 px every 100 ms, from the top)\n\n' +
		table(['Story', 'Scrolled', 'Chapters passed', 'Map views drawn', 'Long tasks > 50 ms (count / total)', 'Blocking (Σ over 50 ms)', 'Blocking ms per s', 'Map at rest in chapter while read', 'Camera moves / chapter changes', 'Frame median ms', 'Frame p95 ms', 'Frames > 50 ms'], rows)
	);
}

/** @param {Record<string, any>} builds */
function buildsSection(builds) {
	const rows = Object.values(builds).map((b) => [
		b.label,
		b.ok ? `${b.wallS} s` : b.stopped ? `stopped at ${b.stopped.afterS} s; ≈ ${b.stopped.estimatedTotalS ?? '?'} s estimated` : `failed (exit ${b.exitCode})`,
		b.cpuS !== null ? `${b.cpuS} s` : '–',
		b.stopped
			? `${b.stopped.chapterPages}/${b.stopped.chapters} chapter pages, ${b.stopped.stillMaps}/${b.stopped.chapters} still maps`
			: b.output
				? `${b.output.pages} pages, ${kib(b.output.bytes)}${b.output.compressedBytes ? ` (+ ${kib(b.output.compressedBytes)} of .br/.gz copies)` : ''}`
				: '–',
		b.searchIndex ? `${b.searchIndex.path} ${kib(b.searchIndex.bytes)}; after vite build: ${b.afterViteS ?? '–'} s` : '–'
	]);
	return '### Builds (`npm run build` of a copy of the project)\n\n' + table(['Build', 'Wall time', 'CPU time', 'Output', 'Search index'], rows);
}

/**
 * The whole report, from the result the bench writes to bench/out/latest.json, with the
 * previous run's result (if any) for the targets table.
 * @param {any} result
 * @param {any} [previous]
 */
export function report(result, previous = null) {
	const stories = Object.entries(result.stories);
	const m = result.machine;
	const { runs, scaleRuns } = result.settings;
	const parts = [
		`Measured ${result.date} on ${m.cpu} (${m.cores} cores, ${m.memoryGiB} GiB), ${m.os}, Node ${m.node}, Chromium ${m.chromium} headless (WebGL in SwiftShader, on the CPU). Load average ${m.loadAverage.start.join(' / ')} at the start. Medians of ${runs} loads (${scaleRuns} for the generated story) after one warm-up, fresh browser context each, cache disabled; served by tools/server.js on localhost as a static host serves the build (its precompressed .br copies). Times in ms from navigation start.`
	];
	if (stories.length) parts.push(...[targetsSection(result, previous), lighthouseSection(result)].filter(Boolean), loadsSection(stories), bytesSection(stories), scrollSection(stories));
	parts.push(buildsSection(result.builds));
	if (result.scaleNote) parts.push(result.scaleNote);
	return parts.join('\n\n');
}
