// Code that runs inside the measured pages. Times are performance.now(): ms since navigation start.
/* eslint-disable no-undef */

/** Runs in every page before its own scripts: paints, long tasks and the map's data-* signals into window.__bench. */
export function instrument() {
	const w = /** @type {any} */ (window);
	const b = (w.__bench = { fcp: null, lcp: null, lcpElement: null, ready: null, idle: null, status: null, drawnAtIdle: null, drawn: [], longtasks: [], frames: null });
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
	new MutationObserver(() => {
		const c = document.querySelector('.map-canvas');
		if (!c) return;
		const now = performance.now();
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
	}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-map-status', 'data-map-idle', 'data-map-drawn'] });
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
		passed: chapters.filter((s) => s.getBoundingClientRect().top < innerHeight / 2).length
	};
}
