import type { Field } from '../numerics/field.js';

/**
 * tol − err/scale in the field: the margin of "err ≤ tol·scale" (scale ≥ 0, the size of the terms
 * summed), so that at interval:N its enclosure certifies the comparison. A scale not certainly
 * positive (an enclosure that may contain 0) is never divided by: the error counts as absolute.
 */
export function relativeMargin<T>(F: Field<T>, tol: number, err: T, scale: T): T {
  return F.sub(F.from(tol), relativeError(F, err, scale));
}

/** err/scale, or err itself where the scale (≥ 0) is not certainly positive. */
export function relativeError<T>(F: Field<T>, err: T, scale: T): T {
  return F.lt(F.zero, scale) ? F.div(err, scale) : err;
}

/** The smaller of a running minimum (undefined before the first step) and m. */
export function leastOf<T>(F: Field<T>, least: T | undefined, m: T): T {
  return least === undefined ? m : F.min(least, m);
}

/** The larger of a running maximum (undefined before the first step) and m. */
export function mostOf<T>(F: Field<T>, most: T | undefined, m: T): T {
  return most === undefined ? m : F.max(most, m);
}
