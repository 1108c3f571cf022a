import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type InnerProductGdInstance, wxztBalancingIdentity as claim } from '../../src/claims/wangXuZhaoTao/wangXuZhaoTao.js';
import { checkAt, evaluate } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * wxzt.balancing.exact-identity through its own check: its generator against the stated hypotheses, a balanced start
 * (‖x‖² = ‖y‖², where the identity's two sides are rounding noise around 0 and only the magnitudes they are summed from
 * give the scale), and its negative control against ‖x⁺‖² − ‖y⁺‖² − (‖x‖² − ‖y‖²) = −η²ℓ'²Δ written out in doubles.
 */
const f64 = parsePrecision('f64');

describe('wxzt.balancing.exact-identity', () => {
  it('draws k ∈ {1, 2, 3} pairs (x, y), μ ∈ [−1, 2] and θ ∈ [−1.5, 1.5] of either sign, each loss', () => {
    const draws = fc.sample(claim.arbitrary, { seed: 3, numRuns: 200 });
    expect(new Set(draws.map((i) => i.theta.length))).toEqual(new Set([2, 4, 6]));
    expect(new Set(draws.map((i) => i.params.loss))).toEqual(new Set(['square', 'logcosh', 'quartic']));
    const mus = draws.map((i) => Number(i.params.mu));
    const thetas = draws.flatMap((i) => i.theta.map(Number));
    expect(Math.min(...mus)).toBeLessThan(-0.5);
    expect(Math.max(...mus)).toBeGreaterThan(1.5);
    for (const m of mus) expect(Math.abs(m - 0.5)).toBeLessThanOrEqual(1.5);
    expect(Math.min(...thetas)).toBeLessThan(-1);
    expect(Math.max(...thetas)).toBeGreaterThan(1);
    for (const t of thetas) expect(Math.abs(t)).toBeLessThanOrEqual(1.5);
  });

  it('holds from balanced starts (‖x‖² = ‖y‖² = 0.25, 1, 1.69): the rounding of Δ ≈ 0 is measured against the squares it is summed from', () => {
    for (const [theta, loss, mu, lr] of [
      [['0.3', '0.4', '0.5', '0'], 'square', '0.5', '0.3'],
      [['0.6', '0.8', '1', '0'], 'logcosh', '0.2', '0.37'],
      [['0.5', '1.2', '1.3', '0'], 'quartic', '-0.7', '0.41'],
    ] as const) {
      const inst: InnerProductGdInstance = { model: 'inner-product', params: { loss, mu }, theta, lr, steps: 4 };
      const o = checkAt(claim, inst, f64, { mode: 'claim' }).outcome;
      expect([o.verdict, o.evidence.code], o.evidence.message).toEqual(['holds', 'identity_holds']);
      // A few ulps of relative error, at one of the 4 steps checked.
      expect(o.evidence.observed).toBeLessThan(1e-15);
      expect(o.evidence.step).toBeLessThan(4);
      expect(o.evidence.message).toContain('at each of 4 steps');
      expect(evaluate(claim, inst, { mode: 'claim' }).verdict.verdict).toBe('holds');
    }
  });

  it("its control (GF's conservation asserted for GD) is flagged at step 0, reporting η·ℓ'(s) = η(xy + 1)", () => {
    const controls = fc.sample(claim.negativeControl.arbitrary, { seed: 5, numRuns: 5 });
    for (const i of controls) {
      expect(i.variant).toBe('gf-conserved');
      const [x, y] = i.theta.map(Number);
      const o = checkAt(claim, i, f64, { mode: 'control' }).outcome;
      expect([o.verdict, o.evidence.code, o.evidence.step]).toEqual(['violated', 'identity_mismatch', 0]);
      const d = o.evidence.details ?? {};
      expect(d.loss).toBe('square');
      expect(Number(d.etaEllPrime)).toBeCloseTo(Number(i.lr) * (x * y + 1), 12);
      // |Δ⁺ − Δ| = η²ℓ'²|Δ| against the scale (|x| + η|ℓ'||y|)² + (|y| + η|ℓ'||x|)² + |Δ|(1 + η²ℓ'²).
      const e = Number(i.lr) * (x * y + 1);
      const delta = x * x - y * y;
      const scale = (Math.abs(x) + e * Math.abs(y)) ** 2 + (Math.abs(y) + e * Math.abs(x)) ** 2 + Math.abs(delta) * (1 + e * e);
      expect(o.evidence.observed).toBeCloseTo((e * e * Math.abs(delta)) / scale, 10);
      expect(evaluate(claim, i, { mode: 'control' }).verdict.verdict).toBe('violated');
    }
  });
});
