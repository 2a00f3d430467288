// Pixel measures of screenshots, shared by the browser suites: a blank or unchanged map "passes"
// any check of the page's markup, never these.
import type { PNG } from 'pngjs';

/** Number of distinct colours (quantised) in an image: a blank canvas has one or two. */
export function distinctColours(png: PNG): number {
	const colours = new Set<number>();
	for (let i = 0; i < png.data.length; i += 4) colours.add(((png.data[i]! >> 3) << 10) | ((png.data[i + 1]! >> 3) << 5) | (png.data[i + 2]! >> 3));
	return colours.size;
}

/** Fraction of pixels that differ noticeably between two images of the same size. */
export function changedFraction(a: PNG, b: PNG): number {
	if (a.width !== b.width || a.height !== b.height) throw new Error(`images of different sizes: ${a.width}×${a.height} and ${b.width}×${b.height}`);
	let changed = 0;
	for (let i = 0; i < a.data.length; i += 4) {
		const d = Math.abs(a.data[i]! - b.data[i]!) + Math.abs(a.data[i + 1]! - b.data[i + 1]!) + Math.abs(a.data[i + 2]! - b.data[i + 2]!);
		if (d > 30) changed++;
	}
	return changed / (a.width * a.height);
}
