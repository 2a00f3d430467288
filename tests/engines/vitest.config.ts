// The browser suite of the engines other than Chromium (Firefox, WebKit), against the production
// build served over HTTP. One engine per run, named by FRONTERA_ENGINE: scripts/test.js runs it
// once per engine installed, under a virtual display where there is none (tools/browsers/display.js).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	root: fileURLToPath(new URL('../..', import.meta.url)),
	test: {
		include: ['tests/engines/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/engines/serve.ts'],
		// One browser at a time: the machine has two cores and the map draws on the CPU.
		fileParallelism: false,
		testTimeout: 120_000,
		hookTimeout: 60_000,
		reporters: ['verbose']
	}
});
