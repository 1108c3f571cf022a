import type { Field } from './field.js';
import type { Precision } from './precision.js';

/**
 * The one place tolerances live (mathjs-style config). Each is derived from the precision that
 * produced the numbers, never hard-coded at a call site.
 */
export interface Tolerance {
  /** Normwise relative error accepted between a result and its oracle. */
  readonly rel: number;
  /** Absolute floor, for quantities whose exact value is 0. */
  readonly abs: number;
}

/**
 * f64 keeps ~16 digits; closed forms with cancellation keep 10 or more, so 1e-10 (the figure the
 * claims are stated to). dec:N keeps N digits; we promise N − 20, leaving 20 digits for the
 * cancellation of ill-conditioned instances (dec:50 → 1e-30).
 */
export function toleranceFor(p: Precision): Tolerance {
  if (p.kind === 'f64') return { rel: 1e-10, abs: 1e-280 };
  const d = Math.max(p.digits - 20, Math.ceil(p.digits / 2));
  return { rel: Number(`1e-${d}`), abs: Number(`1e-${Math.min(300, 2 * d)}`) };
}

/** Unit roundoff of a precision: 2^-53 for f64, ½·10^(1−N) for N digits. */
export function unitRoundoff(p: Precision): number {
  return p.kind === 'f64' ? 2 ** -53 : 0.5 * Number(`1e${1 - p.digits}`);
}

function maxAbs<T>(F: Field<T>, xs: readonly T[]): T {
  let m = F.zero;
  for (const x of xs) m = F.max(m, F.abs(x));
  return m;
}

/**
 * Normwise relative error max|a − b| / max|b| (∞-norms), computed in F and returned as a double.
 * An oracle b that is exactly zero gives the absolute error.
 */
export function relError<T>(F: Field<T>, a: readonly T[], b: readonly T[]): number {
  if (a.length !== b.length) throw new RangeError(`length mismatch ${a.length} != ${b.length}`);
  const diffs = a.map((x, i) => F.sub(x, b[i]));
  const num = maxAbs(F, diffs);
  const den = maxAbs(F, b);
  if (F.sign(den) === 0) return F.toNumber(num);
  return F.toNumber(F.div(num, den));
}

/** Normwise relative error of two matrices (flattened). */
export function relErrorMat<T>(F: Field<T>, a: readonly (readonly T[])[], b: readonly (readonly T[])[]): number {
  return relError(F, a.flat(), b.flat());
}

/** True when |a − b| ≤ rel·max(|a|,|b|) + abs, doubles only; the message says both values. */
export function closeTo(a: number, b: number, tol: Tolerance): { ok: boolean; message: string } {
  const diff = Math.abs(a - b);
  const bound = tol.rel * Math.max(Math.abs(a), Math.abs(b)) + tol.abs;
  return { ok: diff <= bound, message: `${a} ~= ${b} (|diff| ${diff.toExponential(3)} vs bound ${bound.toExponential(3)})` };
}
