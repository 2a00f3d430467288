/**
 * `npm run dev` serves pages the browser will run: the dev server sends its content security
 * policy as a header, not a <meta>, so the start-up script the server hook rewrites
 * (src/lib/server/scripts-after-paint.ts) must be allowed by that header's hash too.
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let server: ViteDevServer;
let origin = '';

beforeAll(async () => {
	server = await createServer({ configFile: 'vite.config.ts', logLevel: 'error', server: { port: 0, host: '127.0.0.1' } });
	await server.listen();
	origin = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
	await server?.close();
});

describe('the dev server', () => {
	for (const path of ['/', '/sources/'])
		it(`serves ${path} with a policy that allows its inline scripts, which wait for the first paint`, async () => {
			const response = await fetch(origin + path);
			expect(response.status).toBe(200);
			const policy = response.headers.get('content-security-policy') ?? '';
			const html = await response.text();
			const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
			expect(scripts.length).toBeGreaterThan(0);
			for (const s of scripts) expect(policy, 'the header allows the script as served').toContain(`'sha256-${createHash('sha256').update(s).digest('base64')}'`);
			expect(scripts.some((s) => s.includes('painted.then(() => import('))).toBe(true);
		}, 60_000);
});
