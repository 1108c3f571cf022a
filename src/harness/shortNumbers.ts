/** Significant digits a number keeps in a printed message. */
export const MESSAGE_DIGITS = 10;

const LITERAL = /(?<![\w.])-?\d+(?:\.\d+)?(?:e[-+]?\d+)?(?![\w.])/gi;

/** Significant digits of a decimal literal ("-0.00120" → 3). */
function significant(literal: string): number {
  const mantissa = literal.replace(/^-/, '').replace(/e.*$/i, '').replace('.', '');
  return mantissa.replace(/^0+/, '').length;
}

/**
 * The decimal literals of a message cut to `digits` significant digits: a check at 80 digits
 * writes every digit into its evidence (kept in JSON and fixtures), which a reader of the
 * terminal does not need. Words containing digits (dec:80, θ1, hashes) are left alone.
 */
export function shortNumbers(text: string, digits = MESSAGE_DIGITS): string {
  return text.replace(LITERAL, (m) => (significant(m) > digits ? String(Number(Number(m).toPrecision(digits))) : m));
}
