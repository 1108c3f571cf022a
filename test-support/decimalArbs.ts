import fc from 'fast-check';

// Random model data as decimal text for the model tests, which sit below src/arbitraries in the
// layer order: thousandths in [lo, hi] (k/1000 printed by JavaScript is that decimal exactly).
const thousandths = (lo: number, hi: number) => fc.integer({ min: Math.ceil(lo * 1000), max: Math.floor(hi * 1000) }).map((k) => String(k / 1000));

/** A vector of n decimal texts in [lo, hi]. */
export const decimalVector = (n: number, lo: number, hi: number): fc.Arbitrary<string[]> =>
  fc.array(thousandths(lo, hi), { minLength: n, maxLength: n });

/** An r×c matrix of decimal texts in [lo, hi]. */
export const decimalMatrix = (r: number, c: number, lo: number, hi: number): fc.Arbitrary<string[][]> =>
  fc.array(decimalVector(c, lo, hi), { minLength: r, maxLength: r });
