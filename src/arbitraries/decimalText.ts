import fc from 'fast-check';
import type { DecimalText } from '../models/model.js';

/**
 * Decimal literals in [lo, hi] with at most `places` decimals, as text. Short decimals keep
 * instances readable and exact at every precision; they shrink toward 0 (then toward fewer digits,
 * since fast-check shrinks the integer toward 0).
 */
export function decimalText(lo: number, hi: number, places = 3): fc.Arbitrary<DecimalText> {
  const scale = 10 ** places;
  return fc.integer({ min: Math.ceil(lo * scale), max: Math.floor(hi * scale) }).map((k) => formatScaled(k, places));
}

/** k / 10^places as exact decimal text, e.g. (-1234, 3) → "-1.234", (5, 2) → "0.05". */
export function formatScaled(k: number, places: number): DecimalText {
  if (places === 0) return String(k);
  const neg = k < 0;
  const digits = String(Math.abs(k)).padStart(places + 1, '0');
  const int = digits.slice(0, digits.length - places);
  const frac = digits.slice(digits.length - places).replace(/0+$/, '');
  return `${neg ? '-' : ''}${int}${frac ? `.${frac}` : ''}`;
}

/** A vector of n decimal texts. */
export function decimalVector(n: number, lo: number, hi: number, places = 3): fc.Arbitrary<DecimalText[]> {
  return fc.array(decimalText(lo, hi, places), { minLength: n, maxLength: n });
}

/** An r×c matrix of decimal texts. */
export function decimalMatrix(r: number, c: number, lo: number, hi: number, places = 3): fc.Arbitrary<DecimalText[][]> {
  return fc.array(decimalVector(c, lo, hi, places), { minLength: r, maxLength: r });
}

/** A symmetric n×n matrix of decimal texts. */
export function symmetricMatrix(n: number, lo: number, hi: number, places = 3): fc.Arbitrary<DecimalText[][]> {
  return decimalMatrix(n, n, lo, hi, places).map((M) => M.map((row, i) => row.map((x, j) => (j < i ? M[j][i] : x))));
}
