/**
 * The static server (tools/server.js) under hostile requests, over raw sockets on loopback:
 * malformed request lines, encodings that try to climb out of the site folder, open-redirect
 * shapes, every method, very long URLs and header floods. After each group it must still
 * answer, and across the whole run no response may carry the sibling folder's secret, a
 * Location off the site, or lack the security headers. It also checks what a static host must
 * get right: folder pages, 404.html with 404, the precompressed copies, caching.
 *
 * The suite builds its own small site in a temporary folder, so it needs no `vite build`.
 * SERVER_UNDER_TEST=path/to/cli.js runs it against another server started as
 * `node <cli> --dir <site> --port <port>` (the old scripts/serve.js fails most of it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { brotliCompressSync, gunzipSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import type { Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveSite } from '../../tools/server.js';

interface Reply {
	request: string;
	/** Null when the server closed the connection without a response. */
	status: number | null;
	headers: Record<string, string>;
	body: Buffer;
	raw: Buffer;
	/** True when neither a complete response nor a closed connection came within 5 s. */
	timedOut: boolean;
}

const SECRET = `secret-${process.pid}-${Date.now()}-do-not-serve`;
const HOME = '<!doctype html><title>Home</title><h1>home page</h1>';
const APP_JS = `export const app = ${JSON.stringify('x'.repeat(2000))};\n`;

let base = '';
let site = '';
let port = 0;
let server: Server | null = null;
let child: ChildProcess | null = null;
/** Every reply of the run, for the checks that span all of them. */
const replies: Reply[] = [];

function write(path: string, content: string | Buffer): void {
	mkdirSync(dirname(join(site, path)), { recursive: true });
	writeFileSync(join(site, path), content);
}

function parse(request: string, raw: Buffer): Reply {
	const end = raw.indexOf('\r\n\r\n');
	const head = (end === -1 ? raw : raw.subarray(0, end)).toString('latin1');
	const [statusLine = '', ...lines] = head.split('\r\n');
	const status = /^HTTP\/1\.[01] (\d{3})/.exec(statusLine);
	const headers: Record<string, string> = {};
	for (const line of lines) {
		const colon = line.indexOf(':');
		if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
	}
	const body = end === -1 ? Buffer.alloc(0) : raw.subarray(end + 4);
	return { request, status: status ? Number(status[1]) : null, headers, body, raw, timedOut: false };
}

/**
 * Sends bytes on a fresh connection and reads until the server closes it, the response is
 * complete (Content-Length), or 5 s pass. The socket is never half-closed by us.
 */
function raw(request: string | Buffer, { head = false } = {}): Promise<Reply> {
	const label = typeof request === 'string' ? request.slice(0, 200) : `<${request.length} bytes>`;
	return new Promise((resolve) => {
		const socket = connect(port, '127.0.0.1');
		let data = Buffer.alloc(0);
		let settled = false;
		const done = (timedOut = false) => {
			if (settled) return;
			settled = true;
			clearTimeout(timer);
			socket.destroy();
			const reply = { ...parse(label, data), timedOut };
			replies.push(reply);
			resolve(reply);
		};
		const timer = setTimeout(() => done(true), 5000);
		socket.on('data', (chunk) => {
			data = Buffer.concat([data, chunk]);
			const reply = parse(label, data);
			const length = Number(reply.headers['content-length']);
			const headEnd = data.indexOf('\r\n\r\n');
			if (headEnd !== -1 && Number.isFinite(length) && (head || reply.status === 304 || reply.body.length >= length)) done();
		});
		socket.on('error', () => done());
		socket.on('close', () => done());
		socket.write(request);
	});
}

const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
	raw(`${method} ${path} HTTP/1.1\r\nHost: localhost\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}Connection: close\r\n\r\n`, { head: method === 'HEAD' });

async function expectUp(): Promise<void> {
	const reply = await get('/');
	expect(reply.status, 'the server still answers GET /').toBe(200);
	expect(reply.body.toString()).toContain('home page');
}

beforeAll(async () => {
	base = mkdtempSync(join(tmpdir(), 'frontera-server-'));
	site = join(base, 'site');
	mkdirSync(site);
	// The sibling a prefix check without a separator lets through: <site>-private.
	mkdirSync(`${site}-private`);
	writeFileSync(join(`${site}-private`, 'secret.txt'), SECRET);
	writeFileSync(join(base, 'secret.txt'), SECRET);
	write('index.html', HOME);
	write('index.html.br', brotliCompressSync(HOME));
	write('index.html.gz', gzipSync(HOME));
	write('404.html', '<!doctype html><title>Not found</title><h1>not-found page</h1>');
	write('sources/index.html', '<!doctype html><title>Sources</title><h1>sources page</h1>');
	write('chapters/one/index.html', '<!doctype html><title>One</title><h1>chapter one</h1>');
	write('_app/immutable/app.abc123.js', APP_JS);
	write('_app/immutable/app.abc123.js.br', brotliCompressSync(APP_JS));
	write('_app/immutable/app.abc123.js.gz', gzipSync(APP_JS));
	write('_app/version.json', '{"version":"1"}');
	write('data.geojson', '{"type":"FeatureCollection","features":[]}');

	const external = process.env.SERVER_UNDER_TEST;
	if (external) {
		port = 45000 + Math.floor(Math.random() * 5000);
		child = spawn(process.execPath, [external, '--dir', site, '--port', String(port)], { stdio: 'ignore' });
		for (let i = 0; i < 50 && (await get('/')).status === null; i++) await new Promise((r) => setTimeout(r, 100));
	} else {
		const started = await serveSite(site, { port: 0, host: '127.0.0.1', onError: () => {} });
		server = started.server;
		port = started.port;
	}
	replies.length = 0;
});

afterAll(async () => {
	child?.kill();
	if (server) await new Promise((r) => server!.close(r));
	rmSync(base, { recursive: true, force: true });
});

describe('serving the site', () => {
	it('serves / and folder pages, and redirects a folder without its slash to a same-origin path', async () => {
		await expectUp();
		expect((await get('/sources/')).body.toString()).toContain('sources page');
		expect((await get('/chapters/one/')).body.toString()).toContain('chapter one');
		const redirect = await get('/chapters/one?layers=route');
		expect(redirect.status).toBe(301);
		expect(redirect.headers.location).toBe('/chapters/one/?layers=route');
	});

	it('answers unknown paths with 404.html and status 404', async () => {
		for (const path of ['/nope', '/nope/', '/chapters/two/', '/_app/immutable/missing.js']) {
			const reply = await get(path);
			expect(reply.status, path).toBe(404);
			expect(reply.body.toString(), path).toContain('not-found page');
		}
	});

	it('answers HEAD like GET, without a body', async () => {
		const got = await get('/');
		const head = await get('/', {}, 'HEAD');
		expect(head.status).toBe(200);
		expect(head.headers['content-length']).toBe(got.headers['content-length']);
		expect(head.headers['content-type']).toBe(got.headers['content-type']);
		expect(head.body.length).toBe(0);
	});

	it('sends the precompressed copies with Content-Encoding and Vary', async () => {
		for (const path of ['/', '/_app/immutable/app.abc123.js']) {
			const original = path === '/' ? HOME : APP_JS;
			const br = await get(path, { 'Accept-Encoding': 'gzip, deflate, br' });
			expect(br.headers['content-encoding'], path).toBe('br');
			expect(br.headers.vary, path).toMatch(/accept-encoding/i);
			expect(brotliDecompressSync(br.body).toString(), path).toBe(original);
			const gz = await get(path, { 'Accept-Encoding': 'gzip' });
			expect(gz.headers['content-encoding'], path).toBe('gzip');
			expect(gz.headers.vary, path).toMatch(/accept-encoding/i);
			expect(gunzipSync(gz.body).toString(), path).toBe(original);
			const identity = await get(path);
			expect(identity.headers['content-encoding'], path).toBeUndefined();
			expect(identity.body.toString(), path).toBe(original);
		}
	});

	it('caches hashed files for a year and revalidates HTML', async () => {
		expect((await get('/_app/immutable/app.abc123.js')).headers['cache-control']).toMatch(/max-age=31536000.*immutable/);
		for (const path of ['/', '/sources/', '/nope', '/_app/version.json']) expect((await get(path)).headers['cache-control'], path).toMatch(/no-cache|no-store|max-age=0/);
	});

	it('names the types of text files with their charset, and of GeoJSON', async () => {
		expect((await get('/')).headers['content-type']).toBe('text/html; charset=utf-8');
		expect((await get('/_app/immutable/app.abc123.js')).headers['content-type']).toMatch(/^text\/javascript; charset=utf-8$/);
		expect((await get('/data.geojson')).headers['content-type']).toBe('application/geo+json');
	});
});

describe('requests that must not stop it', () => {
	it('survives malformed request lines', async () => {
		const lines = [
			'GET //[ HTTP/1.1',
			'GET http://[ HTTP/1.1',
			'GET http://[::1 HTTP/1.1',
			'GET https://evil.example HTTP/1.1',
			'GET http://evil.example/sources HTTP/1.1',
			'GET * HTTP/1.1',
			'GET chapters HTTP/1.1',
			'GET / HTTP/9.9',
			'GET /\x00 HTTP/1.1',
			'GET / HTTP/1.1 extra',
			'GET  HTTP/1.1',
			'GET',
			'/ HTTP/1.1',
			'FOO / HTTP/1.1',
			'G\u00e9T / HTTP/1.1'
		];
		for (const line of lines) {
			const reply = await raw(`${line}\r\nHost: localhost\r\nConnection: close\r\n\r\n`);
			expect(reply.status === null || reply.status < 500, `${line} → ${reply.status}`).toBe(true);
		}
		await expectUp();
	});

	it('survives odd percent-encodings, backslashes and NUL bytes in paths', async () => {
		const paths = ['/%', '/%zz', '/%00', '/%u0041', '/%c0%ae%c0%ae/', '/%ff', '/\\', '/a\\..\\..\\secret.txt', '/%2e', '/%2e%2e', '/chapters/%2e%2e/', '/%F0%9F%97%BA/', '/?%', '/#%zz'];
		for (const path of paths) {
			const reply = await get(path);
			expect(reply.status === null || reply.status < 500, `${path} → ${reply.status}`).toBe(true);
		}
		await expectUp();
	});

	it('survives garbage bytes, truncated and malformed requests', async () => {
		// A fixed pseudo-random sequence: the same bytes every run.
		let seed = 12345;
		const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) & 0xff;
		const garbage = [
			Buffer.from(Array.from({ length: 512 }, next)),
			Buffer.from('\r\n\r\nGARBAGE\r\n\r\n'),
			Buffer.from('\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03'), // a TLS ClientHello's start
			Buffer.from('GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: -1\r\n\r\n'),
			Buffer.from('GET / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'),
			Buffer.from('GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n'),
			Buffer.from('GET / HTTP/1.1\r\nBad Header\r\n\r\n'),
			Buffer.from('GET / HTTP/1.1\r\nHost: localhost\r\nX: a\rb\r\n\r\n')
		];
		for (const bytes of garbage) {
			const reply = await raw(bytes);
			expect(reply.status === null || reply.status < 500, `${reply.request} → ${reply.status}`).toBe(true);
		}
		// Requests cut off mid-line, then abandoned.
		for (const partial of ['GET /', 'GET / HTTP/1.1\r\nHost: loc']) {
			const socket = connect(port, '127.0.0.1');
			socket.on('error', () => {});
			socket.write(partial);
			await new Promise((r) => setTimeout(r, 50));
			socket.destroy();
		}
		await expectUp();
	});

	it('survives byte ranges it cannot satisfy', async () => {
		for (const range of ['bytes=5-2', 'bytes=-5', 'bytes=abc', 'bytes=0-0', 'bytes=999999999-', 'bytes=1-2,3-4', 'bytes=99999999999999999999-1']) {
			const reply = await get('/', { Range: range });
			expect(reply.status !== null && [200, 206, 416].includes(reply.status), `Range: ${range} → ${reply.status}`).toBe(true);
		}
		const ok = await get('/', { Range: 'bytes=0-4' });
		expect(ok.status).toBe(206);
		expect(ok.body.toString()).toBe(HOME.slice(0, 5));
		await expectUp();
	});

	it('answers a 100 KB URL and header floods with a 4xx, and stays up', async () => {
		const long = await get(`/${'a'.repeat(100 * 1024)}`);
		expect(long.status === null || (long.status >= 400 && long.status < 500), `100 KB URL → ${long.status}`).toBe(true);
		const many = Array.from({ length: 5000 }, (_, i) => `X-Flood-${i}: ${'v'.repeat(20)}\r\n`).join('');
		const flood = await raw(`GET / HTTP/1.1\r\nHost: localhost\r\n${many}Connection: close\r\n\r\n`);
		expect(flood.status === null || (flood.status >= 400 && flood.status < 500), `5000 headers → ${flood.status}`).toBe(true);
		const big = await raw(`GET / HTTP/1.1\r\nHost: localhost\r\nCookie: ${'c'.repeat(64 * 1024)}\r\nConnection: close\r\n\r\n`);
		expect(big.status === null || (big.status >= 400 && big.status < 500), `64 KB header → ${big.status}`).toBe(true);
		// Within the limits, many small headers are fine.
		const some = Array.from({ length: 50 }, (_, i) => `X-Some-${i}: v\r\n`).join('');
		expect((await raw(`GET / HTTP/1.1\r\nHost: localhost\r\n${some}Connection: close\r\n\r\n`)).status).toBe(200);
		// Many connections at once.
		const parallel = await Promise.all(Array.from({ length: 40 }, () => get('/')));
		expect(parallel.every((r) => r.status === 200)).toBe(true);
		await expectUp();
	});
});

describe('methods', () => {
	it('answers every method but GET and HEAD with 405 and Allow', async () => {
		for (const method of ['POST', 'PUT', 'DELETE', 'OPTIONS', 'TRACE', 'PATCH']) {
			for (const path of ['/', '/nope', '/sources']) {
				const reply = await raw(`${method} ${path} HTTP/1.1\r\nHost: localhost\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc`);
				expect(reply.status, `${method} ${path}`).toBe(405);
				expect(reply.headers.allow, `${method} ${path}`).toMatch(/^GET, HEAD$/);
				expect(reply.body.toString(), `${method} ${path}`).not.toContain('home page');
			}
		}
		const connectReply = await raw('CONNECT evil.example:443 HTTP/1.1\r\nHost: evil.example:443\r\n\r\n');
		expect(connectReply.status, 'CONNECT').toBe(405);
		expect(connectReply.headers.allow, 'CONNECT').toBe('GET, HEAD');
		await expectUp();
	});
});

describe('no way out of the site folder', () => {
	const escapes = [
		'/..%2fsite-private%2fsecret.txt',
		'/..%2Fsite-private%2Fsecret.txt',
		'/%2e%2e%2fsite-private%2fsecret.txt',
		'/%2e%2e/site-private/secret.txt',
		'/../site-private/secret.txt',
		'/../secret.txt',
		'/..%2fsecret.txt',
		'/%2e%2e%2fsecret.txt',
		'/.%2e/secret.txt',
		'/chapters/..%2f..%2f..%2fsite-private%2fsecret.txt',
		'/chapters/../../site-private/secret.txt',
		'/%252e%252e%252fsite-private%252fsecret.txt',
		'/..%252fsite-private%252fsecret.txt',
		'/..%5csite-private%5csecret.txt',
		'/..\\site-private\\secret.txt',
		'/%c0%ae%c0%ae%c0%afsite-private%c0%afsecret.txt',
		'/..%2fsite-private%2fsecret.txt%00',
		'//..%2fsite-private%2fsecret.txt',
		'http://localhost/..%2fsite-private%2fsecret.txt',
		'http://localhost/../site-private/secret.txt'
	];

	it('never serves a file outside the folder, however the path is encoded', async () => {
		for (const path of escapes) {
			for (const encoding of ['identity', 'br, gzip']) {
				const reply = await get(path, { 'Accept-Encoding': encoding });
				expect(reply.body.toString('latin1'), path).not.toContain(SECRET);
				expect(reply.status, path).not.toBe(200);
			}
		}
		await expectUp();
	});
});

describe('no redirect off the site', () => {
	it('never answers with a Location on another host', async () => {
		const shapes = [
			'/.//evil.example/..%2fsources',
			'//evil.example/..%2fsources',
			'///evil.example/..%2fsources',
			'/\\evil.example/..%2fsources',
			'/%2fevil.example/..%2fsources',
			'/%5cevil.example/..%2fsources',
			'/%2f%2fevil.example',
			'//evil.example',
			'/./sources',
			'http://evil.example/sources',
			'http://evil.example//evil.example/..%2fsources',
			'/sources?next=//evil.example',
			'/chapters/one?%0d%0aLocation:%20//evil.example'
		];
		for (const path of shapes) {
			const reply = await get(path);
			expect(reply.status === null || reply.status < 500, path).toBe(true);
			if (reply.headers.location !== undefined) expect(reply.headers.location, path).toMatch(/^\/(?![/\\])/);
		}
		expect((await get('http://evil.example/sources')).headers.location).toBe('/sources/');
		await expectUp();
	});
});

describe('across every response of the run', () => {
	it('no response carried the secret', () => {
		expect(replies.length).toBeGreaterThan(100);
		expect(replies.filter((r) => r.raw.toString('latin1').includes(SECRET)).map((r) => r.request)).toEqual([]);
	});

	it('no Location header left the site', () => {
		const located = replies.filter((r) => r.headers.location !== undefined);
		expect(located.length).toBeGreaterThan(0);
		expect(located.filter((r) => !/^\/(?![/\\])/.test(r.headers.location!)).map((r) => `${r.request} → ${r.headers.location}`)).toEqual([]);
	});

	it('every response carried the security headers, errors included', () => {
		const answered = replies.filter((r) => r.status !== null);
		expect(answered.some((r) => r.status === 400)).toBe(true);
		expect(answered.some((r) => r.status === 404)).toBe(true);
		expect(answered.some((r) => r.status === 405)).toBe(true);
		const missing = answered.filter(
			(r) => r.headers['x-content-type-options'] !== 'nosniff' || !/frame-ancestors/.test(r.headers['content-security-policy'] ?? '') || !r.headers['referrer-policy']
		);
		expect(missing.map((r) => `${r.request.slice(0, 60)} → ${r.status}`)).toEqual([]);
	});

	it('every request got an answer or a closed connection, never a hang or a 5xx', () => {
		expect(replies.filter((r) => r.timedOut).map((r) => r.request.slice(0, 60))).toEqual([]);
		expect(replies.filter((r) => r.status !== null && r.status >= 500).map((r) => `${r.request.slice(0, 60)} → ${r.status}`)).toEqual([]);
	});
});

it('reads the secret it guards (the suite would otherwise prove nothing)', () => {
	expect(readFileSync(join(`${site}-private`, 'secret.txt'), 'utf8')).toBe(SECRET);
});
