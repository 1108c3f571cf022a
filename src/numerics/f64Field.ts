import { IndeterminateError } from '../errors.js';
import type { Field } from './field.js';
import { F64 } from './precision.js';

function parseNumber(x: number | string): number {
  if (typeof x === 'number') return x;
  const t = x.trim();
  // Number('') is 0 and Number('0x10') is 16: reject both, accept only decimal literals.
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(t) && !/^[+-]?(Infinity|NaN)$/.test(t)) {
    throw new TypeError(`not a decimal number: "${x}"`);
  }
  return Number(t);
}

/** IEEE double arithmetic: the fast default. */
export const f64: Field<number> = Object.freeze({
  precision: F64,
  zero: 0,
  one: 1,
  from: parseNumber,
  int: (n: number) => n,
  add: (a: number, b: number) => a + b,
  sub: (a: number, b: number) => a - b,
  mul: (a: number, b: number) => a * b,
  div: (a: number, b: number) => a / b,
  neg: (a: number) => -a,
  abs: Math.abs,
  sqrt: Math.sqrt,
  exp: Math.exp,
  log: Math.log,
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  sinh: Math.sinh,
  cosh: Math.cosh,
  tanh: Math.tanh,
  asin: Math.asin,
  acos: Math.acos,
  atan: Math.atan,
  asinh: Math.asinh,
  atanh: Math.atanh,
  pow: Math.pow,
  powi: (a: number, n: number) => {
    let r = 1;
    let b = n < 0 ? 1 / a : a;
    for (let k = Math.abs(n); k > 0; k >>= 1) {
      if (k & 1) r *= b;
      b *= b;
    }
    return r;
  },
  toNumber: (a: number) => a,
  toString: (a: number) => String(a),
  isFinite: Number.isFinite,
  sign: (a: number) => {
    if (Number.isNaN(a)) throw new IndeterminateError('sign of NaN');
    return a > 0 ? 1 : a < 0 ? -1 : 0;
  },
  lt: (a: number, b: number) => a < b,
  max: Math.max,
  min: Math.min,
  radius: () => 0,
});
