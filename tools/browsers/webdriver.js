// A small client for classic WebDriver over HTTP (W3C WebDriver), enough to drive WebKit's
// WebKitWebDriver: it speaks no WebDriver BiDi, so Puppeteer cannot drive it, and a dozen
// commands over fetch are all the tests need.

/** The key WebDriver names an element reference by. */
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';

/** Key codes of the WebDriver spec's keyboard table. */
export const KEYS = /** @type {const} */ ({ Tab: '\uE004', Enter: '\uE007', Escape: '\uE00C', Shift: '\uE008' });

/**
 * @param {string} url
 * @param {string} method
 * @param {unknown} [body]
 * @returns {Promise<any>}
 */
async function call(url, method, body) {
	const response = await fetch(url, {
		method,
		headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const { value } = /** @type {{ value: any }} */ (await response.json());
	if (value && typeof value === 'object' && 'error' in value) throw new Error(`WebDriver ${method} ${new URL(url).pathname}: ${value.error}: ${value.message}`);
	return value;
}

export class WebDriverSession {
	/** @param {string} driver the driver's origin @param {string} id @param {Record<string, unknown>} capabilities */
	constructor(driver, id, capabilities) {
		this.driver = driver;
		this.id = id;
		/** What the driver granted: browserName, browserVersion… */
		this.capabilities = capabilities;
	}

	/** @param {string} driver @param {Record<string, unknown>} capabilities */
	static async start(driver, capabilities) {
		const value = await call(`${driver}/session`, 'POST', { capabilities: { alwaysMatch: capabilities } });
		return new WebDriverSession(driver, value.sessionId, value.capabilities);
	}

	/** @param {string} method @param {string} path @param {unknown} [body] */
	send(method, path, body) {
		return call(`${this.driver}/session/${this.id}${path}`, method, body);
	}

	/** @param {string} url */
	navigate(url) {
		return this.send('POST', '/url', { url });
	}

	/**
	 * Runs a function in the page with JSON arguments; a promise it returns is awaited.
	 * @param {Function} fn
	 * @param {unknown[]} args
	 */
	execute(fn, args) {
		return this.send('POST', '/execute/sync', { script: `return (${fn.toString()}).apply(null, arguments);`, args });
	}

	/** The viewport as PNG. @returns {Promise<Buffer>} */
	async screenshot() {
		return Buffer.from(await this.send('GET', '/screenshot'), 'base64');
	}

	/** The window's outer size. @param {number} width @param {number} height */
	setWindowSize(width, height) {
		return this.send('POST', '/window/rect', { width, height });
	}

	/** A real click at the middle of the first element matching `selector`, scrolled into view first. @param {string} selector */
	async click(selector) {
		const element = await this.send('POST', '/element', { using: 'css selector', value: selector });
		await this.send('POST', `/element/${element[ELEMENT]}/click`, {});
	}

	/** Presses one key of KEYS, with Shift held when asked. @param {keyof typeof KEYS} key @param {{ shift?: boolean }} [options] */
	press(key, { shift = false } = {}) {
		const down = (/** @type {string} */ value) => ({ type: 'keyDown', value });
		const up = (/** @type {string} */ value) => ({ type: 'keyUp', value });
		const actions = shift ? [down(KEYS.Shift), down(KEYS[key]), up(KEYS[key]), up(KEYS.Shift)] : [down(KEYS[key]), up(KEYS[key])];
		return this.send('POST', '/actions', { actions: [{ type: 'key', id: 'keyboard', actions }] });
	}

	close() {
		return call(`${this.driver}/session/${this.id}`, 'DELETE');
	}
}
