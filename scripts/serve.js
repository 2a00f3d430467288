// Serves the production build as a static host would (see tools/server.js): `npm start`,
// `npm run preview` and the browser tests run it.
// Usage: node scripts/serve.js [--port 4173] [--dir build] [--host 127.0.0.1]
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { serveSite } from '../tools/server.js';

const { values } = parseArgs({
	options: {
		port: { type: 'string', default: process.env.PORT ?? '4173' },
		dir: { type: 'string', default: 'build' },
		host: { type: 'string', default: '127.0.0.1' }
	}
});
const root = resolve(values.dir);
if (!existsSync(join(root, 'index.html'))) {
	console.error(`No site in ${root}: run npm run build first.`);
	process.exit(1);
}

const { server, port } = await serveSite(root, { port: Number(values.port), host: values.host });
console.log(`Frontera is served at http://${values.host === '127.0.0.1' ? 'localhost' : values.host}:${port}/`);
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.once(signal, () => server.close(() => process.exit(0)).closeAllConnections());
