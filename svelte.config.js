import { createHash } from 'node:crypto';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { writeSearchIndex } from './src/lib/search/indexer.js';
import { precompressAll } from './src/lib/server/precompress.js';
import { addressNote, siteAddress } from './scripts/site-address.js';

// SvelteKit's route announcer (a visually hidden live region) carries this inline style. It is
// the one style attribute the policy allows, by hash; the CSP test fails if it ever changes.
const ANNOUNCER_STYLE =
	'position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); overflow: hidden; white-space: nowrap; width: 1px; height: 1px';
const announcerHash = `sha256-${createHash('sha256').update(ANNOUNCER_STYLE).digest('base64')}`;

/**
 * adapter-static, followed by the search indexer: it turns the documents the build wrote into
 * build/search/index.json (with .gz and .br copies), so every `vite build` ships the index; and
 * compressed copies of the map's GeoJSON, which the adapter's precompress does not know. It ends
 * by naming the site's address, or saying the build is a preview (scripts/site-address.js).
 * @param {Parameters<typeof adapter>[0] & { pages: string }} options
 * @returns {import('@sveltejs/kit').Adapter}
 */
function staticWithSearch(options) {
	const inner = adapter(options);
	return {
		...inner,
		async adapt(builder) {
			await inner.adapt(builder);
			precompressAll(`${options.pages}/_app/immutable/assets`, '.geojson');
			const { documents, bytes, ms } = writeSearchIndex(options.pages);
			console.log(`  Search index: ${documents} documents, ${(bytes / 1024).toFixed(1)} KiB, written in ${Math.round(ms)} ms`);
			// Last, so that a preview build cannot go unnoticed.
			console.log(`  ${addressNote(siteAddress())}`);
		}
	};
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// precompress: a .br and a .gz copy beside every text file, which scripts/serve.js (and any
		// static host that supports it) sends to browsers that accept them.
		adapter: staticWithSearch({ pages: 'build', assets: 'build', fallback: undefined, strict: true, precompress: true }),
		// Absolute asset paths: the 404 page is served at any depth.
		paths: { relative: false },
		alias: {
			$content: 'src/content',
			$geo: 'geo',
			$seeds: 'seeds'
		},
		// A strict policy, delivered as a <meta> tag in every prerendered page: SvelteKit adds the
		// hash of each inline script it writes. MapLibre needs its worker, loaded from our own
		// file by setWorkerUrl (it turns to blob: or data: workers only for a cross-origin or
		// opaque-origin worker URL, never the case here), the geo data (same-origin fetch) and
		// data: images (its control icons in maplibre-gl.css, its transparent placeholder). No
		// blob: anywhere: the style has no sprites or raster images for it to decode that way.
		// tests/e2e/quality.spec.ts reads the whole story and fails on any violation.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self'],
				'style-src-attr': ['unsafe-hashes', announcerHash],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'worker-src': ['self'],
				'frame-src': ['none'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self'],
				'manifest-src': ['self']
			}
		},
		typescript: {
			// The type check (npm run check) covers the benchmark too: it is plain JavaScript, typed
			// with JSDoc, and nothing in the site imports it.
			config(tsconfig) {
				tsconfig.include.push('../bench/**/*.js', '../scripts/bench.js');
			}
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
