/**
 * The reader's layer choices, kept in the query string as `?layers=refuge,-surveillance`:
 * a name switches a layer on, a name with a leading minus switches it off, whatever the
 * chapter would show. Layers the reader has not touched follow the story. A selected feature
 * (`?select=`, or a selection made on the map) is always shown: its layer is switched on as if
 * the reader had, and the address then says so (`layersWith`).
 */
export interface LayerOverrides {
	on: string[];
	off: string[];
}

export const NO_OVERRIDES: LayerOverrides = { on: [], off: [] };

/** Reads `?layers=` from a query string. Unknown names, junk and duplicates are ignored. */
export function parseLayers(search: string | URLSearchParams, known: ReadonlySet<string>): LayerOverrides {
	const params = typeof search === 'string' ? new URLSearchParams(search) : search;
	const on = new Set<string>();
	const off = new Set<string>();
	for (const value of params.getAll('layers')) {
		for (const raw of value.split(',')) {
			const item = raw.trim();
			const name = item.startsWith('-') ? item.slice(1) : item;
			if (!known.has(name)) continue;
			if (item.startsWith('-')) {
				off.add(name);
				on.delete(name);
			} else {
				on.add(name);
				off.delete(name);
			}
		}
	}
	return { on: [...on].sort(), off: [...off].sort() };
}

/** The query string for a set of overrides, keeping every other parameter as it was. */
export function withLayers(search: string, overrides: LayerOverrides): string {
	const params = new URLSearchParams(search);
	const value = [...overrides.on, ...overrides.off.map((id) => `-${id}`)].join(',');
	if (value) params.set('layers', value);
	else params.delete('layers');
	const text = params.toString().replace(/%2C/g, ',');
	return text ? `?${text}` : '';
}

/** The layers visible in a chapter once the reader's choices are applied. */
export function visibleLayers(chapterLayers: readonly string[], overrides: LayerOverrides): string[] {
	const off = new Set(overrides.off);
	return [...new Set([...chapterLayers, ...overrides.on])].filter((id) => !off.has(id));
}

/** The overrides after the reader flips one layer, given what the chapter shows. */
export function toggleLayer(id: string, chapterLayers: readonly string[], overrides: LayerOverrides): LayerOverrides {
	const visible = visibleLayers(chapterLayers, overrides).includes(id);
	const byDefault = chapterLayers.includes(id);
	const on = overrides.on.filter((x) => x !== id);
	const off = overrides.off.filter((x) => x !== id);
	if (visible && !byDefault) return { on, off };
	if (visible) return { on, off: [...off, id].sort() };
	if (byDefault) return { on, off };
	return { on: [...on, id].sort(), off };
}

/** The overrides with one layer visible: unchanged when it already is, else the reader's switch. */
export function layersWith(id: string, chapterLayers: readonly string[], overrides: LayerOverrides): LayerOverrides {
	return visibleLayers(chapterLayers, overrides).includes(id) ? overrides : toggleLayer(id, chapterLayers, overrides);
}
