import { describe, expect, it } from 'vitest';
import { gdToEdge } from '../dynamics/gdToEdge.js';
import { runTrajectory } from '../dynamics/runTrajectory.js';
import { getModelDef } from '../models/registry.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import { selfStabilizationObserver } from './selfStabilizationObserver.js';
import { tensorPowerNorms } from './tensorPowerNorms.js';

/** The cubic toy ½(a₀ + bz)x² − cz (docs/claims/damian.md): GD beside pgd is exactly θ† + v⋆ once θ† is on the edge. */
const [a0, b, c] = [19.5, 1.5, 0.1];
const toy = () => getModelDef('cubic-toy').create({ dim: 2, params: { a0: String(a0), b: String(b), c: String(c) } });

describe('selfStabilization: the pipeline fields', () => {
  it('on the cubic toy started past the edge (θ† on the edge from step 1) GD is θ† + v⋆ and the predictions are closed forms', () => {
    // S(θ₀) ≈ a₀ + 0.5b = 20.25 > 2/η = 20. The projection of θ₀ itself may stop strictly inside M
    // (its Newton step lowers S too), so the pipeline is resumed from step 1, where θ†₁ = (0, 1/3) is
    // on the edge, and stays there.
    const cfg = { optimizer: { id: 'gd' as const, lr: '0.1' }, reference: 'pgd' as const, observers: [selfStabilizationObserver()] };
    const first = runTrajectory(toy(), f64, ['0.01', '0.5'], { ...cfg, steps: 1 }).rows[1];
    const r = runTrajectory(toy(), f64, first.theta, { ...cfg, steps: 150 }, { state: first.state, referenceState: first.referenceState! });
    expect(r.diverged).toBe(false);
    let worst = 0;
    let flowMoved = 0;
    for (const row of r.rows) {
      const [x, z] = row.theta;
      const [, zd] = row.referenceState!.theta;
      const f = row.fields;
      // v⋆ reproduces GD: the exactness of the reduced map on this toy (rounding only).
      worst = Math.max(worst, f.predictedError as number);
      expect(f.predictedX as number).toBeCloseTo(f.x as number, 10);
      // At θ† = (0, z†): u = e_x, ∇S⊥ = (0, b), S(θ†) = a₀ + bz† = 2/η, L(θ†) = −cz†.
      expect(f.daggerSharpness as number).toBeCloseTo(20, 9);
      expect(f.predictedSharpness as number).toBeCloseTo(a0 + b * z, 9);
      expect(f.predictedLoss as number).toBeCloseTo(-c * zd + (x * x) / 0.1, 9);
      expect(f.lambda2 as number).toBeCloseTo(0, 9);
      // ∇³L has the single entry ∂xxz = b: the authors' power iteration from u = e_x collapses (A(e_z) = 0).
      expect(f.rho3).toBe(0);
      flowMoved = Math.max(flowMoved, f.gdFlowDistance as number);
    }
    expect(worst).toBeLessThan(1e-12);
    expect(r.rows[0].t).toBe(1);
    expect(r.rows[0].fields.gdFlowDistance).toBe(0);
    expect(flowMoved).toBeGreaterThan(0.1);
  });

  it('gradient flow fields match the flow rule run on its own; with every > 1 the predicted dynamics are null', () => {
    const model = toy();
    const cfg = { optimizer: { id: 'gd' as const, lr: '0.1' }, reference: 'pgd' as const, observers: [selfStabilizationObserver()] };
    const r1 = runTrajectory(model, f64, ['0.01', '0.5'], { ...cfg, steps: 12 });
    const r3 = runTrajectory(model, f64, ['0.01', '0.5'], { ...cfg, steps: 12, every: 3 });
    const gf = runTrajectory(model, f64, ['0.01', '0.5'], { optimizer: { id: 'flow', lr: '0.1' }, steps: 12 });
    for (const row of r3.rows) {
      const same = r1.rows[row.t].fields;
      expect(row.fields.flowDistance).toBe(same.flowDistance);
      expect(row.fields.flowLoss).toBe(same.flowLoss);
      const g = gf.rows[row.t].theta;
      expect(row.fields.gdFlowDistance as number).toBeCloseTo(Math.hypot(row.theta[0] - g[0], row.theta[1] - g[1]), 14);
      expect(row.fields.predictedError).toBe(row.t === 0 ? 0 : null);
    }
  });

  it("ρ₃ and ρ₄ are the authors' power-iteration sizes: 6|θ| and 6 for ¼(θ² − μ)², the tensor entries of a cubic and quartic form", () => {
    const q = getModelDef('quartic').create({ dim: 1, params: { mu: '1' } });
    for (const th of [0.7, -1.3]) {
      const r = tensorPowerNorms(q.bind(f64), [th], [1]);
      expect(r.rho3).toBeCloseTo(6 * Math.abs(th), 12);
      expect(r.rho4).toBeCloseTo(6, 8);
    }
    // L = x³ + y⁴ at θ = 0, from v₀ = (0.6, 0.8):
    const e = getModelDef('expr').create({ expr: 'x^3 + y^4', vars: ['x', 'y'] });
    const D = decimalField(40);
    const r = tensorPowerNorms(e.bind(D), [D.from('0'), D.from('0')], [D.from('0.6'), D.from('0.8')]);
    // ∇³L(0)[v,v] = (6vₓ², 0): the iteration settles on eₓ, ρ₃ = 6; ∇⁴L(0)[v,v,v] = (0, 24v_y³): from v₀ it settles on e_y, ρ₄ = 24.
    expect(D.toNumber(r.rho3)).toBeCloseTo(6, 20);
    expect(D.toNumber(r.rho4)).toBeCloseTo(24, 10);
  });
});

describe('gdToEdge', () => {
  it('stops at the first step whose midpoint sharpness reaches 2/η (cubic toy from x = 0: z_t = ηct)', () => {
    // S(0, z) = a₀ + bz; the midpoint of step t is z = ηc(t + ½); 19.5 + 1.5·0.01(t + ½) ≥ 20 first at t = 33.
    const m = toy().bind(f64);
    const r = gdToEdge(m, [0, 0], '0.1', 1000);
    expect(r).toMatchObject({ reached: true, t: 33 });
    expect(r.reached && r.theta[1]).toBeCloseTo(0.33, 12);
    expect(gdToEdge(m, [0, 0], '0.1', 20)).toEqual({ reached: false, t: 20, reason: 'the sharpness stayed below 2/η for 20 steps', cause: 'steps' });
    // A minimizer below the edge: GD stops moving (the quadratic ½θ², η = 0.5 halves θ until it underflows to 0).
    const quad = getModelDef('quadratic')
      .create({ dim: 1, data: { A: [['1']] } })
      .bind(f64);
    expect(gdToEdge(quad, [1], '0.5', 100_000)).toMatchObject({
      reached: false,
      reason: expect.stringMatching(/^GD reached a fixed point at step \d+ below 2\/η$/),
      cause: 'fixedPoint',
    });
  });

  it("at: 'iterate' stops at the first iterate with S ≥ 2/η, reading S before each step and no gradient there", () => {
    // S(θ_t) = 19.5 + 1.5·0.01·t ≥ 20 first at t = 34 (t = 33.3 exactly is not a step).
    const m = toy().bind(f64);
    let grads = 0;
    let hessians = 0;
    const counted = { ...m, grad: (t: number[]) => (grads++, m.grad(t)), hessian: (t: number[]) => (hessians++, m.hessian(t)) };
    const r = gdToEdge(counted, [0, 0], '0.1', 1000, { at: 'iterate' });
    expect(r).toMatchObject({ reached: true, t: 34 });
    expect(r.reached && r.theta[1]).toBeCloseTo(0.34, 12);
    expect(r.reached && r.sharpness).toBeGreaterThanOrEqual(20);
    expect([grads, hessians]).toEqual([34, 35]);
    // At most maxSteps steps: S read at θ₀..θ₂₀, 20 gradients.
    grads = 0;
    hessians = 0;
    expect(gdToEdge(counted, [0, 0], '0.1', 20, { at: 'iterate' })).toEqual({
      reached: false,
      t: 20,
      reason: 'the sharpness stayed below 2/η for 20 steps',
      cause: 'steps',
    });
    expect([grads, hessians]).toEqual([20, 21]);
  });
});
