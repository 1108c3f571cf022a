import fc from 'fast-check';

// Random model data as decimal text for the model tests, which sit below src/arbitraries in the
// layer order: thousandths in [lo, hi] (k/1000 printed by JavaScript is that decimal exactly).
const thousandths = (lo: number, hi: number) => fc.integer({ min: Math.ceil(lo * 1000), max: Math.floor(hi * 1000) }).map((k) => String(k / 1000));

/** A vector of n decimal texts in [lo, hi]. */
export const decimalVector = (n: number, lo: number, hi: number): fc.Arbitrary<string[]> => fc.array(thousandths(lo, hi), { minLength: n, maxLength: n });

/** An r×c matrix of decimal texts in [lo, hi]. */
export const decimalMatrix = (r: number, c: number, lo: number, hi: number): fc.Arbitrary<string[][]> =>
  fc.array(decimalVector(c, lo, hi), { minLength: r, maxLength: r });

/** A decimal text in [lo, hi] in steps of 10⁻⁶ (k/10⁶ printed by JavaScript is that decimal exactly). */
export const microDecimal = (lo: number, hi: number): fc.Arbitrary<string> =>
  fc.integer({ min: Math.round(lo * 1e6), max: Math.round(hi * 1e6) }).map((k) => (k / 1e6).toString());

/** A vector of n decimal texts in [lo, hi], in steps of 10⁻⁶. */
export const microVector = (n: number, lo: number, hi: number): fc.Arbitrary<string[]> => fc.array(microDecimal(lo, hi), { minLength: n, maxLength: n });

/** A pair of decimal texts in [lo, hi], in steps of 10⁻⁶ (a point or direction of the two-coordinate toys). */
export const microPair = (lo: number, hi: number): fc.Arbitrary<[string, string]> => fc.tuple(microDecimal(lo, hi), microDecimal(lo, hi));

/** A point of a two-coordinate toy in [lo, hi]² and two directions in [−1, 1]², in steps of 10⁻⁶. */
export const toyCase = (lo: number, hi: number): fc.Arbitrary<{ theta: [string, string]; u: [string, string]; v: [string, string] }> =>
  fc.record({ theta: microPair(lo, hi), u: microPair(-1, 1), v: microPair(-1, 1) });

/**
 * Deep linear networks of depth 1–3 and widths 1–3 with n = 1–3 samples: the widths, data X (n×d₀)
 * and Y (n×d_D), a point θ and two directions u, v, all short decimals.
 * @internal
 */
export const deepLinearInstance = fc
  .tuple(fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 2, maxLength: 4 }), fc.integer({ min: 1, max: 3 }))
  .chain(([widths, n]) => {
    let p = 0;
    for (let l = 1; l < widths.length; l++) p += widths[l] * widths[l - 1];
    return fc.record({
      widths: fc.constant(widths.map(String)),
      X: decimalMatrix(n, widths[0], -2, 2),
      Y: decimalMatrix(n, widths[widths.length - 1], -2, 2),
      theta: decimalVector(p, -1.5, 1.5),
      u: decimalVector(p, -1, 1),
      v: decimalVector(p, -1, 1),
    });
  });
