import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { minimalist } from './minimalist.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import { assertDerivatives } from '../../test-support/expectDerivatives.js';
import { toyCase } from '../../test-support/decimalArbs.js';

/** Eigenvalues of a symmetric 2×2 matrix, ascending. */
function eig2(H: number[][]): [number, number] {
  const m = (H[0][0] + H[1][1]) / 2;
  const d = Math.hypot((H[0][0] - H[1][1]) / 2, H[0][1]);
  return [m - d, m + d];
}

describe('minimalist', () => {
  const m = minimalist.create({ dim: 2 });

  it('closed forms agree with high-precision finite differences, f64 to 1e-10, dec:50 to 1e-30', () => {
    assertDerivatives(minimalist, toyCase(-2, 2), () => ({}), { numRuns: 60, seed: 31 });
  });

  it('the loss is ¼(x²y² − 1)², written out naively', () => {
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), fc.double({ min: -2, max: 2, noNaN: true }), (x, y) => {
        expect(m.bind(f64).loss([x, y])).toBeCloseTo((x * x * y * y - 1) ** 2 / 4, 12);
      }),
      { numRuns: 50, seed: 32 },
    );
  });

  it('at a minimizer xy = ±1 the eigenvalues are 0 and 2(x² + y²), with eigenvector ∝ (y, x)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.2, max: 5, noNaN: true }), fc.boolean(), (x, neg) => {
        const y = (neg ? -1 : 1) / x;
        const b = m.bind(f64);
        const H = b.hessian([x, y]);
        const [lo, hi] = eig2(H);
        const S = 2 * (x * x + y * y);
        expect(Math.abs(lo)).toBeLessThan(1e-12 * S);
        expect(Math.abs(hi - S)).toBeLessThan(1e-12 * S);
        // H(y, x) = S(y, x): the top eigenvector is the gradient direction of xy.
        expect(Math.abs(H[0][0] * y + H[0][1] * x - S * y)).toBeLessThan(1e-11 * S);
        expect(Math.abs(H[1][0] * y + H[1][1] * x - S * x)).toBeLessThan(1e-11 * S);
        expect(Math.abs(b.loss([x, y]))).toBeLessThan(1e-28);
      }),
      { numRuns: 40, seed: 33 },
    );
  });

  it('the manifold residual vanishes exactly at (2, 0.5) in dec:50; L* = 0', () => {
    const F = decimalField(50);
    expect(F.toString(m.manifold!.residual(F, [F.from('2'), F.from('-0.5')]))).toBe('0');
    expect(F.toString(m.bind(F).loss([F.from('0.4'), F.from('2.5')]))).toBe('0');
    expect(m.lossStar).toBe('0');
    expect(m.thetaNames).toEqual(['x', 'y']);
  });

  it('rejects bad input, naming the option', () => {
    expect(() => minimalist.create({ params: { mu: '1' } })).toThrow(/params: unknown parameter "mu" for model minimalist \(it takes none\)/);
    expect(() => minimalist.create({ dim: 3 })).toThrow(/theta: model minimalist has 2 coordinates/);
  });
});
