import type { Decimal } from 'decimal.js';
import { IndeterminateError } from '../errors.js';
import type { DecimalCtor } from './decimalField.js';
import { Interval } from './interval.js';

/**
 * Outward-rounded × and ÷ of intervals with ends rounded by Down (toward −∞) and Up (toward +∞):
 * intervalField's products. `square` is used when both factors are the same object, so that
 * x·x is never negative.
 */
export function intervalProducts(
  Down: DecimalCtor,
  Up: DecimalCtor,
  square: (a: Interval) => Interval,
): {
  mul: (a: Interval, b: Interval) => Interval;
  div: (a: Interval, b: Interval) => Interval;
} {
  const make = (lo: Decimal, hi: Decimal): Interval => new Interval(lo, hi);
  const NaNI = new Interval(new Down(Number.NaN), new Down(Number.NaN));
  /** 0·∞ is NaN in decimal.js; for interval ends the product of 0 and anything is 0. */
  const mulDown = (a: Decimal, b: Decimal): Decimal => (a.isZero() || b.isZero() ? new Down(0) : new Down(a).times(b));
  const mulUp = (a: Decimal, b: Decimal): Decimal => (a.isZero() || b.isZero() ? new Up(0) : new Up(a).times(b));
  const dmin = (...xs: Decimal[]): Decimal => xs.reduce((m, x) => (x.lt(m) ? x : m));
  const dmax = (...xs: Decimal[]): Decimal => xs.reduce((m, x) => (x.gt(m) ? x : m));
  const containsZero = (a: Interval) => a.lo.lte(0) && a.hi.gte(0);

  /** The four corner products, rounded outward: the general case (infinite ends, both intervals across 0). */
  const mulCorners = (a: Interval, b: Interval): Interval => {
    const lo = dmin(mulDown(a.lo, b.lo), mulDown(a.lo, b.hi), mulDown(a.hi, b.lo), mulDown(a.hi, b.hi));
    const hi = dmax(mulUp(a.lo, b.lo), mulUp(a.lo, b.hi), mulUp(a.hi, b.lo), mulUp(a.hi, b.hi));
    return make(lo, hi);
  };

  /**
   * The product by the signs of the ends (the classical nine cases): which corner is the least and
   * which the largest product is known from the signs alone, so two rounded products replace eight.
   * Directed rounding is monotone, so the rounded product of the extreme corner IS the extreme of
   * the rounded corners: the result equals mulCorners's (tested on every sign pattern). Infinite
   * ends and the case of both intervals across 0 take mulCorners.
   */
  const mul = (a: Interval, b: Interval): Interval => {
    if (a.isNaN() || b.isNaN()) return NaNI;
    if (a === b) return square(a);
    const { lo: a1, hi: a2 } = a;
    const { lo: b1, hi: b2 } = b;
    if (!a1.isFinite() || !a2.isFinite() || !b1.isFinite() || !b2.isFinite()) return mulCorners(a, b);
    const aPos = !a1.isNegative() || a1.isZero();
    const aNeg = !a2.isPositive() || a2.isZero();
    const bPos = !b1.isNegative() || b1.isZero();
    const bNeg = !b2.isPositive() || b2.isZero();
    if (aPos) {
      if (bPos) return make(mulDown(a1, b1), mulUp(a2, b2));
      if (bNeg) return make(mulDown(a2, b1), mulUp(a1, b2));
      return make(mulDown(a2, b1), mulUp(a2, b2));
    }
    if (aNeg) {
      if (bPos) return make(mulDown(a1, b2), mulUp(a2, b1));
      if (bNeg) return make(mulDown(a2, b2), mulUp(a1, b1));
      return make(mulDown(a1, b2), mulUp(a1, b1));
    }
    if (bPos) return make(mulDown(a1, b2), mulUp(a2, b2));
    if (bNeg) return make(mulDown(a2, b1), mulUp(a1, b1));
    return mulCorners(a, b);
  };

  const div = (a: Interval, b: Interval): Interval => {
    if (a.isNaN() || b.isNaN()) return NaNI;
    if (containsZero(b)) throw new IndeterminateError(`division by an interval containing 0: ${b.toString()}`);
    // b has one sign, so x/y is monotone in each argument and the extremes are at the corners.
    const q = (C: DecimalCtor, x: Decimal, y: Decimal) => new C(x).div(y);
    const { lo: a1, hi: a2 } = a;
    const { lo: b1, hi: b2 } = b;
    // Infinite ends, or a zero end (whose quotient's sign of zero depends on the corner order), take all four corners.
    if (!a1.isFinite() || !a2.isFinite() || !b1.isFinite() || !b2.isFinite() || a1.isZero() || a2.isZero()) {
      const lo = dmin(q(Down, a1, b1), q(Down, a1, b2), q(Down, a2, b1), q(Down, a2, b2));
      const hi = dmax(q(Up, a1, b1), q(Up, a1, b2), q(Up, a2, b1), q(Up, a2, b2));
      return make(lo, hi);
    }
    // Finite ends: the extreme corners follow from the signs (as in mul), two rounded quotients
    // instead of eight. x/y falls in x for y < 0 and rises for y > 0; |x/y| falls in |y|.
    if (b1.isPositive()) return make(q(Down, a1, a1.isPositive() ? b2 : b1), q(Up, a2, a2.isPositive() ? b1 : b2));
    return make(q(Down, a2, a2.isPositive() ? b2 : b1), q(Up, a1, a1.isPositive() ? b1 : b2));
  };

  return { mul, div };
}
