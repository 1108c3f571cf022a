import { UsageError } from '../errors.js';

/**
 * The arithmetic a computation runs in. It is a value passed to each call, never global state,
 * so two claims checked side by side cannot change each other's precision.
 *
 * - `f64`: IEEE double (JS numbers), the default.
 * - `dec:N`: decimal.js with N significant digits, round-half-even.
 * - `interval:N`: intervals whose ends are N-digit decimals rounded outward, so every result
 *   is a guaranteed enclosure of the exact value.
 */
export type Precision = { readonly kind: 'f64' } | { readonly kind: 'dec'; readonly digits: number } | { readonly kind: 'interval'; readonly digits: number };

export const F64: Precision = Object.freeze({ kind: 'f64' });

/**
 * Largest digit count accepted. Tolerances and unit roundoffs are doubles (10^(1−N) underflows to 0
 * past about 320 digits, and a gap test would divide 0 by 0), and decimal.js computes π and ln 10
 * to only 1025 digits (its trigonometric and logarithmic functions throw beyond): 300 keeps every
 * part exact in its meaning, and a dense 8×8 eigendecomposition within seconds.
 */
export const MAX_DIGITS = 300;

/** Parses `f64`, `dec:N` or `interval:N`; a bad value is a UsageError naming `option`. */
export function parsePrecision(text: string, option = 'precision'): Precision {
  const s = text.trim();
  if (s === 'f64') return F64;
  const m = /^(dec|interval):(\d+)$/.exec(s);
  if (m === null) {
    throw new UsageError(`"${text}" is not a precision; use f64, dec:N or interval:N with N digits (e.g. dec:50)`, option);
  }
  const digits = Number(m[2]);
  if (!(digits >= 5 && digits <= MAX_DIGITS)) {
    throw new UsageError(`digits must be between 5 and ${MAX_DIGITS}, got ${m[2]}`, option);
  }
  return Object.freeze({ kind: m[1] as 'dec' | 'interval', digits });
}

export function formatPrecision(p: Precision): string {
  return p.kind === 'f64' ? 'f64' : `${p.kind}:${p.digits}`;
}
