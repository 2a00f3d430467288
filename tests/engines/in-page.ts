// Functions the engine suites run inside the page (EnginePage.evaluate). Each is sent as its
// source text, so it refers to nothing outside its own body: constants come in as arguments.
// Elements are found by role, accessible name and the documented data- attributes (the map's
// contract, data-layer), never by the markup's classes, which change with the design.

type Watch = { errors: string[] };

/**
 * In a document that has just started loading (and only there), listens for what a console
 * would show as an error. Returns how many scripts the page had asked for by then: listening
 * must begin before the page's own scripts run for the check to mean anything.
 */
export function watchErrors(): { installed: boolean; scriptsBefore: number } {
	const w = window as unknown as { __engineWatch?: Watch };
	if (location.href === 'about:blank' || w.__engineWatch) return { installed: false, scriptsBefore: 0 };
	const watch: Watch = { errors: [] };
	w.__engineWatch = watch;
	const text = (value: unknown) => (value instanceof Error ? `${value.name}: ${value.message}` : String(value));
	const original = console.error.bind(console);
	console.error = (...args: unknown[]) => {
		watch.errors.push(`console: ${args.map(text).join(' ')}`);
		original(...args);
	};
	addEventListener(
		'error',
		(event) => {
			const target = event.target as (Element & { src?: string; href?: string }) | null;
			if (event instanceof ErrorEvent) watch.errors.push(`uncaught: ${event.message}`);
			else if (target && target !== (window as unknown)) watch.errors.push(`failed to load: <${target.localName}> ${target.src || target.href || ''}`);
		},
		true
	);
	addEventListener('unhandledrejection', (event) => watch.errors.push(`unhandled rejection: ${text(event.reason)}`));
	document.addEventListener('securitypolicyviolation', (event) => watch.errors.push(`content security policy: ${event.violatedDirective} ${event.blockedURI}`));
	const scriptsBefore = performance.getEntriesByType('resource').filter((e) => /\.m?js(\?|$)/.test(e.name)).length;
	return { installed: true, scriptsBefore };
}

/** What watchErrors heard since the last call. */
export function takeErrors(): string[] {
	const watch = (window as unknown as { __engineWatch?: Watch }).__engineWatch;
	return watch ? watch.errors.splice(0) : [];
}

/** Whether the engine gives pages WebGL2, and on what. */
export function webgl2(): { webgl2: boolean; renderer: string } {
	const gl = document.createElement('canvas').getContext('webgl2');
	return { webgl2: !!gl, renderer: gl ? String(gl.getParameter(gl.RENDERER)) : '' };
}

/** The map's reported state: the attributes of its contract (passed in: MAP_CONTAINER, MAP_ATTRIBUTES). */
export function mapReport(container: string, attributes: Record<string, string>): Record<string, string | null> {
	const el = document.querySelector(container);
	return Object.fromEntries(Object.entries(attributes).map(([key, name]) => [key, el ? el.getAttribute(name) : null]));
}

/** Where an element is in the viewport, in CSS pixels, and the device pixel ratio. */
export function rectOf(selector: string): { x: number; y: number; width: number; height: number; ratio: number } | null {
	const el = document.querySelector(selector);
	if (!el) return null;
	const r = el.getBoundingClientRect();
	return { x: r.x, y: r.y, width: r.width, height: r.height, ratio: devicePixelRatio };
}

/**
 * Scrolls a chapter to the reading line, as a reader's scrolling would, and again if it moved
 * there as the chapters around it were laid out (content-visibility) after the jump.
 */
export async function scrollToChapter(slug: string): Promise<void> {
	const el = document.getElementById(slug)!;
	const line = () => window.innerHeight * 0.3;
	for (let i = 0; i < 5 && Math.abs(el.getBoundingClientRect().top - line()) > 2; i++) {
		window.scrollTo({ top: el.getBoundingClientRect().top + window.scrollY - line(), behavior: 'instant' });
		await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
	}
}

/** Whether a chapter's heading is on screen. */
export function chapterInView(slug: string): boolean {
	const heading = document.getElementById(slug)?.querySelector('h1, h2, h3');
	if (!heading) return false;
	const r = heading.getBoundingClientRect();
	return r.bottom > 0 && r.top < innerHeight;
}

/**
 * Marks the visible element of `role` whose accessible name matches `name` (a regular
 * expression's source) with data-engine-target, for a real click; false if there is none.
 * The name is read as a screen reader would in the common cases: aria-label, aria-labelledby,
 * else the rendered text.
 */
export function markByRole(role: 'button' | 'region', name: string): boolean {
	for (const el of document.querySelectorAll('[data-engine-target]')) el.removeAttribute('data-engine-target');
	const accessibleName = (el: Element) => {
		const labelledBy = el.getAttribute('aria-labelledby');
		if (labelledBy) return labelledBy.split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
		return el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? el.textContent ?? '';
	};
	const candidates = role === 'button' ? document.querySelectorAll('button, [role="button"]') : document.querySelectorAll('[role="region"], section[aria-label], section[aria-labelledby]');
	const pattern = new RegExp(name);
	const found = [...candidates].find((el) => el.checkVisibility() && pattern.test(accessibleName(el).replace(/\s+/g, ' ').trim()));
	found?.setAttribute('data-engine-target', '');
	return !!found;
}

/**
 * The toggle of a layer (a button with data-layer and aria-pressed) and whether it can be
 * clicked; where it is folded away, the disclosure button that shows it is marked
 * data-engine-target instead.
 */
export function layerToggle(layer: string): { exists: boolean; pressed: string | null; visible: boolean; opener: boolean } {
	for (const el of document.querySelectorAll('[data-engine-target]')) el.removeAttribute('data-engine-target');
	const toggle = document.querySelector(`[data-layer="${layer}"][aria-pressed]`);
	if (!toggle) return { exists: false, pressed: null, visible: false, opener: false };
	const visible = toggle.checkVisibility();
	let opener = false;
	if (!visible)
		for (const button of document.querySelectorAll('[aria-expanded="false"][aria-controls]')) {
			const panel = document.getElementById(button.getAttribute('aria-controls')!);
			if (panel?.contains(toggle) && button.checkVisibility()) {
				button.setAttribute('data-engine-target', '');
				opener = true;
				break;
			}
		}
	return { exists: true, pressed: toggle.getAttribute('aria-pressed'), visible, opener };
}

/** The state of the map picture (the still map at first paint, and the map without WebGL). */
export function picture(timing: string): { src: string; loaded: boolean; visible: boolean } | null {
	const img = document.querySelector<HTMLImageElement>(`img[elementtiming="${timing}"]`);
	if (!img) return null;
	const style = getComputedStyle(img);
	const r = img.getBoundingClientRect();
	const visible = img.checkVisibility() && Number(style.opacity) > 0.5 && r.width > 0 && r.height > 0;
	return { src: img.currentSrc, loaded: img.complete && img.naturalWidth > 0, visible };
}

/** How far the page can scroll sideways (0 where it never does), once chapters near the screen are laid out. */
export async function sidewaysScroll(): Promise<number> {
	await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
	const root = document.scrollingElement ?? document.documentElement;
	const before = root.scrollLeft;
	window.scrollBy({ left: 400, behavior: 'instant' });
	const moved = Math.max(root.scrollLeft, window.scrollX) - before;
	window.scrollTo({ left: 0, top: window.scrollY, behavior: 'instant' });
	return Math.max(moved, root.scrollWidth - root.clientWidth);
}

/** How many resources the page has fetched. */
export function resourceCount(): number {
	return performance.getEntriesByType('resource').length;
}

/** Resources the page fetched from another origin (none may be). */
export function offsiteResources(): string[] {
	return performance
		.getEntriesByType('resource')
		.map((e) => e.name)
		.filter((url) => /^https?:/.test(url) && new URL(url).origin !== location.origin);
}

/** Starts a record of the elements focus reaches, and moves focus to the top of the page. */
export function trackFocus(): void {
	(window as unknown as { __focusSeen?: Set<Element> }).__focusSeen = new Set<Element>();
	(document.activeElement as HTMLElement | null)?.blur();
	window.scrollTo({ top: 0, behavior: 'instant' });
}

/**
 * Adds the focused element to the record. (Asked after each key press rather than heard from
 * focus events: a window without the system's focus, as Firefox's under a virtual display, fires none.)
 */
export function noteFocus(): void {
	const seen = (window as unknown as { __focusSeen?: Set<Element> }).__focusSeen;
	if (seen && document.activeElement && document.activeElement !== document.body) seen.add(document.activeElement);
}

/**
 * The controls a keyboard user must be able to reach (visible, enabled, in the tab order) that
 * focus has not reached since trackFocus. A radio group counts once, as Tab enters it once.
 */
export function unreachedControls(): { controls: number; reached: number; missing: string[] } {
	const seen = (window as unknown as { __focusSeen?: Set<Element> }).__focusSeen ?? new Set<Element>();
	const selector = 'a[href], button, input, select, textarea, summary, iframe, [tabindex], [contenteditable="true"]';
	const controls = [...document.querySelectorAll<HTMLElement>(selector)].filter(
		(el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && !el.closest('[inert]') && el.checkVisibility({ visibilityProperty: true } as CheckVisibilityOptions)
	);
	const reached = (el: HTMLElement) => {
		if (seen.has(el)) return true;
		const radio = el as HTMLInputElement;
		return radio.type === 'radio' && !!radio.name && [...seen].some((s) => (s as HTMLInputElement).type === 'radio' && (s as HTMLInputElement).name === radio.name);
	};
	const describe = (el: HTMLElement) => `<${el.localName}> “${(el.getAttribute('aria-label') ?? el.innerText ?? '').replace(/\s+/g, ' ').trim().slice(0, 60)}”${el.closest('[id]') ? ` in #${el.closest('[id]')!.id}` : ''}`;
	const missing = controls.filter((el) => !reached(el));
	return { controls: controls.length, reached: controls.length - missing.length, missing: missing.map(describe) };
}
