/**
 * Keeps the text in view where it is when a chapter above it changes height, in every engine. A
 * chapter off screen is laid out only as the reader nears it (content-visibility), at its real
 * height instead of its placeholder's: without anchoring, a deep link's chapter slid hundreds of
 * pixels out of view as the chapter above it was laid out, and scrolling up made the text jump.
 * WebKit has no CSS scroll anchoring, and Chromium's is not enough: on a phone, where the map is
 * pinned above the text, it let a deep link land on the chapter before (its anchor can fall in
 * the pinned map, which does not move). So the page turns the browser's own off
 * (`overflow-anchor: none`, global.css) and anchors the text here, the same way everywhere.
 *
 * As they do, it anchors on the text in view: the first chapter that begins on screen (else the
 * one the screen is in). Where the reader or the page scrolls, its place is noted; where a
 * chapter changes size, the page scrolls by as much as the anchor moved. Returns a function that
 * stops watching.
 */
export function keepTextInPlace(sections: HTMLElement[]): () => void {
	if (typeof ResizeObserver !== 'function') return () => {};
	/** The anchor and where it lies in the page (not on screen: the reader may scroll meanwhile). */
	let anchor: { section: HTMLElement; y: number } | null = null;
	const pageY = (el: HTMLElement) => el.getBoundingClientRect().top + window.scrollY;
	// Scrolled before the next frame rather than in the observer's callback: scrolling lays out
	// chapters that come near, and a size changing within the callback is an error event.
	let pending = 0;
	const note = () => {
		if (pending) return;
		const section = sections.find((s) => s.getBoundingClientRect().top >= 0) ?? sections.findLast((s) => s.getBoundingClientRect().top < 0);
		anchor = section ? { section, y: pageY(section) } : null;
	};
	const observer = new ResizeObserver(() => {
		pending ||= requestAnimationFrame(() => {
			pending = 0;
			const moved = anchor ? pageY(anchor.section) - anchor.y : 0;
			if (Math.abs(moved) >= 1) window.scrollBy({ top: moved, behavior: 'instant' });
			note();
		});
	});
	for (const section of sections) observer.observe(section);
	addEventListener('scroll', note, { passive: true });
	note();
	return () => {
		cancelAnimationFrame(pending);
		observer.disconnect();
		removeEventListener('scroll', note);
	};
}
