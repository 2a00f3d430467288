import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		adapter: adapter({ pages: 'build', assets: 'build', fallback: undefined, strict: true }),
		// Absolute asset paths: the 404 page is served at any depth.
		paths: { relative: false },
		alias: {
			$content: 'src/content',
			$geo: 'geo',
			$seeds: 'seeds'
		},
		prerender: {
			// A dead internal link or a missing #anchor is a broken page: fail the build.
			handleHttpError: 'fail',
			handleMissingId: 'fail',
			handleEntryGeneratorMismatch: 'fail'
		}
	}
};

export default config;
