/**
 * Finding gazetteer places named in a text: on word boundaries, with accents folded, and with
 * case folded except for acronyms ("US" names the United States, "us" does not). Where names
 * overlap, the longest wins, so "Mexico City" is a mention of the city, not of Mexico.
 */

/** What the matcher needs of a gazetteer place. */
export interface NamedPlace {
	id: string;
	name: string;
	aliases: readonly string[];
}

/** A place named in a text: [start, end) offsets into the text as given. */
export interface Mention {
	start: number;
	end: number;
	place: string;
}

export type PlaceMatcher = (text: string) => Mention[];

interface Folded {
	text: string;
	/** Offset in the original text of the character each folded character comes from. */
	from: number[];
	/** Offset in the original text just after it (combining marks that fold away included). */
	to: number[];
}

const MARKS = /\p{M}/gu;

/** Accents removed (NFD, combining marks dropped), and lower case unless `keepCase`. */
export function foldName(text: string, keepCase = false): string {
	return fold(text, keepCase).text;
}

function fold(text: string, keepCase: boolean): Folded {
	const out: string[] = [];
	const from: number[] = [];
	const to: number[] = [];
	let offset = 0;
	for (const char of text) {
		const next = offset + char.length;
		let folded = char.normalize('NFD').replace(MARKS, '');
		if (!keepCase) folded = folded.toLowerCase().normalize('NFD').replace(MARKS, '');
		if (folded === '' && to.length) to[to.length - 1] = next;
		for (let i = 0; i < folded.length; i++) {
			out.push(folded[i]!);
			from.push(offset);
			to.push(next);
		}
		offset = next;
	}
	return { text: out.join(''), from, to };
}

/** An acronym ("US", "U.S.", "CDMX") is matched with its case: lower-cased it is a common word. */
const isAcronym = (name: string) => /^[\p{Lu}.]+$/u.test(name) && /\p{Lu}/u.test(name);

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function pattern(name: string, keepCase: boolean): RegExp {
	const words = foldName(name.trim(), keepCase).split(/\s+/).map(escape).join('\\s+');
	return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'gu');
}

/** A matcher for these places, compiled once: call it on as many texts as needed. */
export function placeMatcher(places: readonly NamedPlace[]): PlaceMatcher {
	const names = places.flatMap((p) =>
		[p.name, ...p.aliases].map((name) => {
			const keepCase = isAcronym(name);
			return { place: p.id, keepCase, re: pattern(name, keepCase) };
		})
	);
	return (text) => {
		const lower = fold(text, false);
		const cased = names.some((n) => n.keepCase) ? fold(text, true) : lower;
		const found: Mention[] = [];
		for (const { place, keepCase, re } of names) {
			const f = keepCase ? cased : lower;
			for (const m of f.text.matchAll(re)) found.push({ start: f.from[m.index]!, end: f.to[m.index + m[0].length - 1]!, place });
		}
		// Leftmost first, the longest at each start; a mention inside one already taken is dropped.
		found.sort((a, b) => a.start - b.start || b.end - a.end);
		const kept: Mention[] = [];
		for (const m of found) if (!kept.length || m.start >= kept[kept.length - 1]!.end) kept.push(m);
		return kept;
	};
}
