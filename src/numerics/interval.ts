import { Decimal } from 'decimal.js';

/**
 * A closed interval [lo, hi] of decimals: the value type of `interval:N` arithmetic.
 *
 * An interval produced by `intervalField(N)` is a guaranteed enclosure: the exact real result
 * of the computation lies in [lo, hi]. Ends may be ±Infinity (e.g. log of an interval touching 0).
 * Instances are immutable; both ends are decimal.js values, usually with N significant digits.
 */
export class Interval {
  readonly lo: Decimal;
  readonly hi: Decimal;

  /** Builds [lo, hi]; throws a RangeError when lo > hi (NaN ends are allowed: they mark an undefined result). */
  constructor(lo: Decimal, hi: Decimal) {
    if (lo.gt(hi)) throw new RangeError(`interval ends out of order: [${lo.toString()}, ${hi.toString()}]`);
    this.lo = lo;
    this.hi = hi;
  }

  /** The degenerate interval [x, x]. */
  static point(x: Decimal): Interval {
    return new Interval(x, x);
  }

  /** True when lo = hi. */
  isPoint(): boolean {
    return this.lo.eq(this.hi);
  }

  /** True when lo ≤ x ≤ hi (exact decimal comparison). */
  contains(x: Decimal.Value): boolean {
    const d = x instanceof Decimal ? x : new Decimal(x);
    return this.lo.lte(d) && d.lte(this.hi);
  }

  /** True when either end is NaN (an operation outside its domain). */
  isNaN(): boolean {
    return this.lo.isNaN() || this.hi.isNaN();
  }

  /** `[lo, hi]` with every digit of both ends. */
  toString(): string {
    return `[${this.lo.toString()}, ${this.hi.toString()}]`;
  }
}

const f64View = new DataView(new ArrayBuffer(8));

/** The smallest double greater than x (x finite). */
function nextUp(x: number): number {
  if (x === 0) return Number.MIN_VALUE;
  f64View.setFloat64(0, x);
  const bits = f64View.getBigUint64(0);
  f64View.setBigUint64(0, x > 0 ? bits + 1n : bits - 1n);
  return f64View.getFloat64(0);
}

/**
 * A double that is ≥ x, for reporting a bound computed in decimals (radii, error bounds) as a
 * JS number without ever rounding it down. Zero and infinities map exactly; anything else is the
 * double after the nearest one, so the result may exceed x by up to two ulps.
 *
 * Why not the nearest double: `Number(text)` rounds to nearest, which is below x half the time,
 * and decimal.js cannot cheaply tell on which side the double's exact binary value falls.
 */
export function upperDouble(x: Decimal): number {
  if (x.isNaN()) return Number.NaN;
  if (x.isZero()) return 0;
  if (!x.isFinite()) return x.isNegative() ? -Infinity : Infinity;
  const d = Number(x.toString());
  if (!Number.isFinite(d)) return d > 0 ? Infinity : -Number.MAX_VALUE;
  return nextUp(d);
}
