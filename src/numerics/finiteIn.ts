import { decimalCtor, DECIMAL_LITERAL } from './decimalField.js';
import type { Precision } from './precision.js';

/**
 * Whether a decimal literal stays finite when read in precision `p`: in f64 its magnitude must round
 * below 1.8e308 (`1e400` is Infinity there); decimals and intervals hold exponents up to 9e15, so
 * `1e400` is an ordinary number at dec:30. Text that is not a decimal literal is not finite.
 */
export function finiteIn(p: Precision, text: string): boolean {
  // f64 first and without the pattern: it runs on every entry of a data file.
  if (p.kind === 'f64') return Number.isFinite(Number(text)) && DECIMAL_LITERAL.test(text.trim());
  const s = text.trim();
  return DECIMAL_LITERAL.test(s) && decimalCtor(p.digits)(s).isFinite();
}

/** Why a literal is not finite in `p`, for messages: the range of the arithmetic. */
export function rangeOf(p: Precision): string {
  return p.kind === 'f64' ? 'f64 holds magnitudes up to 1.8e308' : 'decimal exponents reach ±9e15';
}
