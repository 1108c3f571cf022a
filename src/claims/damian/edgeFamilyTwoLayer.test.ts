import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointInfo } from '../../dynamics/pointInfo.js';
import { twoLayer } from '../../models/twoLayer.js';
import { f64 } from '../../numerics/f64Field.js';
import { dot } from '../../numerics/linalg.js';
import { EDGE_PINNED, edgeFamilyArb, outputJet } from './edgeFamilyTwoLayer.js';

const [inst] = fc.sample(edgeFamilyArb(), { seed: 1, numRuns: 1 });

describe('the two-layer edge family', () => {
  it('builds labels with ∇L(θ_K) = −μ∇S⊥ of the realisable problem, α > 0, η = 2/S (the model as the oracle)', () => {
    const th = inst.thetaK.map(Number);
    const mk = (y: readonly string[]) => twoLayer.create({ dim: 9, params: { width: '3' }, data: { X: inst.data.X.map((r) => [...r]), y: [...y] } }).bind(f64);
    const P0 = pointInfo(mk(EDGE_PINNED.X.map((x) => String(outputJet(th, x.map(Number)).f))), th);
    const dS0 = P0.sharpnessGradientPerp();
    for (const rung of inst.rungs) {
      const P = pointInfo(mk(rung.y), th);
      const g = P.grad();
      const gn = Math.hypot(...g);
      // Exact in exact arithmetic (∇L = −μJᵀJ(JᵀJ)⁻¹∇S⊥); the labels carry 12 digits.
      expect(dot(f64, g, dS0) / (gn * Math.hypot(...dS0))).toBeLessThan(-1 + 1e-8);
      expect(Math.abs(dot(f64, g, P0.top())) / gn).toBeLessThan(1e-6);
      expect(-dot(f64, g, P.sharpnessGradientPerp())).toBeGreaterThan(0);
      expect(Math.abs(Number(rung.lr) * P.sharpness() - 2)).toBeLessThan(1e-8);
    }
  });

  it('its output jet agrees with the model: ∇L = (1/n)Σ(f − y)∇f', () => {
    const rung = inst.rungs[1];
    const th = inst.thetaK.map(Number);
    const model = twoLayer.create({ dim: 9, params: { width: '3' }, data: { X: EDGE_PINNED.X.map((r) => [...r]), y: [...rung.y] } }).bind(f64);
    const jets = EDGE_PINNED.X.map((x) => outputJet(th, x.map(Number)));
    const want = th.map((_, i) => jets.reduce((s, j, k) => s + (j.f - Number(rung.y[k])) * j.g[i], 0) / jets.length);
    const got = model.grad(th);
    got.forEach((v, i) => expect(v).toBeCloseTo(want[i], 12));
  });
});
