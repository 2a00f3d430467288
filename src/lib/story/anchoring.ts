/**
 * Keeps the text in view where it is when a chapter above it changes height, in engines without
 * CSS scroll anchoring (WebKit). A chapter off screen is laid out only as the reader nears it
 * (content-visibility), at its real height instead of its placeholder's: without anchoring, a
 * deep link's chapter slid hundreds of pixels up out of view as the chapter above it was laid
 * out, and scrolling up made the text jump. Chromium and Firefox anchor the scroll themselves.
 *
 * As they do, it anchors on the text in view: the first chapter that begins on screen (else the
 * one the screen is in). Where the reader or the page scrolls, its place is noted; where a
 * chapter changes size, the page scrolls by as much as the anchor moved. Returns a function that
 * stops watching.
 */
export function keepTextInPlace(sections: HTMLElement[]): () => void {
	if (typeof ResizeObserver !== 'function' || CSS.supports('overflow-anchor', 'auto')) return () => {};
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

/** What a reader does that moves the page: from then on the page is theirs. */
const READER_INPUTS = ['wheel', 'touchstart', 'keydown', 'pointerdown'] as const;

/**
 * Holds a deep link's chapter where the jump put it while the chapters around it are first laid
 * out, until the page is moved by anything else (the reader, a link, a script). Where the browser anchors the scroll itself, it
 * does not always anchor on the chapter: on a phone, with the map pinned above the text, the
 * chapter before a deep link's was laid out 500 px taller than its placeholder and the page
 * opened on it. (Where the browser does not anchor, keepTextInPlace does, and this stands back.)
 */
export function holdChapter(section: HTMLElement, sections: HTMLElement[]): void {
	if (typeof ResizeObserver !== 'function' || !CSS.supports('overflow-anchor', 'auto')) return;
	const top = section.getBoundingClientRect().top;
	/** Where the page stands after the jump or this hold's own correction: any other scroll ends the hold. */
	let held = window.scrollY;
	let frame = 0;
	const observer = new ResizeObserver(() => {
		frame ||= requestAnimationFrame(() => {
			frame = 0;
			const moved = section.getBoundingClientRect().top - top;
			if (Math.abs(moved) >= 1) window.scrollBy({ top: moved, behavior: 'instant' });
			held = window.scrollY;
		});
	});
	const scrolled = () => Math.abs(window.scrollY - held) >= 1 && release();
	const release = () => {
		cancelAnimationFrame(frame);
		observer.disconnect();
		removeEventListener('scroll', scrolled);
		for (const type of READER_INPUTS) removeEventListener(type, release, true);
	};
	addEventListener('scroll', scrolled, { passive: true });
	for (const type of READER_INPUTS) addEventListener(type, release, { capture: true, passive: true });
	for (const s of sections) if (s !== section) observer.observe(s);
}
