// Values the build writes into the code (vite.config.ts, `define`).
declare global {
	/** The site's address without its trailing slash, or null in a preview build (src/lib/site.ts). */
	const __SITE_ADDRESS__: string | null;
}

export {};
