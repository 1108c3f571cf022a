import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODEL_INSTANCES } from '../arbitraries/modelInstance.js';
import { getModelDef } from '../models/registry.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import { relError } from '../numerics/tolerance.js';
import { oracleAgreementTests } from '../../test-support/oracleAgreementTests.js';
import { lrFor } from '../../test-support/oracleCompare.js';
import { gd } from './gd.js';
import { runTrajectory } from './runTrajectory.js';
import { quadraticModel } from '../../test-support/quadraticModel.js';

describe('gd', () => {
  it('is θ − η∇L, pure (the state is not mutated)', () => {
    const model = quadraticModel(
      [
        ['2', '0'],
        ['0', '1'],
      ],
      ['1', '0'],
    ).bind(f64);
    const opt = gd(model, { lr: 0.25 });
    const s0 = opt.init([1, 1]);
    const s1 = opt.step(s0);
    expect(s0.theta).toEqual([1, 1]);
    expect(s1).toEqual({ t: 1, theta: [1 - 0.25 * (2 - 1), 1 - 0.25 * 1] });
    expect(() => gd(model, { lr: 0 })).toThrow(/positive/);
  });

  // An independent computation: a plain decimal loop at 100 digits with finite-difference
  // gradients of the loss (h = 1e-45), no closed-form derivative and no runner code.
  oracleAgreementTests('gd', MODEL_INSTANCES, 101);

  it('f64 agrees with dec:50 to 1e-9 over 50 steps below 2/η (gd and momentum, every model)', () => {
    let f64Worst = 0;
    let checked = 0;
    for (const id of Object.keys(MODEL_INSTANCES)) {
      fc.assert(
        fc.property(MODEL_INSTANCES[id], fc.constantFrom('gd' as const, 'momentum' as const), (inst, rule) => {
          const model = getModelDef(id).create(inst.input);
          const lr = lrFor(model, inst.theta);
          const config = { optimizer: { id: rule, lr, beta: '0.5' }, steps: 50, every: 1, divergenceBound: 1e40 };
          const a = runTrajectory(model, f64, inst.theta, config);
          const D = decimalField(50);
          const b = runTrajectory(model, D, inst.theta, config);
          fc.pre(!a.diverged && !b.diverged);
          // Below the edge all along: S_t < 2/η at every step (checked in dec:50).
          const edge = 2 / Number(lr);
          for (const row of b.rows) {
            const H = model.bind(f64).hessian(row.theta.map((x) => x.toNumber()));
            const gersh = Math.max(...H.map((r) => r.reduce((s, x) => s + Math.abs(x), 0)));
            fc.pre(gersh < edge);
          }
          let err = 0;
          for (let k = 0; k < a.rows.length; k++) {
            err = Math.max(
              err,
              relError(
                D,
                a.rows[k].theta.map((x) => D.from(x)),
                b.rows[k].theta,
              ),
            );
          }
          f64Worst = Math.max(f64Worst, err);
          checked++;
          expect(err).toBeLessThan(1e-9);
        }),
        { numRuns: 6, seed: 7 },
      );
    }
    console.log('f64 vs dec:50, 50 steps: max relative error', f64Worst, 'over', checked, 'runs');
    expect(checked).toBeGreaterThanOrEqual(50);
  });
});
