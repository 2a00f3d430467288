/**
 * Passages are addressed as the W3C Web Annotation model does: a TextQuoteSelector (the exact
 * words, with a prefix or suffix when they occur more than once) resolved to a
 * TextPositionSelector (start and end offsets). Whitespace runs may differ between the
 * selector and the text; nothing else may.
 */
export interface TextQuoteSelector {
	exact: string;
	prefix?: string;
	suffix?: string;
}

export interface TextPositionSelector {
	start: number;
	end: number;
}

export type Resolution =
	| { ok: true; position: TextPositionSelector }
	| { ok: false; reason: string };

interface Normalised {
	text: string;
	/** offsets[i] is the index in the original of normalised character i; one extra entry for the end. */
	offsets: number[];
}

/** Collapses every whitespace run to one space, remembering where each character came from. */
export function normaliseWhitespace(original: string): Normalised {
	let text = '';
	const offsets: number[] = [];
	let inSpace = false;
	for (let i = 0; i < original.length; i++) {
		const ch = original[i]!;
		if (/\s/.test(ch)) {
			if (!inSpace) {
				text += ' ';
				offsets.push(i);
			}
			inSpace = true;
		} else {
			text += ch;
			offsets.push(i);
			inSpace = false;
		}
	}
	offsets.push(original.length);
	return { text, offsets };
}

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim();
const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);
/** Typographic variants an editor may type by mistake; used only to give a better hint. */
const foldQuotes = (s: string) => s.replace(/[‘’ʼ]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-');

function occurrences(haystack: string, needle: string): number[] {
	const found: number[] = [];
	for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + 1)) found.push(i);
	return found;
}

/**
 * Resolves a quote selector against `text`. The quote must start and end on word boundaries,
 * occur in `text`, and be unique once the prefix and suffix are taken into account.
 */
export function resolveQuote(text: string, selector: TextQuoteSelector): Resolution {
	const exact = collapse(selector.exact);
	if (!exact) return { ok: false, reason: 'the quote is empty' };
	const { text: norm, offsets } = normaliseWhitespace(text);
	const all = occurrences(norm, exact).filter((i) => !isWordChar(norm[i - 1]) && !isWordChar(norm[i + exact.length]));
	if (all.length === 0) {
		const hint = occurrences(foldQuotes(norm), foldQuotes(exact)).length
			? ' (it is there with different quotation marks, apostrophes or dashes: copy them from the source)'
			: '';
		return { ok: false, reason: `not found verbatim in the source body${hint}` };
	}
	const prefix = selector.prefix ? collapse(selector.prefix) : '';
	const suffix = selector.suffix ? collapse(selector.suffix) : '';
	const matches = all.filter(
		(i) => norm.slice(0, i).trimEnd().endsWith(prefix) && norm.slice(i + exact.length).trimStart().startsWith(suffix)
	);
	if (matches.length === 0) return { ok: false, reason: `found ${all.length} time(s), but never with the given prefix/suffix` };
	if (matches.length > 1)
		return { ok: false, reason: `ambiguous: found ${matches.length} times; add a prefix or suffix to say which` };
	const i = matches[0]!;
	return { ok: true, position: { start: offsets[i]!, end: offsets[i + exact.length - 1]! + 1 } };
}
