// Colour arithmetic for the checks on the map's colours (registry.test.ts, labels.test.ts): WCAG 2
// relative luminance and contrast, CIE L*a*b* differences, and Machado et al. (2009) simulations of
// colour-vision deficiencies.

export type RGB = [number, number, number];
export const hex = (h: string): RGB => [1, 3, 5].map((i) => parseInt(h.slice(i, i + 2), 16) / 255) as RGB;
const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
export const toLinear = (h: string) => hex(h).map(linear) as RGB;
export const luminance = ([r, g, b]: RGB) => 0.2126 * r + 0.7152 * g + 0.0722 * b;
export const contrast = (a: RGB, b: RGB) => {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
	return (hi + 0.05) / (lo + 0.05);
};
/** `top` at `alpha` over `bottom`, composited in sRGB as browsers do, returned linear. */
export const over = (top: string, alpha: number, bottom: string): RGB =>
	hex(top).map((t, i) => linear(t * alpha + hex(bottom)[i]! * (1 - alpha))) as RGB;

/** Machado, Oliveira & Fernandes (2009) simulation matrices at full severity, on linear RGB. */
export const CVD: Record<string, number[][]> = {
	normal: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
	protanopia: [[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216], [-0.003882, -0.048116, 1.051998]],
	deuteranopia: [[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413], [-0.01182, 0.04294, 0.968881]],
	tritanopia: [[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602], [0.004733, 0.691367, 0.3039]]
};
export const simulate = (c: RGB, m: number[][]) => m.map((row) => Math.min(1, Math.max(0, row[0]! * c[0] + row[1]! * c[1] + row[2]! * c[2]))) as RGB;
function lab([r, g, b]: RGB): RGB {
	const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
	const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
	const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
	const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
	return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
/** CIE76 colour difference; about 2 is just noticeable, 20 clearly different at a glance. */
export const deltaE = (a: RGB, b: RGB) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]!));

