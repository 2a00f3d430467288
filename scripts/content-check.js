// A Vite plugin that checks the story's content before anything is built, so that a journalist's
// mistake is reported once, first and plainly, as `file:line:column: field: what is wrong, and
// what to do`, with no stack trace and a non-zero exit (`npm run build`), or in the browser's
// error overlay (`npm run dev`, again after each change to content, seeds or geo data).
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

/** The one build-time loader: loading it builds and checks the whole story. */
const SITE = '/src/lib/server/site.ts';
const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CONTENT = /[\\/](?:src[\\/]content|seeds|geo)[\\/]/;

/** @param {unknown} error @returns {error is Error & { file: string, line?: number, column?: number }} */
const isContentError = (error) => error instanceof Error && error.name === 'ContentError';

/** @returns {import('vite').Plugin} */
export function contentCheck() {
	let building = false;
	return {
		name: 'frontera-content',
		config(_, env) {
			building = env.command === 'build';
		},
		async buildStart() {
			if (!building) return;
			// SvelteKit runs a client and a server build; checking once is enough.
			building = false;
			const { module } = await runnerImport(SITE, {
				root: ROOT,
				configFile: false,
				logLevel: 'silent',
				resolve: { alias: [{ find: /^\$lib/, replacement: `${ROOT}src/lib` }] }
			});
			try {
				/** @type {{ site(): unknown }} */ (module).site();
			} catch (error) {
				if (!isContentError(error)) throw error;
				process.stderr.write(`\n${error.message}\n\n`);
				process.exit(1);
			}
		},
		configureServer(server) {
			/** @type {import('vite').ErrorPayload['err'] | null} */
			let current = null;
			const check = async () => {
				try {
					const site = /** @type {{ site(): unknown }} */ (await server.ssrLoadModule(SITE));
					site.site();
					if (current) server.ws.send({ type: 'full-reload' });
					current = null;
				} catch (error) {
					if (!isContentError(error)) return;
					current = {
						message: error.message,
						stack: '',
						plugin: 'frontera-content',
						id: error.file,
						loc: error.line ? { file: error.file, line: error.line, column: error.column ?? 1 } : undefined
					};
					server.config.logger.error(error.message);
					server.ws.send({ type: 'error', err: current });
				}
			};
			// A page opened after the error still shows it.
			server.ws.on('connection', () => {
				if (current) server.ws.send({ type: 'error', err: current });
			});
			server.watcher.on('all', (_event, file) => {
				// After Vite has invalidated the changed module, so the story is built afresh.
				if (CONTENT.test(file)) setTimeout(check, 100);
			});
			server.httpServer?.once('listening', () => void check());
		}
	};
}
