import { describe, expect, it } from 'vitest';
import { MODEL_INSTANCES } from '../arbitraries/modelInstance.js';
import { f64 } from '../numerics/f64Field.js';
import { oracleAgreementTests } from '../../test-support/oracleAgreementTests.js';
import { ngd } from './ngd.js';
import { runTrajectory } from './runTrajectory.js';
import { quadraticModel } from '../../test-support/quadraticModel.js';

describe('ngd', () => {
  it('steps by exactly η along −∇L/‖∇L‖', () => {
    const model = quadraticModel([
      ['3', '0'],
      ['0', '1'],
    ]).bind(f64);
    const s = ngd(model, { lr: 0.5 }).step({ t: 0, theta: [1, 1] });
    const g = [3, 1];
    const n = Math.hypot(3, 1);
    expect(s.theta[0]).toBeCloseTo(1 - (0.5 * g[0]) / n, 15);
    expect(s.theta[1]).toBeCloseTo(1 - (0.5 * g[1]) / n, 15);
    expect(Math.hypot(s.theta[0] - 1, s.theta[1] - 1)).toBeCloseTo(0.5, 15);
  });

  it('∇L = 0 is a reported fixed point, never a division by zero', () => {
    const model = quadraticModel(
      [
        ['3', '0'],
        ['0', '1'],
      ],
      ['3', '1'],
    );
    const r = runTrajectory(model, f64, ['1', '1'], { optimizer: { id: 'ngd', lr: 0.1 }, steps: 3 });
    expect(r.diverged).toBe(false);
    expect(r.rows.map((row) => row.theta)).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
    expect(r.rows[1].state.fixedPoint).toBe('∇L = 0');
    expect(r.events).toEqual([{ t: 1, kind: 'fixed-point', reason: '∇L = 0' }]);
  });

  oracleAgreementTests('ngd', MODEL_INSTANCES, 202);
});
