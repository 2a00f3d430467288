import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { MEDIA } from './src/lib/layout';
import { contentCheck } from './scripts/content-check.js';
import { siteAddress } from './scripts/site-address.js';

/** The site's address (site.config.js, or SITE_URL for one build); null builds a preview. */
function address(): string | null {
	try {
		return siteAddress();
	} catch (error) {
		// A mistake in the address is a mistake in the content: one line, no stack trace.
		process.stderr.write(`\n${(error as Error).message}\n\n`);
		process.exit(1);
	}
}

/**
 * `@media (--wide)` in any stylesheet or component style becomes MEDIA.wide: the breakpoints
 * have one home (src/lib/layout.ts) for both CSS and the components' matchMedia.
 */
function customMedia(): Plugin {
	return {
		name: 'frontera-custom-media',
		enforce: 'pre',
		transform(code, id) {
			if (!/\.css(?:$|\?)|[?&]type=style/.test(id)) return;
			return code.replace(/@media[^{;]*/g, (prelude) =>
				prelude.replace(/\(--([\w-]+)\)/g, (_, name: string) => {
					const query = MEDIA[name as keyof typeof MEDIA];
					if (!query) this.error(`unknown custom media (--${name}); src/lib/layout.ts defines ${Object.keys(MEDIA).join(', ')}`);
					return query;
				})
			);
		}
	};
}

export default defineConfig({
	plugins: [contentCheck(), customMedia(), sveltekit()],
	// The pages read it as __SITE_ADDRESS__ (src/lib/site.ts), the same on the server and in the browser.
	define: { __SITE_ADDRESS__: JSON.stringify(address()) },
	server: { fs: { allow: ['geo', 'seeds'] } },
	build: {
		rollupOptions: {
			output: {
				// Svelte's and SvelteKit's client code as one file, not a dozen of a few hundred
				// bytes each: on a slow connection each request of a story page's first load costs
				// a round trip. MapLibre and the search index stay in chunks of their own, loaded
				// when needed.
				manualChunks(id) {
					if (/\/node_modules\/(svelte|@sveltejs\/kit|devalue|esm-env|clsx)\//.test(id)) return 'runtime';
				}
			}
		}
	},
	test: {
		// Unit tests only. tests/build/ (links, HTML validity) reads the production build and has
		// its own config, run by scripts/test.js after `vite build`.
		include: ['src/**/*.test.ts', 'tests/unit/**/*.test.ts', 'tests/server/**/*.test.ts'],
		environment: 'node'
	}
});
