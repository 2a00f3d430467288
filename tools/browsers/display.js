// Firefox and WebKit draw WebGL2 only in a window here (headless Firefox has none; MiniBrowser
// has no headless mode), so where there is no display they run under a virtual one.
import { spawnSync } from 'node:child_process';

/**
 * The command to put before a browser run: nothing where there is a display, `xvfb-run -a` where
 * there is none and it exists; null where there is neither.
 * @returns {string[] | null}
 */
export function displayWrapper() {
	if (process.env.DISPLAY || process.env.WAYLAND_DISPLAY) return [];
	return spawnSync('xvfb-run', ['--help'], { stdio: 'ignore' }).error ? null : ['xvfb-run', '-a'];
}
