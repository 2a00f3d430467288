// Checks of the production build on disk (links, HTML validity). They need build/, so they are
// not part of the unit tests (vite.config.ts includes only src/ and tests/unit/): scripts/test.js
// runs them after `vite build` with `npx vitest run --config tests/build/vitest.config.ts`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	root: fileURLToPath(new URL('../..', import.meta.url)),
	test: {
		include: ['tests/build/**/*.test.ts'],
		environment: 'node',
		testTimeout: 180_000,
		hookTimeout: 180_000
	}
});
