// The static file server for the production build, as a static host serves it. Files come from
// sirv (what Vite's preview uses); this module adds what a host adds around them:
// - /path/ is /path/index.html; /path (a folder without its slash) redirects to /path/, always
//   to a same-origin path built from the folder's own name, never from the request;
// - unknown paths get 404.html with status 404;
// - GET and HEAD only: any other method gets 405 with Allow;
// - security headers on every response, errors included;
// - the .br and .gz copies written by the build (precompress), with Content-Encoding and Vary;
// - /_app/immutable/ (hashed names) cached for a year, everything else revalidated;
// - no request, however malformed, stops the process.
// The list of files is read once, when the server is created (as a deploy is fixed): restart it
// after a new build. Used by scripts/serve.js (npm start, npm run preview, Playwright) and the bench.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import sirv from 'sirv';

/** Headers every response carries. The pages' own policy is in a <meta> tag; `frame-ancestors` only works as a header. */
export const SECURITY_HEADERS = {
	'X-Content-Type-Options': 'nosniff',
	'Content-Security-Policy': "frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'",
	'Referrer-Policy': 'strict-origin-when-cross-origin',
	'X-Frame-Options': 'DENY',
	'Cross-Origin-Opener-Policy': 'same-origin'
};

export const ALLOWED_METHODS = 'GET, HEAD';
const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/** Content types with a charset, and the ones sirv's table lacks. */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.md': 'text/markdown; charset=utf-8',
	'.json': 'application/json',
	'.geojson': 'application/geo+json',
	'.webmanifest': 'application/manifest+json'
};

/** @param {string} path */
function typeOf(path) {
	const dot = path.lastIndexOf('.');
	return dot > path.lastIndexOf('/') ? /** @type {Record<string, string>} */ (TYPES)[path.slice(dot).toLowerCase()] : undefined;
}

/**
 * Site paths of the folders that hold an index.html ("/", "/chapters/x/"), following symlinks as
 * sirv does, skipping dot-folders (sirv does not serve them).
 * @param {string} root
 */
function folderPages(root) {
	/** @type {Set<string>} */
	const out = new Set();
	/** @param {string} dir @param {string} path @param {number} depth */
	const walk = (dir, path, depth) => {
		if (depth > 32) return;
		if (existsSync(join(dir, 'index.html'))) out.add(path);
		for (const name of readdirSync(dir)) {
			if (name.startsWith('.')) continue;
			const full = join(dir, name);
			if (statSync(full).isDirectory()) walk(full, `${path}${name}/`, depth + 1);
		}
	};
	walk(root, '/', 0);
	return out;
}

/**
 * The path of a request target: origin-form ("/a/b?q") as it is; absolute-form
 * ("http://host/a/b?q", which HTTP/1.1 servers must accept) without its scheme and host.
 * Null for anything else ("*", "a/b", "//host" is a path here and stays one).
 * @param {string | undefined} target
 * @returns {{ path: string, search: string } | null}
 */
export function parseTarget(target) {
	if (!target) return null;
	let rest = target;
	if (!rest.startsWith('/')) {
		const absolute = /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(rest);
		if (!absolute) return null;
		rest = rest.slice(absolute[0].length);
		if (!rest.startsWith('/')) rest = `/${rest}`;
	}
	const hash = rest.indexOf('#');
	if (hash !== -1) rest = rest.slice(0, hash);
	const q = rest.indexOf('?');
	return q === -1 ? { path: rest, search: '' } : { path: rest.slice(0, q), search: rest.slice(q) };
}

/** @param {string} path */
function decodePath(path) {
	// As sirv decodes: decodeURI keeps %2F, %5C, %3F and %23 encoded, so they never become separators.
	try {
		return decodeURI(path);
	} catch {
		return path;
	}
}

/**
 * A valid single byte range ("bytes=10-" or "bytes=10-20"), else null: sirv's own range
 * handling trusts the header, and a range it cannot satisfy is better ignored (a 200 with
 * the whole file, as RFC 9110 allows).
 * @param {string | undefined} range
 */
function validRange(range) {
	const m = range ? /^bytes=(\d{1,15})-(\d{0,15})$/.exec(range.trim()) : null;
	if (!m) return null;
	if (m[2] && Number(m[2]) < Number(m[1])) return null;
	if (m[2] === '0') return null; // sirv reads an end of 0 as "to the end"
	return range;
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} text
 * @param {Record<string, string>} [headers]
 */
function plain(res, status, text, headers = {}) {
	const body = Buffer.from(`${text}\n`);
	res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': REVALIDATE, ...headers });
	res.end(body);
}

/** A complete raw response, for sockets that never became a request (client errors, CONNECT). @param {number} status @param {string} reason @param {Record<string, string>} [extra] */
function rawResponse(status, reason, extra = {}) {
	const body = `${reason}\n`;
	const headers = { ...SECURITY_HEADERS, ...extra, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' };
	return `HTTP/1.1 ${status} ${reason}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`;
}

/** The status a parser error deserves. @param {NodeJS.ErrnoException} error */
function clientErrorStatus(error) {
	if (error.code === 'HPE_HEADER_OVERFLOW') return [431, 'Request Header Fields Too Large'];
	if (error.code === 'ERR_HTTP_REQUEST_TIMEOUT' || error.code === 'HPE_HEADERS_TIMEOUT') return [408, 'Request Timeout'];
	return [400, 'Bad Request'];
}

/**
 * The request handler for a built site in `dir`.
 * @param {string} dir
 * @param {{ onError?: (error: unknown) => void }} [options]
 * @returns {(req: import('node:http').IncomingMessage, res: import('node:http').ServerResponse) => void}
 */
export function siteHandler(dir, { onError = () => {} } = {}) {
	const root = resolve(dir);
	const folders = folderPages(root);
	/** 404.html and its compressed copies, read once. @type {Record<string, Buffer>} */
	const notFound = {};
	for (const [encoding, suffix] of [['identity', ''], ['br', '.br'], ['gzip', '.gz']]) {
		const file = join(root, `404.html${suffix}`);
		if (existsSync(file)) notFound[/** @type {string} */ (encoding)] = readFileSync(file);
	}

	const files = sirv(root, {
		dev: false,
		etag: true,
		extensions: [],
		brotli: true,
		gzip: true,
		dotfiles: false,
		setHeaders(res, pathname) {
			res.setHeader('Cache-Control', pathname.startsWith('/_app/immutable/') ? IMMUTABLE : REVALIDATE);
			const type = typeOf(pathname);
			if (type) res.setHeader('Content-Type', type);
		},
		onNoMatch(req, res) {
			const accepts = String(req.headers['accept-encoding'] ?? '');
			const encoding = notFound.br && /\bbr\b/i.test(accepts) ? 'br' : notFound.gzip && /\bgzip\b/i.test(accepts) ? 'gzip' : 'identity';
			const body = notFound[encoding];
			if (!body) return plain(res, 404, 'Not Found');
			/** @type {Record<string, string | number>} */
			const headers = { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': body.length, 'Cache-Control': REVALIDATE, Vary: 'Accept-Encoding' };
			if (encoding !== 'identity') headers['Content-Encoding'] = encoding;
			res.writeHead(404, headers);
			res.end(body);
		}
	});

	return (req, res) => {
		try {
			for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
			// A file that vanished after the listing (a rebuild) fails its read stream: end the
			// response instead of leaving the error unhandled.
			res.on('pipe', (source) =>
				source.on('error', (/** @type {unknown} */ error) => {
					onError(error);
					res.destroy();
				})
			);
			if (req.method !== 'GET' && req.method !== 'HEAD') return plain(res, 405, 'Method Not Allowed', { Allow: ALLOWED_METHODS });
			const target = parseTarget(req.url);
			if (!target) return plain(res, 400, 'Bad Request');
			const path = decodePath(target.path);
			if (!path.endsWith('/') && folders.has(`${path}/`)) {
				// Built from the folder's own name (it starts with exactly one slash), never from the request.
				const location = encodeURI(`${path}/`) + (/^\?[\x21-\x7e]*$/.test(target.search) ? target.search : '');
				if (!/^\/(?![/\\])/.test(location)) return plain(res, 400, 'Bad Request');
				return plain(res, 301, 'Moved Permanently', { Location: location });
			}
			// sirv reads req.url: give it the path only, with index.html for a folder's page.
			req.url = folders.has(path) ? `${target.path}index.html` : target.path;
			if (!validRange(req.headers.range)) delete req.headers.range;
			files(req, res);
		} catch (error) {
			onError(error);
			if (!res.headersSent) plain(res, 500, 'Internal Server Error');
			else res.destroy();
		}
	};
}

/**
 * An HTTP server for the built site in `dir` (not yet listening). Malformed requests get a 400,
 * 408 or 431 and a closed connection; CONNECT gets 405; nothing a client sends ends the process.
 * @param {string} dir
 * @param {{ onError?: (error: unknown) => void }} [options]
 */
export function createSiteServer(dir, options = {}) {
	const onError = options.onError ?? ((/** @type {unknown} */ error) => console.error('[serve]', error));
	const server = createServer(siteHandler(dir, { onError }));
	// A client that trickles its headers or body is cut off well before Node's defaults (60 s, 300 s).
	server.headersTimeout = 15_000;
	server.requestTimeout = 30_000;
	server.on('clientError', (/** @type {NodeJS.ErrnoException} */ error, socket) => {
		if (error.code === 'ECONNRESET' || error.code === 'EPIPE' || !socket.writable) return socket.destroy();
		const [status, reason] = clientErrorStatus(error);
		socket.end(rawResponse(/** @type {number} */ (status), /** @type {string} */ (reason)));
	});
	server.on('connect', (_req, socket) => {
		socket.on('error', () => socket.destroy());
		socket.end(rawResponse(405, 'Method Not Allowed', { Allow: ALLOWED_METHODS }));
	});
	return server;
}

/**
 * Starts a server for `dir` on `port` (0: any free port) and `host`; resolves with its URL.
 * @param {string} dir
 * @param {{ port?: number, host?: string, onError?: (error: unknown) => void }} [options]
 * @returns {Promise<{ server: import('node:http').Server, url: string, port: number }>}
 */
export function serveSite(dir, { port = 0, host = '127.0.0.1', onError } = {}) {
	const server = createSiteServer(dir, { onError });
	return new Promise((resolveServe, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			server.off('error', reject);
			const address = server.address();
			const actual = typeof address === 'object' && address ? address.port : port;
			resolveServe({ server, url: `http://${host.includes(':') ? `[${host}]` : host}:${actual}`, port: actual });
		});
	});
}
