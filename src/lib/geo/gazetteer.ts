import { ContentError } from '$lib/content/errors';
import { SLUG } from '$lib/content/dates';
import { BASES, isBasis, type Basis } from '$lib/content/basis';

export type PlaceKind = 'city' | 'town' | 'crossing' | 'state' | 'country' | 'region' | 'shelter';
const KINDS: ReadonlySet<string> = new Set(['city', 'town', 'crossing', 'state', 'country', 'region', 'shelter']);

/** A gazetteer entry: a named place with a location and where that location comes from. */
export interface Place {
	id: string;
	name: string;
	/** Other names a reader or a source may use ("CDMX", "Ciudad de México"). */
	aliases: string[];
	kind: PlaceKind;
	/** [longitude, latitude] in WGS 84. */
	coordinates: [number, number];
	/** Id of the state (geo/states.geojson) or country (geo/countries.geojson) the place lies in. */
	within: string;
	/**
	 * Where the location comes from. The sources name places but give no coordinates, so every
	 * location so far is `general` knowledge, and every page that shows one marks it so.
	 */
	basis: Basis;
	/** Where the location comes from, said plainly, after the mark of its basis. */
	location: string;
}

const FIELDS = ['id', 'name', 'aliases', 'kind', 'coordinates', 'within', 'basis', 'location'];

/** Validates the gazetteer; `regions` are the ids of known states and countries. */
export function parseGazetteer(raw: unknown, file: string, regions: ReadonlySet<string>): Place[] {
	if (!Array.isArray(raw)) throw new ContentError(file, '(root)', 'must be a list of places');
	const seen = new Map<string, string>();
	return raw.map((entry: unknown, i) => {
		if (typeof entry !== 'object' || entry === null) throw new ContentError(file, `[${i}]`, 'must be a mapping');
		const p = entry as Record<string, unknown>;
		// Messages name the place by its index and, once known, its id.
		const named = typeof p.id === 'string' && p.id ? `place "${p.id}": ` : '';
		const fail = (field: string, message: string): never => {
			throw new ContentError(file, `[${i}].${field}`, `${named}${message}`);
		};
		for (const key of Object.keys(p)) if (!FIELDS.includes(key)) fail(key, 'is not a gazetteer field');
		const text = (field: string) => {
			const v = p[field];
			if (typeof v !== 'string' || !v.trim()) fail(field, 'must be non-empty text');
			return (v as string).trim();
		};
		const id = text('id');
		if (!SLUG.test(id)) fail('id', `"${id}" must be lower-case words joined by hyphens`);
		if (seen.has(id)) fail('id', `"${id}" is used twice`);
		const name = text('name');
		const aliases = p.aliases ?? [];
		if (!Array.isArray(aliases) || !aliases.every((a) => typeof a === 'string' && a.trim())) return fail('aliases', 'must be a list of names');
		for (const n of [name, ...aliases]) {
			const key = n.toLocaleLowerCase('es');
			const other = seen.get(`name:${key}`);
			if (other) fail('aliases', `"${n}" already names "${other}"`);
			seen.set(`name:${key}`, id);
		}
		seen.set(id, id);
		const kind = text('kind');
		if (!KINDS.has(kind)) fail('kind', `"${kind}" is not one of ${[...KINDS].join(', ')}`);
		const c = p.coordinates;
		if (!Array.isArray(c) || c.length !== 2 || !c.every((n) => typeof n === 'number' && Number.isFinite(n)))
			fail('coordinates', 'must be [longitude, latitude]');
		const [lon, lat] = c as [number, number];
		if (lon < -180 || lon > 180 || lat < -90 || lat > 90) {
			const swapped = lat >= -180 && lat <= 180 && lon >= -90 && lon <= 90 ? `; it looks like [latitude, longitude]: write [${lat}, ${lon}]` : '';
			fail('coordinates', `[${lon}, ${lat}] is not a longitude/latitude pair${swapped}`);
		}
		const within = text('within');
		if (!regions.has(within)) fail('within', `unknown state or country "${within}"`);
		const basis = text('basis');
		if (!isBasis(basis)) fail('basis', `"${basis}" is not one of ${BASES.join(', ')}: say where the location comes from`);
		const place: Place = { id, name, aliases: aliases as string[], kind: kind as PlaceKind, coordinates: [lon, lat], within, basis: basis as Basis, location: text('location') };
		return place;
	});
}

/** Finds a place by id, name or alias, ignoring case. */
export function findPlace(places: readonly Place[], name: string): Place | undefined {
	const key = name.trim().toLocaleLowerCase('es');
	return places.find((p) => p.id === key || [p.name, ...p.aliases].some((n) => n.toLocaleLowerCase('es') === key));
}
