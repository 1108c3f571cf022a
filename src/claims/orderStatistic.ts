import type { Field } from '../numerics/field.js';
import { Interval } from '../numerics/interval.js';

/** Comparisons and order statistics of values that may be enclosures, decided only where certain. */

/**
 * −1 when a < b, 1 when a > b, 0 when a = b, certainly (for intervals: the enclosures are apart, or
 * equal points); undefined when an interval comparison is not decided.
 */
export function compareCertainly<T>(F: Field<T>, a: T, b: T): -1 | 0 | 1 | undefined {
  if (F.lt(a, b)) return -1;
  if (F.lt(b, a)) return 1;
  return F.radius(a) === 0 && F.radius(b) === 0 ? 0 : undefined;
}

/**
 * The k-th smallest of xs (0-based). For enclosures, [k-th smallest lower end, k-th smallest upper
 * end]: an order statistic is increasing in every argument, so it lies between its values at the
 * lower and at the upper ends.
 */
export function orderStatistic<T>(F: Field<T>, xs: readonly T[], k: number): T {
  if (xs.every((x) => x instanceof Interval)) {
    const ends = (e: 'lo' | 'hi') => (xs as unknown as Interval[]).map((x) => x[e]).sort((p, q) => p.comparedTo(q));
    return new Interval(ends('lo')[k], ends('hi')[k]) as unknown as T;
  }
  return [...xs].sort((p, q) => F.toNumber(p) - F.toNumber(q))[k];
}
