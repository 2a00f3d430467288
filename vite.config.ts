import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	server: { fs: { allow: ['geo', 'seeds'] } },
	test: {
		// Unit tests only. tests/build/ (links, HTML validity) reads the production build and has
		// its own config, run by scripts/test.js after `vite build`.
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
		environment: 'node'
	}
});
