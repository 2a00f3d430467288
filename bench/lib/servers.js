// The bench's static servers: each build and its floors served by tools/server.js, as
// `npm run preview` serves the build (precompressed copies included), on a free loopback port.
import { serveSite } from '../../tools/server.js';
import { log } from './log.js';

/** @type {import('node:http').Server[]} */
const running = [];

/** Serves `dir`; resolves with its origin ("http://127.0.0.1:40123"). @param {string} dir */
export async function serve(dir) {
	const { server, url } = await serveSite(dir, { port: 0, host: '127.0.0.1', onError: (error) => log(`server for ${dir}:`, error) });
	running.push(server);
	return url;
}

/** Stops every server started by serve(). */
export async function stopServers() {
	await Promise.all(running.splice(0).map((server) => new Promise((resolve) => server.close(resolve).closeAllConnections())));
}

/** A URL's path and query, without the origin of a bench server. @param {string} url */
export const pathOf = (url) => url.replace(/^https?:\/\/[^/]+/, '');
