import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { manifoldToy } from './manifoldToy.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import { assertDerivatives } from '../../test-support/expectDerivatives.js';
import { toyCase } from '../../test-support/decimalArbs.js';

describe('manifold-toy', () => {
  const m = manifoldToy.create({ dim: 2 });

  it('closed forms agree with high-precision finite differences, f64 to 1e-10, dec:50 to 1e-30', () => {
    assertDerivatives(manifoldToy, toyCase(-3, 3), () => ({}), { numRuns: 60, seed: 41 });
  });

  it('the loss is ½(1 + z²)x², written out naively', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true }), (x, z) => {
        expect(m.bind(f64).loss([x, z])).toBeCloseTo(0.5 * (1 + z * z) * x * x, 12);
      }),
      { numRuns: 50, seed: 42 },
    );
  });

  it('on x = 0: loss 0, gradient 0, Hessian diag(1 + z², 0), ∇S = ∇³L[e_x, e_x] = (0, 2z) = ∇(1 + z²)', () => {
    fc.assert(
      fc.property(fc.double({ min: -3, max: 3, noNaN: true }), (z) => {
        const b = m.bind(f64);
        expect(b.loss([0, z])).toBe(0);
        expect(b.grad([0, z]).map(Math.abs)).toEqual([0, 0]);
        expect(b.hessian([0, z]).map((r) => r.map(Math.abs))).toEqual([
          [1 + z * z, 0],
          [0, 0],
        ]);
        expect(b.third([0, z], [1, 0]).map((x) => x + 0)).toEqual([0, 2 * z + 0]);
        expect(m.manifold!.residual(f64, [0, z])).toBe(0);
      }),
      { numRuns: 40, seed: 43 },
    );
    const F = decimalField(50);
    expect(F.toString(m.bind(F).hessian([F.zero, F.from('0.1')])[0][0])).toBe('1.01');
    expect(m.lossStar).toBe('0');
  });

  it('rejects bad input, naming the option', () => {
    expect(() => manifoldToy.create({ params: { z: '1' } })).toThrow(/params: unknown parameter "z"/);
    expect(() => manifoldToy.create({ dim: 1 })).toThrow(/theta: model manifold-toy has 2 coordinates/);
  });
});
