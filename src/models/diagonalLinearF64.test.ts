import fc from 'fast-check';
import { describe, it } from 'vitest';
import { dataMatrixText, dataText, expectSameBits, f64Entries, plainF64 } from '../../test-support/f64BitIdentity.js';
import { f64 } from '../numerics/f64Field.js';
import { diagonalLinear } from './diagonalLinear.js';
import { diagonalLinearF64 } from './diagonalLinearF64.js';

const instance = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })).chain(([n, d]) =>
  fc.record({
    X: dataMatrixText(n, d),
    y: fc.array(dataText, { minLength: n, maxLength: n }),
    theta: f64Entries(2 * d),
    u: f64Entries(2 * d),
  }),
);

describe('diagonal-linear float64 path', () => {
  it('loss, gradient, HVP, ∇³L[u,u], Hessian and the kernels equal the generic f64 binding bit for bit', () => {
    fc.assert(
      fc.property(instance, ({ X, y, theta: t, u }) => {
        const model = diagonalLinear.create({ data: { X, y } });
        const direct = diagonalLinearF64(
          X.map((r) => r.map(Number)),
          y.map(Number),
        );
        expectSameBits(model.bind(f64), model.bind(plainF64), t, u, direct);
      }),
      { numRuns: 150, seed: 31 },
    );
  });
});
