import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODEL_INSTANCES } from '../arbitraries/modelInstance.js';
import { getModelDef } from '../models/registry.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import { oracleAgreementTests } from '../../test-support/oracleAgreementTests.js';
import { runTrajectory } from './runTrajectory.js';
import { sqrtGd } from './sqrtGd.js';
import { quadraticModel } from '../../test-support/quadraticModel.js';

/** Families with a known L* (on every instance or on some). */
const WITH_LSTAR = Object.keys(MODEL_INSTANCES).filter((id) =>
  fc.sample(MODEL_INSTANCES[id], { numRuns: 20, seed: 1 }).some((inst) => getModelDef(id).create(inst.input).lossStar !== undefined),
);

describe('sqrt-gd', () => {
  it('covers the families that know L*', () => {
    expect(WITH_LSTAR).toEqual(expect.arrayContaining(['uv', 'deep-scalar', 'quartic', 'minimalist', 'manifold-toy', 'matrix-factorization']));
  });

  it('without L* (model or option) is a clear error; an explicit lstar works', () => {
    const quad = quadraticModel([['2']]);
    expect(() => sqrtGd(quad.bind(f64), { lr: 0.1 })).toThrow(/L\*/);
    const s = sqrtGd(quad.bind(f64), { lr: 0.1, lstar: '0' });
    // L = θ², ∇√L = sign(θ): one step moves by exactly η.
    expect(s.step(s.init([1])).theta[0]).toBeCloseTo(0.9, 15);
  });

  it('L − L* ≤ 0 is a reported fixed point', () => {
    const model = getModelDef('uv').create({ dim: 2, params: { target: '1' } });
    const r = runTrajectory(model, decimalField(30), ['2', '0.5'], { optimizer: { id: 'sqrt-gd', lr: '0.1' }, steps: 2 });
    expect(r.diverged).toBe(false);
    expect(r.rows[2].theta.map(String)).toEqual(['2', '0.5']);
    expect(r.events).toEqual([{ t: 1, kind: 'fixed-point', reason: 'L ≤ L*' }]);
  });

  it('uv: Δ⁺ = Δ(1 − η²/2) exactly for every step, whatever r (docs/claims/arora.md), 1e-12 in f64', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 2, maxLength: 2 }),
        fc.double({ min: 0.01, max: 0.3, noNaN: true }),
        (theta, lr) => {
          fc.pre(Math.abs(theta[0] * theta[1] - 1) > 1e-3);
          const model = getModelDef('uv').create({ dim: 2 });
          const r = runTrajectory(model, f64, theta, { optimizer: { id: 'sqrt-gd', lr }, steps: 50 });
          for (let k = 1; k < r.rows.length; k++) {
            if (r.rows[k].state.fixedPoint !== undefined) break;
            const [u0, v0] = r.rows[k - 1].theta;
            const [u1, v1] = r.rows[k].theta;
            const want = (u0 * u0 - v0 * v0) * (1 - (lr * lr) / 2);
            expect(Math.abs(u1 * u1 - v1 * v1 - want)).toBeLessThanOrEqual(1e-12 * (u1 * u1 + v1 * v1));
          }
        },
      ),
      { numRuns: 50, seed: 5 },
    );
  });

  oracleAgreementTests(
    'sqrt-gd',
    Object.fromEntries(WITH_LSTAR.map((id) => [id, MODEL_INSTANCES[id].filter((inst) => getModelDef(id).create(inst.input).lossStar !== undefined)])),
    303,
  );
});
