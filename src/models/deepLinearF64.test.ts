import fc from 'fast-check';
import { describe, it } from 'vitest';
import { deepLinearInstance } from '../../test-support/decimalArbs.js';
import { expectSameBits, f64Entries, plainF64 } from '../../test-support/f64BitIdentity.js';
import { f64 } from '../numerics/f64Field.js';
import { deepLinear } from './deepLinear.js';

// The oracle: deepLinear's generic binding in f64's arithmetic under another identity (test-support/f64BitIdentity.ts).
describe('deep-linear float64 path', () => {
  it('loss, gradient, HVP, ∇³L[u,u], Hessian and the kernels equal the generic f64 binding bit for bit', () => {
    fc.assert(
      fc.property(deepLinearInstance, (c) => {
        const model = deepLinear.create({ data: { X: c.X, Y: c.Y, widths: c.widths } });
        expectSameBits(model.bind(f64), model.bind(plainF64), c.theta.map(Number), c.u.map(Number));
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('the same at θ and u with full mantissas, signed zeros and non-finite entries (where a changed order of sums shows)', () => {
    fc.assert(
      fc.property(
        deepLinearInstance.chain((c) => fc.tuple(fc.constant(c), f64Entries(c.theta.length), f64Entries(c.theta.length))),
        ([c, t, u]) => {
          const model = deepLinear.create({ data: { X: c.X, Y: c.Y, widths: c.widths } });
          expectSameBits(model.bind(f64), model.bind(plainF64), t, u);
        },
      ),
      { numRuns: 150, seed: 11 },
    );
  });
});
