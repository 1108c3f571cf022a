import fc from 'fast-check';
import { describe, it } from 'vitest';
import { dataMatrixText, dataText, expectSameBits, f64Entries, plainF64 } from '../../test-support/f64BitIdentity.js';
import { f64 } from '../numerics/f64Field.js';
import { type TwoLayerActivation, twoLayer } from './twoLayer.js';
import { twoLayerF64 } from './twoLayerF64.js';

const instance = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).chain(([m, d, n]) =>
  fc.record({
    width: fc.constant(String(m)),
    activation: fc.constantFrom<TwoLayerActivation>('tanh', 'softplus', 'sigmoid'),
    X: dataMatrixText(n, d),
    y: fc.array(dataText, { minLength: n, maxLength: n }),
    theta: f64Entries(m * (d + 1)),
    u: f64Entries(m * (d + 1)),
  }),
);

describe('two-layer float64 path', () => {
  it('loss, gradient, HVP, ∇³L[u,u], Hessian and the kernels equal the generic f64 binding bit for bit, for every activation', () => {
    fc.assert(
      fc.property(instance, ({ width, activation, X, y, theta: t, u }) => {
        const model = twoLayer.create({ params: { width, activation }, data: { X, y } });
        const direct = twoLayerF64(
          Number(width),
          activation,
          X.map((r) => r.map(Number)),
          y.map(Number),
        );
        // The activations are kept for the last θ: points that differ from the one before in one coordinate only, then in all.
        const last = t.length - 1;
        const points = [t, [...t.slice(0, last), u[last]], t, [u[0], ...t.slice(1)], u];
        for (const p of points) expectSameBits(model.bind(f64), model.bind(plainF64), p, u, direct);
      }),
      { numRuns: 40, seed: 13 },
    );
  });
});
