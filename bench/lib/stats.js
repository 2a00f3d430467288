// Statistics for the bench: quantiles of samples that may hold nulls, and rounding that keeps nulls.

/**
 * The q-quantile (0…1) of the finite numbers in `values`, interpolated; null when there are none.
 * @param {Array<number | null | undefined>} values
 * @param {number} q
 */
export function quantile(values, q) {
	const xs = /** @type {number[]} */ (values.filter((x) => typeof x === 'number' && Number.isFinite(x))).sort((a, b) => a - b);
	if (!xs.length) return null;
	const pos = (xs.length - 1) * q;
	const lo = Math.floor(pos);
	const hi = Math.ceil(pos);
	const [a, b] = [/** @type {number} */ (xs[lo]), /** @type {number} */ (xs[hi])];
	return a + (b - a) * (pos - lo);
}

/** @param {Array<number | null | undefined>} values */
export const median = (values) => quantile(values, 0.5);

/** `x` rounded to `d` decimals; null for null, undefined and non-finite numbers. @param {number | null | undefined} x @param {number} [d] */
export const round = (x, d = 0) => (x === null || x === undefined || !Number.isFinite(x) ? null : Math.round(x * 10 ** d) / 10 ** d);

/** `a / b` to two decimals, or null. @param {number | null} a @param {number | null} b */
export const ratio = (a, b) => (a !== null && b ? round(a / b, 2) : null);
