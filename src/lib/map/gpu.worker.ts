// Makes a WebGL2 context in a worker, off the main thread: the browser's first context of a page
// starts its GPU channel (hundreds of milliseconds on a software renderer, tens on a phone), and
// the map's own context, made next on the main thread, finds it ready. Posts whether it could.
let made = false;
try {
	made = typeof OffscreenCanvas === 'function' && !!new OffscreenCanvas(1, 1).getContext('webgl2');
} catch {
	made = false;
}
postMessage(made);
