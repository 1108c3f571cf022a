import type { Precision } from './precision.js';

/**
 * Scalar arithmetic over one number type. Models, linear algebra and dynamics are written once
 * against `Field<T>` and run unchanged in float64 (`T = number`), decimal (`T = Decimal`) or
 * interval arithmetic (`T = Interval`), mathjs-style.
 *
 * Contract: every operation is as accurate as the type allows (correctly rounded for decimals,
 * outward-rounded enclosures for intervals). Operations never mutate their arguments.
 */
export interface Field<T> {
  readonly precision: Precision;
  readonly zero: T;
  readonly one: T;
  /**
   * A number of the field. A `number` is taken as the decimal JavaScript prints for it (the
   * shortest text that round-trips, within half an ulp of its binary value); a `string` keeps its
   * decimal meaning (`'0.1'` is one tenth in `dec:50`, not the nearest double). Bad text throws.
   */
  from(x: number | string): T;
  /** Small integers (exact in every field). */
  int(n: number): T;
  add(a: T, b: T): T;
  sub(a: T, b: T): T;
  mul(a: T, b: T): T;
  div(a: T, b: T): T;
  neg(a: T): T;
  abs(a: T): T;
  sqrt(a: T): T;
  exp(a: T): T;
  log(a: T): T;
  sin(a: T): T;
  cos(a: T): T;
  tan(a: T): T;
  sinh(a: T): T;
  cosh(a: T): T;
  tanh(a: T): T;
  asin(a: T): T;
  acos(a: T): T;
  atan(a: T): T;
  asinh(a: T): T;
  atanh(a: T): T;
  /** a^b for real b (a > 0 unless b is an integer). */
  pow(a: T, b: T): T;
  /** a^n for an integer n, by repeated multiplication (exact sign handling for a < 0). */
  powi(a: T, n: number): T;
  /** Nearest double (the midpoint for an interval). */
  toNumber(a: T): number;
  /** Full-precision decimal text (an interval prints as `[lo, hi]`). */
  toString(a: T): string;
  isFinite(a: T): boolean;
  /** -1, 0 or 1; an interval that contains 0 but is not exactly 0 throws IndeterminateError. */
  sign(a: T): -1 | 0 | 1;
  /** Certainly a < b (for intervals: a.hi < b.lo). */
  lt(a: T, b: T): boolean;
  max(a: T, b: T): T;
  min(a: T, b: T): T;
  /** Half the width of an enclosure, as a double rounded up; 0 for point arithmetics. */
  radius(a: T): number;
}

/**
 * The field's elementary functions of one argument, in one list: the expr model offers them to formulas
 * and the interval field's property test exercises each (a function added to Field goes here).
 */
export const ELEMENTARY_FUNCTIONS = [
  'sqrt',
  'exp',
  'log',
  'sin',
  'cos',
  'tan',
  'sinh',
  'cosh',
  'tanh',
  'asin',
  'acos',
  'atan',
  'asinh',
  'atanh',
] as const satisfies readonly (keyof Field<unknown>)[];

export type Vec<T> = T[];
export type Mat<T> = T[][];
