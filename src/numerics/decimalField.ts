import { Decimal } from 'decimal.js';
import { IndeterminateError } from '../errors.js';
import type { Field } from './field.js';
import type { Precision } from './precision.js';

/** A decimal.js constructor bound to one precision (a clone: the global Decimal is never configured). */
export type DecimalCtor = typeof Decimal;

const ctorCache = new Map<string, DecimalCtor>();

/** The constructor for `digits` significant digits and a rounding mode; clones are cached. */
export function decimalCtor(digits: number, rounding: Decimal.Rounding = Decimal.ROUND_HALF_EVEN): DecimalCtor {
  const key = `${digits}/${rounding}`;
  let D = ctorCache.get(key);
  if (D === undefined) {
    // Wide exponent range: products of many parameters must not underflow to zero at high precision.
    D = Decimal.clone({ precision: digits, rounding, toExpNeg: -7, toExpPos: 21, minE: -9e15, maxE: 9e15 });
    ctorCache.set(key, D);
  }
  return D;
}

/** Accepts only plain decimal literals, so `Infinity`, hex and binary strings never pass as data. */
export const DECIMAL_LITERAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const fieldCache = new Map<number, Field<Decimal>>();

/**
 * sinh, cosh, tanh for |x| > 1 from e^{|x|} and t = e^{−2|x|} < 0.14, as the interval field does:
 * decimal.js's own series grow their working precision with the exponent of x (seconds at 1e4, no
 * end in sight at 1e154), while exp is fast for any argument and overflows to Infinity past its range.
 * No cancellation: sinh|x| = e^{|x|}(1 − t)/2, cosh|x| = e^{|x|}(1 + t)/2, tanh|x| = (1 − t)/(1 + t).
 */
function bigHyperbolic(a: Decimal, f: 'sinh' | 'cosh' | 'tanh'): Decimal {
  const x = a.abs();
  const t = x.times(-2).exp();
  const r =
    f === 'tanh'
      ? t.neg().plus(1).div(t.plus(1))
      : x
          .exp()
          .times(f === 'sinh' ? t.neg().plus(1) : t.plus(1))
          .div(2);
  return f === 'cosh' || a.isPositive() ? r : r.neg();
}

/** Decimal arithmetic with `digits` significant digits, round-half-even. */
export function decimalField(digits: number): Field<Decimal> {
  const cached = fieldCache.get(digits);
  if (cached !== undefined) return cached;
  const D = decimalCtor(digits);
  const precision: Precision = Object.freeze({ kind: 'dec', digits });
  const from = (x: number | string): Decimal => {
    if (typeof x === 'string') {
      if (!DECIMAL_LITERAL.test(x.trim())) throw new TypeError(`not a decimal number: "${x}"`);
      // The constructor keeps every digit of a literal; plus(0) rounds it to the field's precision.
      return new D(x.trim()).plus(0);
    }
    return new D(x);
  };
  const F: Field<Decimal> = Object.freeze({
    precision,
    zero: new D(0),
    one: new D(1),
    from,
    int: (n: number) => new D(n),
    add: (a: Decimal, b: Decimal) => a.plus(b),
    sub: (a: Decimal, b: Decimal) => a.minus(b),
    mul: (a: Decimal, b: Decimal) => a.times(b),
    div: (a: Decimal, b: Decimal) => a.div(b),
    neg: (a: Decimal) => a.neg(),
    abs: (a: Decimal) => a.abs(),
    sqrt: (a: Decimal) => a.sqrt(),
    exp: (a: Decimal) => a.exp(),
    log: (a: Decimal) => a.ln(),
    sin: (a: Decimal) => a.sin(),
    cos: (a: Decimal) => a.cos(),
    tan: (a: Decimal) => a.tan(),
    sinh: (a: Decimal) => (a.abs().lte(1) ? a.sinh() : bigHyperbolic(a, 'sinh')),
    cosh: (a: Decimal) => (a.abs().lte(1) ? a.cosh() : bigHyperbolic(a, 'cosh')),
    tanh: (a: Decimal) => (a.abs().lte(1) ? a.tanh() : bigHyperbolic(a, 'tanh')),
    asin: (a: Decimal) => a.asin(),
    acos: (a: Decimal) => a.acos(),
    atan: (a: Decimal) => a.atan(),
    asinh: (a: Decimal) => a.asinh(),
    atanh: (a: Decimal) => a.atanh(),
    pow: (a: Decimal, b: Decimal) => a.pow(b),
    powi: (a: Decimal, n: number) => {
      let r = new D(1);
      let b = n < 0 ? new D(1).div(a) : a;
      for (let k = Math.abs(n); k > 0; k = Math.floor(k / 2)) {
        if (k % 2 === 1) r = r.times(b);
        if (k > 1) b = b.times(b);
      }
      return r;
    },
    toNumber: (a: Decimal) => a.toNumber(),
    toString: (a: Decimal) => a.toString(),
    isFinite: (a: Decimal) => a.isFinite(),
    sign: (a: Decimal) => {
      if (a.isNaN()) throw new IndeterminateError('sign of NaN');
      return a.isZero() ? 0 : a.isNegative() ? -1 : 1;
    },
    lt: (a: Decimal, b: Decimal) => a.lt(b),
    max: (a: Decimal, b: Decimal) => (a.gte(b) ? a : b),
    min: (a: Decimal, b: Decimal) => (a.lte(b) ? a : b),
    radius: () => 0,
  });
  fieldCache.set(digits, F);
  return F;
}
