// borders.geojson: Mexico's international borders as lines, and the common border of any two
// countries for the border zones of the thematic layers, all from the same simplified topology.
import { mesh } from 'topojson-client';
import { COUNTRY_SOURCE_ID, MEX } from './countries.js';
import { cleanGeometry, featureCollection } from './geometry.js';

/** @typedef {import('./geometry.js').Pos} Pos */

/** International borders, each the mesh of arcs Mexico shares with the listed neighbours. */
const BORDERS = [
	{ id: 'mx-gt', name: 'Mexico–Guatemala and Belize border', neighbours: ['320', '084'] },
	{ id: 'mx-us', name: 'Mexico–United States border', neighbours: ['840'] }
];

/**
 * Joins lines that share endpoints. mesh() only stitches arcs head to tail, so two
 * border sections that both end at a tripoint come back as separate parts.
 * @param {Pos[][]} lines
 */
function joinLines(lines) {
	/** @param {Pos} a @param {Pos | undefined} b */
	const same = (a, b) => !!b && a[0] === b[0] && a[1] === b[1];
	const pending = lines.map((l) => [...l]);
	const out = [];
	while (pending.length) {
		let line = /** @type {Pos[]} */ (pending.shift());
		for (let i = 0; i < pending.length; ) {
			const other = /** @type {Pos[]} */ (pending[i]);
			const [head, tail] = [line[0], line[line.length - 1]];
			const [oHead, oTail] = [other[0], other[other.length - 1]];
			if (!head || !tail || !oHead || !oTail) throw new Error('geo: empty line');
			if (same(tail, oHead)) line = [...line, ...other.slice(1)];
			else if (same(tail, oTail)) line = [...line, ...other.slice(0, -1).reverse()];
			else if (same(head, oTail)) line = [...other, ...line.slice(1)];
			else if (same(head, oHead)) line = [...other.slice(1).reverse(), ...line];
			else {
				i++;
				continue;
			}
			pending.splice(i, 1);
			i = 0;
		}
		out.push(line);
	}
	return out;
}

/** @param {any} topo result of simplifyWorld */
export function buildBorders(topo) {
	const object = topo.objects.countries;
	return featureCollection(
		BORDERS.map(({ id, name, neighbours }) => {
			const isBorder = (/** @type {any} */ a, /** @type {any} */ b) =>
				a !== b &&
				((a.id === MEX && neighbours.includes(b.id)) || (b.id === MEX && neighbours.includes(a.id)));
			const cleaned = cleanGeometry(mesh(topo, object, isBorder));
			if (!cleaned) throw new Error(`geo: border ${id} is empty`);
			const lines = joinLines(
				cleaned.type === 'LineString' ? [cleaned.coordinates] : cleaned.coordinates
			);
			// Run every line west to east so the direction is predictable (e.g. for line-gradient).
			for (const line of lines) {
				const [first, last] = [line[0], line[line.length - 1]];
				if (first && last && first[0] > last[0]) line.reverse();
			}
			const geometry =
				lines.length === 1
					? { type: 'LineString', coordinates: lines[0] }
					: { type: 'MultiLineString', coordinates: lines };
			return { type: 'Feature', properties: { id, name }, geometry };
		})
	);
}

/**
 * The common border of two countries, from the same simplified topology as borders.geojson.
 * @param {any} topo result of simplifyWorld @param {string[]} pair output country ids
 */
export function borderBetween(topo, pair) {
	const ids = pair.map((id) => {
		const numeric = COUNTRY_SOURCE_ID[id];
		if (!numeric) throw new Error(`geo: unknown country "${id}"`);
		return numeric;
	});
	const geometry = mesh(topo, topo.objects.countries, (/** @type {any} */ a, /** @type {any} */ b) =>
		a !== b && ids.includes(a.id) && ids.includes(b.id)
	);
	if (!geometry.coordinates.length) throw new Error(`geo: ${pair.join(' and ')} share no border`);
	return /** @type {const} */ ({ type: 'Feature', properties: {}, geometry });
}
