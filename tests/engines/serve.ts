// Serves the production build for the engine suites with the site's own static server
// (tools/server.js, what `npm run preview` and the Chromium suite's scripts/serve.js run).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { serveSite } from '../../tools/server.js';

declare module 'vitest' {
	export interface ProvidedContext {
		origin: string;
	}
}

const BUILD = fileURLToPath(new URL('../../build/', import.meta.url));

export default async function setup(project: TestProject) {
	if (!existsSync(`${BUILD}index.html`)) throw new Error('No build: run `npx vite build` first.');
	const { server, url } = await serveSite(BUILD, { port: Number(process.env.ENGINES_PORT ?? 0) });
	project.provide('origin', url);
	return () => new Promise<void>((resolve) => server.close(() => resolve()).closeAllConnections());
}
