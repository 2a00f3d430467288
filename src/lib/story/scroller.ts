/**
 * Reports which step is active as the reader scrolls: the step that crosses a thin band at
 * `line` (a fraction of the viewport height from the top). Uses IntersectionObserver, so
 * nothing runs on scroll events; the band is re-measured when the viewport is resized.
 * Returns a function that stops observing.
 */
export function observeSteps(steps: HTMLElement[], line: () => number, onActive: (index: number) => void): () => void {
	let observer: IntersectionObserver | undefined;

	const start = () => {
		observer?.disconnect();
		const height = window.innerHeight;
		const top = Math.floor(line() * height);
		observer = new IntersectionObserver(
			(entries) => {
				for (const entry of entries) {
					if (!entry.isIntersecting) continue;
					const index = steps.indexOf(entry.target as HTMLElement);
					if (index !== -1) onActive(index);
				}
			},
			{ rootMargin: `-${top}px 0px -${Math.max(0, height - top - 2)}px 0px`, threshold: 0 }
		);
		for (const step of steps) observer.observe(step);
	};

	let timer: ReturnType<typeof setTimeout> | undefined;
	const onResize = () => {
		clearTimeout(timer);
		timer = setTimeout(start, 150);
	};
	start();
	window.addEventListener('resize', onResize);
	return () => {
		clearTimeout(timer);
		window.removeEventListener('resize', onResize);
		observer?.disconnect();
	};
}
