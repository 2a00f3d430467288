import { describe, expect, it } from 'vitest';
import { layersWith, parseLayers, toggleLayer, visibleLayers, withLayers } from './layers';

const known = new Set(['enforcement', 'surveillance', 'refuge', 'route']);

describe('parseLayers', () => {
	it('reads names to switch on and minus-names to switch off', () => {
		expect(parseLayers('?layers=refuge,-surveillance', known)).toEqual({ on: ['refuge'], off: ['surveillance'] });
	});

	it('ignores unknown names, junk, script text and empty items', () => {
		const junk = '?layers=' + encodeURIComponent('<script>alert(1)</script>,,refuge,--route,-,%zz,constructor,__proto__');
		expect(parseLayers(junk, known)).toEqual({ on: ['refuge'], off: [] });
		expect(parseLayers('?layers', known)).toEqual({ on: [], off: [] });
		expect(parseLayers('?other=1', known)).toEqual({ on: [], off: [] });
	});

	it('lets the last mention of a layer win', () => {
		expect(parseLayers('?layers=refuge,-refuge', known)).toEqual({ on: [], off: ['refuge'] });
		expect(parseLayers('?layers=-refuge&layers=refuge', known)).toEqual({ on: ['refuge'], off: [] });
	});
});

describe('withLayers', () => {
	it('writes a readable, stable parameter and keeps other parameters', () => {
		expect(withLayers('?x=1', { on: ['refuge'], off: ['route'] })).toBe('?x=1&layers=refuge,-route');
	});

	it('removes the parameter when there is nothing to override', () => {
		expect(withLayers('?layers=refuge', { on: [], off: [] })).toBe('');
	});

	it('round-trips through parseLayers', () => {
		const overrides = { on: ['enforcement', 'refuge'], off: ['surveillance'] };
		expect(parseLayers(withLayers('', overrides), known)).toEqual(overrides);
	});
});

describe('toggleLayer and visibleLayers', () => {
	const chapter = ['enforcement', 'surveillance'];

	it('switches off a layer the chapter shows, and back on', () => {
		const off = toggleLayer('surveillance', chapter, { on: [], off: [] });
		expect(off).toEqual({ on: [], off: ['surveillance'] });
		expect(visibleLayers(chapter, off)).toEqual(['enforcement']);
		expect(toggleLayer('surveillance', chapter, off)).toEqual({ on: [], off: [] });
	});

	it('switches on a layer the chapter hides, and back off', () => {
		const on = toggleLayer('refuge', chapter, { on: [], off: [] });
		expect(visibleLayers(chapter, on)).toEqual(['enforcement', 'surveillance', 'refuge']);
		expect(toggleLayer('refuge', chapter, on)).toEqual({ on: [], off: [] });
	});

	it('keeps a reader’s choice when the chapter changes', () => {
		const overrides = toggleLayer('refuge', chapter, { on: [], off: [] });
		expect(visibleLayers(['route'], overrides)).toEqual(['route', 'refuge']);
	});
});

describe('layersWith', () => {
	const chapter = ['borders'];

	it('switches on the layer of a selected feature, and the address says so', () => {
		const on = layersWith('enforcement', chapter, { on: [], off: [] });
		expect(visibleLayers(chapter, on)).toEqual(['borders', 'enforcement']);
		expect(withLayers('?select=merida-initiative', on)).toBe('?select=merida-initiative&layers=enforcement');
	});

	it('overrules a ?layers= that switched it off, keeping the reader’s other choices', () => {
		const overrides = { on: ['refuge'], off: ['enforcement'] };
		expect(layersWith('enforcement', ['enforcement'], overrides)).toEqual({ on: ['refuge'], off: [] });
	});

	it('changes nothing when the layer is already visible', () => {
		const overrides = { on: ['refuge'], off: [] };
		expect(layersWith('refuge', chapter, overrides)).toBe(overrides);
		expect(layersWith('borders', chapter, overrides)).toBe(overrides);
	});
});
