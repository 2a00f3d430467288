// When MapLibre starts: once the chapter's map picture is on screen, never before, so that the
// map's download and its work never delay what the reader sees first; and with the GPU warmed
// off the main thread meanwhile. (The page's own scripts, this one included, are asked for only
// after the first contentful paint: src/lib/server/scripts-after-paint.ts.)
import { MAP_PICTURE_TIMING } from './contract.js';

/** Whether the browser has WebGL2 at all: without it MapLibre is not even downloaded. */
export const mayDrawWebGL2 = () => typeof WebGL2RenderingContext === 'function';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/**
 * Resolves when the browser reports a performance entry of `type` that `matches` (at once if it
 * already has), or null where it reports no entries of that type.
 */
function reported(type: string, matches: (entry: PerformanceEntry) => boolean): Promise<void> | null {
	if (!PerformanceObserver.supportedEntryTypes?.includes(type)) return null;
	return new Promise((resolve) => {
		const observer = new PerformanceObserver((list) => {
			if (!list.getEntries().some(matches)) return;
			observer.disconnect();
			resolve();
		});
		observer.observe({ type, buffered: true });
	});
}

/** Resolves when the browser reports the map picture on screen (Element Timing, where it has it). */
const pictureShown = () => reported('element', (e) => (e as PerformanceEntry & { identifier?: string }).identifier === MAP_PICTURE_TIMING);

/**
 * Resolves once the map picture is on screen: reported as shown, or else decoded and a frame
 * later. A frame is drawn some time before it is on screen, so where the browser can tell, it is
 * asked; a bounded wait covers a report that never comes (a picture that failed to load).
 */
async function afterPicture(): Promise<void> {
	const picture = document.querySelector<HTMLImageElement>(`img[elementtiming="${MAP_PICTURE_TIMING}"]`);
	if (!picture) return nextFrame();
	const drawn = picture
		.decode()
		.catch(() => {})
		.then(nextFrame);
	const shown = pictureShown();
	await (shown ? Promise.race([shown, drawn.then(() => delay(PICTURE_REPORT_MS))]) : drawn);
}

/** How long after the picture is drawn its report may take before the engine starts anyway. */
const PICTURE_REPORT_MS = 500;
const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Starts the GPU channel in a worker; resolves when that is done (or could not be), with the worker to end. */
function warmGpu(): Promise<Worker | null> {
	return new Promise((resolve) => {
		try {
			const worker = new Worker(new URL('./gpu.worker.ts', import.meta.url), { type: 'module' });
			worker.onmessage = worker.onerror = () => resolve(worker);
		} catch {
			resolve(null);
		}
	});
}

export interface EngineStart {
	engine: typeof import('./engine');
	/** Call once the map has its own context: the warming worker is no longer needed. */
	done: () => void;
}

/** Loads the engine once the map picture is on screen, while a worker warms the GPU. */
export async function startEngine(): Promise<EngineStart> {
	await afterPicture();
	const [engine, worker] = await Promise.all([import('./engine'), warmGpu()]);
	return { engine, done: () => worker?.terminate() };
}
