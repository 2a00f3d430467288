// Code that runs inside the measured pages. Times are performance.now(): ms since navigation start.
/* eslint-disable no-undef */

/**
 * Runs in every page before its own scripts: paints, long tasks, the map picture's Element Timing
 * and the map's data-* signals into window.__bench. `rested` lists the chapters during whose
 * reading (section.chapter.is-active) the map was idle with that chapter's view drawn; `changes`
 * counts moves from one active chapter to another. `moves` is data-camera-moves (null without it).
 */
/**
 * What a measured page records (window.__bench).
 * @typedef {object} BenchState
 * @property {number | null} fcp
 * @property {number | null} lcp
 * @property {string | null} lcpElement
 * @property {number | null} picture
 * @property {number | null} ready
 * @property {number | null} idle
 * @property {string | null} status
 * @property {string | null} drawnAtIdle
 * @property {[number, string][]} drawn when each view was drawn, and its key
 * @property {[number, number][]} longtasks start and duration
 * @property {number[] | null} frames
 * @property {string | null} active
 * @property {string[]} rested
 * @property {number} changes
 * @property {number | null} moves
 */

/** @param {string} pictureId the map picture's Element Timing identifier (contract.js) */
export function instrument(pictureId) {
	const w = /** @type {any} */ (window);
	/** @type {BenchState} */
	const b = (w.__bench = { fcp: null, lcp: null, lcpElement: null, picture: null, ready: null, idle: null, status: null, drawnAtIdle: null, drawn: [], longtasks: [], frames: null, active: null, rested: [], changes: 0, moves: null });
	/** @param {Element | null | undefined} el */
	const describe = (el) =>
		el ? el.tagName.toLowerCase() + (el.id ? `#${el.id}` : '') + (typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).join('.')}` : '') : null;
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) if (e.name === 'first-contentful-paint') b.fcp = e.startTime;
		}).observe({ type: 'paint', buffered: true });
	} catch {}
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) {
				b.lcp = e.startTime;
				b.lcpElement = describe(/** @type {any} */ (e).element);
			}
		}).observe({ type: 'largest-contentful-paint', buffered: true });
	} catch {}
	try {
		new PerformanceObserver((list) => {
			for (const e of list.getEntries()) b.longtasks.push([e.startTime, e.duration]);
		}).observe({ type: 'longtask', buffered: true });
	} catch {}
	try {
		// <img elementtiming=…>: the still map shown until MapLibre has drawn.
		new PerformanceObserver((list) => {
			for (const e of /** @type {any[]} */ (list.getEntries()))
				if (b.picture === null && (e.identifier === pictureId || e.name === pictureId)) b.picture = e.renderTime || e.loadTime;
		}).observe({ type: 'element', buffered: true });
	} catch {}
	new MutationObserver(() => {
		const active = document.querySelector('section.chapter.is-active')?.id ?? null;
		if (active && b.active && active !== b.active) b.changes++;
		if (active) b.active = active;
		const c = document.querySelector('.map-canvas');
		if (!c) return;
		const now = performance.now();
		const moves = c.getAttribute('data-camera-moves');
		b.moves = moves === null ? null : Number(moves);
		const status = c.getAttribute('data-map-status');
		if (status !== b.status) {
			b.status = status;
			if (status === 'ready' && b.ready === null) b.ready = now;
		}
		const drawn = c.getAttribute('data-map-drawn');
		if (drawn && drawn !== b.drawn[b.drawn.length - 1]?.[1]) b.drawn.push([now, drawn]);
		if (b.idle === null && status === 'ready' && c.getAttribute('data-map-idle') === 'true') {
			b.idle = now;
			b.drawnAtIdle = drawn;
		}
		if (active && drawn === active && c.getAttribute('data-map-idle') === 'true' && !b.rested.includes(active)) b.rested.push(active);
	}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-status', 'data-map-idle', 'data-map-drawn', 'data-camera-moves', 'class'] });
}

/** In the page: the map is idle, or has given up. */
export const mapSettled = () => {
	const b = /** @type {any} */ (window).__bench;
	return b.idle !== null || b.status === 'failed' || b.status === 'unsupported';
};

/** In the page: scrolled to the end. */
export const atEnd = () => scrollY + innerHeight >= document.documentElement.scrollHeight - 2;

/** In the page: starts recording animation frames. */
export function startFrames() {
	const b = /** @type {any} */ (window).__bench;
	b.frames = [];
	b.scrollStart = performance.now();
	b.changesAtStart = b.changes;
	b.movesAtStart = b.moves;
	/** @param {number} t */
	const loop = (t) => {
		if (!b.frames) return;
		b.frames.push(t);
		requestAnimationFrame(loop);
	};
	requestAnimationFrame(loop);
}

/** In the page: stops recording and returns what happened since startFrames(). */
export function stopFrames() {
	const b = /** @type {any} */ (window).__bench;
	const frames = b.frames;
	b.frames = null;
	const chapters = [...document.querySelectorAll('section.chapter')];
	return {
		frames: /** @type {number[]} */ (frames),
		longtasks: /** @type {[number, number][]} */ (b.longtasks.filter((/** @type {[number, number]} */ [s]) => s >= b.scrollStart)),
		drawn: b.drawn.filter((/** @type {[number, string]} */ [t]) => t >= b.scrollStart).length,
		scrollY,
		height: document.documentElement.scrollHeight,
		chapters: chapters.length,
		passed: chapters.filter((s) => s.getBoundingClientRect().top < innerHeight / 2).length,
		elapsedMs: performance.now() - b.scrollStart,
		rested: /** @type {string[]} */ (b.rested).length,
		chapterChanges: b.changes - b.changesAtStart,
		cameraMoves: b.moves === null || b.movesAtStart === null ? null : b.moves - b.movesAtStart
	};
}
