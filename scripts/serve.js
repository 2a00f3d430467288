// A plain static file server for the production build, as any static host would serve it:
// /path/ maps to /path/index.html, nothing is rewritten, unknown paths get 404.html.
// Usage: node scripts/serve.js [--port 4173] [--dir build]
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
	options: { port: { type: 'string', default: process.env.PORT ?? '4173' }, dir: { type: 'string', default: 'build' }, host: { type: 'string', default: '127.0.0.1' } }
});
const root = resolve(values.dir);
if (!existsSync(join(root, 'index.html'))) {
	console.error(`No site in ${root}: run npm run build first.`);
	process.exit(1);
}

const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.geojson': 'application/geo+json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.txt': 'text/plain; charset=utf-8',
	'.woff2': 'font/woff2',
	'.xml': 'application/xml',
	'.webmanifest': 'application/manifest+json'
};

function fileFor(urlPath) {
	let path;
	try {
		path = decodeURIComponent(urlPath);
	} catch {
		return null;
	}
	const full = normalize(join(root, path));
	if (!full.startsWith(root)) return null;
	if (existsSync(full) && statSync(full).isFile()) return full;
	if (path.endsWith('/') && existsSync(join(full, 'index.html'))) return join(full, 'index.html');
	return null;
}

const server = createServer((req, res) => {
	const url = new URL(req.url ?? '/', 'http://localhost');
	const found = fileFor(url.pathname);
	// A directory asked for without its slash gets the slash, as static hosts do.
	if (!found && !url.pathname.endsWith('/') && fileFor(url.pathname + '/')) {
		res.writeHead(301, { location: url.pathname + '/' + url.search });
		return res.end();
	}
	const file = found ?? join(root, '404.html');
	const status = found ? 200 : 404;
	if (!existsSync(file)) {
		res.writeHead(404, { 'content-type': 'text/plain' });
		return res.end('Not found');
	}
	res.writeHead(status, {
		'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
		'cache-control': file.includes('/_app/immutable/') ? 'public, max-age=31536000, immutable' : 'no-cache'
	});
	createReadStream(file).pipe(res);
});

server.listen(Number(values.port), values.host, () => {
	console.log(`Frontera is served at http://${values.host === '127.0.0.1' ? 'localhost' : values.host}:${values.port}/`);
});
