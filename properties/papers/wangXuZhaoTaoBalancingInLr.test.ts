import { describe, expect, it } from 'vitest';
import { balancingGrowsWithLr as claim } from '../../src/claims/wangXuZhaoTao/balancingInLr.js';
import type { LossPairInstance } from '../../src/claims/wangXuZhaoTao/regularityRuns.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * wxzt.balancing.grows-with-lr through its own check at f64, against GD on ℓ(xy) written out here in
 * doubles: the imbalances Δ∞ = x² − y² it reports and their ratio |Δ∞(η')|/|Δ∞(η)|, on either side of
 * 0.9, and a pair whose larger step diverges, which is outside its hypotheses rather than a violation.
 */
const f64 = parsePrecision('f64');

/** GD on ℓ(xy) with ℓ' = s − 1 (square) or tanh(s − 1) (log-cosh), μ = 1: Δ = x² − y² after `steps` steps, NaN once |x| + |y| passes 1e6. */
function imbalanceAfter(loss: 'square' | 'logcosh', theta: readonly [string, string], lr: string, steps: number): number {
  let [x, y] = theta.map(Number);
  const eta = Number(lr);
  for (let t = 0; t < steps; t++) {
    const g = loss === 'square' ? x * y - 1 : Math.tanh(x * y - 1);
    [x, y] = [x - eta * g * y, y - eta * g * x];
    if (!(Math.abs(x) + Math.abs(y) < 1e6)) return Number.NaN;
  }
  return x * x - y * y;
}

/** From (3, 0.18), λ_GFS = √(Δ₀² + 4) with Δ₀ = 8.9676: η at κ = 2.595 and η' at κ'. */
const pair = (loss: 'square' | 'logcosh', kappa2: string, lr2: string): LossPairInstance => ({
  model: 'inner-product',
  params: { loss, mu: '1' },
  theta: ['3', '0.18'],
  lr: '0.282436108655372',
  steps: 4000,
  kappa: '2.595',
  against: loss,
  kappa2,
  lr2,
});

describe('wxzt.balancing.grows-with-lr against GD written out', () => {
  it("reports both runs' Δ∞ and their ratio; κ' = 2.84 (ratio 0.895) holds, κ' = 2.81 (0.907) is violated", () => {
    for (const [i, verdict, code] of [
      [pair('logcosh', '2.84', '0.309101560146920'), 'holds', 'more_balanced'],
      [pair('logcosh', '2.81', '0.305836402821424'), 'violated', 'not_more_balanced'],
    ] as const) {
      const o = checkAt(claim, i, f64, { mode: 'claim' }).outcome;
      const small = imbalanceAfter('logcosh', i.theta, i.lr, i.steps);
      const big = imbalanceAfter('logcosh', i.theta, i.lr2 ?? '', i.steps);
      const ratio = Math.abs(big) / Math.abs(small);
      expect([o.verdict, o.evidence.code], o.evidence.message).toEqual([verdict, code]);
      expect(Math.abs(ratio - 0.9)).toBeLessThan(0.01);
      expect(o.evidence.observed).toBeCloseTo(ratio, 12);
      expect(o.evidence.bound).toBe(0.9);
      expect(o.evidence.margin).toBe(0.9 - o.evidence.observed);
      const d = o.evidence.details ?? {};
      expect(Number(d.deltaSmall)).toBeCloseTo(small, 10);
      expect(Number(d.deltaBig)).toBeCloseTo(big, 10);
      expect(d.delta0).toBeCloseTo(3 * 3 - 0.18 * 0.18, 12);
      expect([d.loss, d.kappa, d.kappa2]).toEqual(['logcosh', '2.595', i.kappa2]);
    }
  });

  it("a pair whose larger step diverges (square loss, κ' = 4.1) is outside the hypotheses, while its smaller step converges", () => {
    const i = pair('square', '4.1', '0.45');
    expect(Number.isFinite(imbalanceAfter('square', i.theta, i.lr, i.steps))).toBe(true);
    expect(imbalanceAfter('square', i.theta, i.lr2 ?? '', i.steps)).toBeNaN();
    expect(checkAt(claim, i, f64, { mode: 'claim' }).outcome.evidence.code).toBe('not_converged');
  });
});
