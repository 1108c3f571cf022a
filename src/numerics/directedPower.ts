import type { Decimal } from 'decimal.js';
import type { DecimalCtor } from './decimalField.js';

/** |x|^n for x ≥ 0 by binary powering in the rounding of C: each rounded product of nonnegative factors stays a bound. */
function powAbs(x: Decimal, n: number, C: DecimalCtor): Decimal {
  let r = new C(1);
  let b = new C(x).abs();
  for (let k = n; k > 0; k = Math.floor(k / 2)) {
    if (k % 2 === 1) r = r.isZero() || b.isZero() ? new C(0) : new C(r).times(b);
    if (k > 1) b = new C(b).times(b);
  }
  return r;
}

/**
 * x^n rounded down (dir −1) or up (dir +1), any sign of x, n ≥ 0, with Down and Up the decimal
 * constructors rounding toward −∞ and +∞: the ends of an interval power (intervalField's powi).
 */
export function directedPower(x: Decimal, n: number, dir: -1 | 1, Down: DecimalCtor, Up: DecimalCtor): Decimal {
  const negative = x.isNegative() && n % 2 === 1;
  // For a negative result, a lower bound is minus an upper bound of the magnitude.
  const C = (dir === -1) !== negative ? Down : Up;
  const m = powAbs(x, n, C);
  return negative ? m.neg() : m;
}
