import { describe, expect, it } from 'vitest';
import { runTrajectory } from '../dynamics/runTrajectory.js';
import { getModelDef } from '../models/registry.js';
import { eigSym } from '../numerics/eigSym.js';
import { f64 } from '../numerics/f64Field.js';
import { rotationPolarityObserver } from './rotationPolarityObserver.js';

const run = (id: string, input: object, theta: string[], lr: string, steps: number) =>
  runTrajectory(getModelDef(id).create({ ...input, dim: theta.length } as never), f64, theta, {
    optimizer: { id: 'gd', lr },
    steps,
    observers: [rotationPolarityObserver()],
  });

describe('rotationPolarityObserver', () => {
  it('depth 1: the angle and the curvature drop are 0, and the growth is |1 − ηλ₁| (κ = 2.5: 1.5)', () => {
    // A = diag(2, 1): λ₁ = 2, u = e₁; η = 1.25 → κ = 2.5.
    const r = run(
      'quadratic',
      {
        data: {
          A: [
            ['2', '0'],
            ['0', '1'],
          ],
          b: ['0', '0'],
        },
      },
      ['0.3', '0.2'],
      '1.25',
      5,
    );
    expect(r.rows[0].fields).toEqual({ rpeGrowth: null, rpeAngle: null, rpeCurvatureDrop: null });
    for (const row of r.rows.slice(1)) {
      expect(row.fields.rpeAngle).toBe(0);
      expect(row.fields.rpeCurvatureDrop).toBe(0);
      expect(row.fields.rpeGrowth as number).toBeCloseTo(1.5, 12);
    }
  });

  it('depth 2 (deep-scalar): angle and drop agree with a dense eigensolver on consecutive Hessians', () => {
    const r = run('deep-scalar', { params: { target: '1' } }, ['1.7', '0.5'], '0.7', 6);
    const model = getModelDef('deep-scalar')
      .create({ params: { target: '1' }, dim: 2 })
      .bind(f64);
    for (let t = 1; t < r.rows.length; t++) {
      const a = eigSym(f64, model.hessian(r.rows[t - 1].theta));
      const b = eigSym(f64, model.hessian(r.rows[t].theta));
      const u = a.vectors[0];
      const v = b.vectors[0];
      const c = Math.min(1, Math.abs(u[0] * v[0] + u[1] * v[1]));
      const Hb = model.hessian(r.rows[t].theta);
      const uHu = u[0] * (Hb[0][0] * u[0] + Hb[0][1] * u[1]) + u[1] * (Hb[1][0] * u[0] + Hb[1][1] * u[1]);
      expect(r.rows[t].fields.rpeAngle as number).toBeCloseTo(Math.acos(c), 6);
      expect(r.rows[t].fields.rpeCurvatureDrop as number).toBeCloseTo(a.values[0] - uHu, 10);
    }
    expect(Math.max(...r.rows.slice(1).map((x) => x.fields.rpeAngle as number))).toBeGreaterThan(1e-3);
  });
});
