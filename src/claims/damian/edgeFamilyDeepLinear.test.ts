import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pointInfo } from '../../dynamics/pointInfo.js';
import { deepLinear } from '../../models/deepLinear.js';
import { f64 } from '../../numerics/f64Field.js';
import { dot } from '../../numerics/linalg.js';
import { DEEP_PINNED, DEEP_WIDTHS, deepLinearEdgeFamilyArb, deepLinearEdgeModel, deepLinearJets, deepLinearThetaK } from './edgeFamilyDeepLinear.js';
import { rowSpacePart } from './edgeFamilyLinearLabels.js';

const [inst] = fc.sample(deepLinearEdgeFamilyArb(), { seed: 1, numRuns: 1 });
const X = DEEP_PINNED.X;
const mk = (Y: readonly (readonly string[])[]) =>
  deepLinear.create({ data: { X: X.map((r) => [...r]), Y: Y.map((r) => [...r]), widths: DEEP_WIDTHS.map(String) } }).bind(f64);

describe('the deep-linear edge family', () => {
  it('stores the θ_K its fibre descent reaches from the pinned draw, where ∇S has no part along the fibre', () => {
    expect(deepLinearThetaK(X, DEEP_PINNED.thetaStart)).toEqual(DEEP_PINNED.thetaK);
    const th = DEEP_PINNED.thetaK.map(Number);
    const m = deepLinearEdgeModel(X);
    const { f, J } = m.jets(th);
    const dS = pointInfo(m.bind(f), th).sharpnessGradient();
    const { part } = rowSpacePart(J, dS);
    // The descent converged (1e-11) before rounding θ_K to 12 digits.
    expect(Math.hypot(...dS.map((x, i) => x - part[i])) / Math.hypot(...dS)).toBeLessThan(1e-9);
  });

  it('builds labels with ∇L(θ_K) = −μ∇S⊥, ∇L·u ≈ 0, α > 0, η = 2/S and η²α = ε² (the model as the oracle)', () => {
    const th = inst.thetaK.map(Number);
    for (const rung of inst.rungs) {
      const P = pointInfo(mk(rung.Y), th);
      const g = P.grad();
      const dS = P.sharpnessGradientPerp();
      const gn = Math.hypot(...g);
      // Up to the fixed point's 6 passes (u and ∇S⊥ move with the labels at order μ): 2e-5 and 4e-6 at ε = 0.056.
      expect(dot(f64, g, dS) / (gn * Math.hypot(...dS))).toBeLessThan(-1 + 1e-4);
      expect(Math.abs(dot(f64, g, P.top())) / gn).toBeLessThan(1e-4);
      const alpha = -dot(f64, g, dS);
      expect(alpha).toBeGreaterThan(0);
      expect(Math.abs(Number(rung.lr) * P.sharpness() - 2)).toBeLessThan(1e-8);
      expect(Math.abs((Number(rung.lr) ** 2 * alpha) / Number(rung.target) ** 2 - 1)).toBeLessThan(1e-3);
    }
  });

  it('its output jets agree with the model: ∇L = (1/n)Jᵀ(f − Y), at θ_K and at a point off balance', () => {
    const rung = inst.rungs[2];
    const y = rung.Y.flat().map(Number);
    for (const th of [inst.thetaK.map(Number), DEEP_PINNED.thetaStart.map(Number)]) {
      const { f, J } = deepLinearJets(
        X.map((r) => r.map(Number)),
        DEEP_WIDTHS,
        th,
      );
      const want = th.map((_, i) => J.reduce((s, row, k) => s + (f[k] - y[k]) * row[i], 0) / X.length);
      mk(rung.Y)
        .grad(th)
        .forEach((v, i) => expect(v).toBeCloseTo(want[i], 12));
    }
  });
});
