import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MfGdInstance, wxztGapBelowEdge as claim } from '../../src/claims/wangXuZhaoTao/gapBelowEdge.js';
import { UsageError } from '../../src/errors.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * wxzt.eos.gap-below-edge through its own check at f64, against GD on ½‖uvᵀ − A‖²_F (u, v ∈ ℝ², A 2×2) written out here in
 * doubles: the steps to ½‖E‖² < 5e-25 three times in a row, and η·S∞ = η(‖u‖² + ‖v‖²) (the top Gauss–Newton eigenvalue at a
 * minimizer, where the residual term vanishes to ~1e-12). The claim's verdict and its control's on either side of their bounds,
 * and the guards on the target's shape and the step size.
 */
const f64 = parsePrecision('f64');

function gdOnMf(i: MfGdInstance) {
  let [u1, u2, v1, v2] = i.theta.map(Number);
  const A = i.data.A.map((r) => r.map(Number));
  const eta = Number(i.lr);
  const halfSq = () => ((u1 * v1 - A[0][0]) ** 2 + (u1 * v2 - A[0][1]) ** 2 + (u2 * v1 - A[1][0]) ** 2 + (u2 * v2 - A[1][1]) ** 2) / 2;
  let inRow = 0;
  let t = 0;
  for (; t < i.steps && inRow < 3; t++) {
    const E = [
      [u1 * v1 - A[0][0], u1 * v2 - A[0][1]],
      [u2 * v1 - A[1][0], u2 * v2 - A[1][1]],
    ];
    const gu = [E[0][0] * v1 + E[0][1] * v2, E[1][0] * v1 + E[1][1] * v2];
    const gv = [E[0][0] * u1 + E[1][0] * u2, E[0][1] * u1 + E[1][1] * u2];
    [u1, u2, v1, v2] = [u1 - eta * gu[0], u2 - eta * gu[1], v1 - eta * gv[0], v2 - eta * gv[1]];
    inRow = halfSq() < 5e-25 ? inRow + 1 : 0;
  }
  return { steps: t, settled: inRow >= 3, etaS: eta * (u1 * u1 + u2 * u2 + v1 * v1 + v2 * v2) };
}

const draws = fc.sample(claim.arbitrary, { seed: 3, numRuns: 5 });

describe('wxzt.eos.gap-below-edge against GD on matrix factorization written out', () => {
  it('each draw converges in the steps written out and reports η·S∞ and η·λ₀; below 1.9 it holds, above it is at_edge, margin 1.9 − η·S∞', () => {
    const codes = new Set<string>();
    for (const i of draws) {
      const gd = gdOnMf(i);
      expect(gd.settled).toBe(true);
      const o = checkAt(claim, i, f64, { mode: 'claim' }).outcome;
      codes.add(o.evidence.code);
      expect([o.verdict, o.evidence.code]).toEqual(gd.etaS < 1.9 ? ['holds', 'gap_below_edge'] : ['violated', 'at_edge']);
      expect(o.evidence.step).toBe(gd.steps);
      expect(o.evidence.observed).toBeCloseTo(gd.etaS, 10);
      expect(o.evidence.margin).toBeCloseTo(1.9 - gd.etaS, 10);
      const [u1, u2, v1, v2] = i.theta.map(Number);
      const d = o.evidence.details ?? {};
      expect(d.steps).toBe(gd.steps);
      expect(Number(d.etaS)).toBe(o.evidence.observed);
      expect(Number(d.etaLambda0)).toBeCloseTo(Number(i.lr) * (u1 * u1 + u2 * u2 + v1 * v1 + v2 * v2), 12);
      expect(Number(d.etaLambdaGfs)).toBeCloseTo(Number(i.kappa), 12);
    }
    expect(codes).toEqual(new Set(['gap_below_edge', 'at_edge']));
  });

  it('its control, the naive band |η·S∞/2 − 1| < 0.05, holds on the runs ending near the edge and fails on the others, margin 0.05 − |η·S∞/2 − 1|', () => {
    for (const i of draws) {
      const gd = gdOnMf(i);
      const dev = Math.abs(gd.etaS / 2 - 1);
      const o = checkAt(claim, { ...i, variant: 'naive-band' }, f64, { mode: 'control' }).outcome;
      expect([o.verdict, o.evidence.code]).toEqual(dev < 0.05 ? ['holds', 'at_edge'] : ['violated', 'not_at_edge']);
      expect(o.evidence.observed).toBeCloseTo(dev, 10);
      expect(o.evidence.margin).toBeCloseTo(0.05 - dev, 10);
      expect(o.evidence.step).toBe(gd.steps);
    }
    expect(fc.sample(claim.negativeControl.arbitrary, { seed: 3, numRuns: 5 })).toEqual(draws.map((i) => ({ ...i, variant: 'naive-band' })));
  });

  it('is stated for a rank-1 factorization of a 2×2 target: a 3×2 or 2×3 target or rank 2 is outside it; a missing η is bad input', () => {
    const i = draws[0];
    for (const other of [
      { ...i, data: { A: [...i.data.A, ['1', '2']], rank: '1' }, theta: [i.theta[0], i.theta[1], '1', i.theta[2], i.theta[3]] },
      { ...i, data: { A: i.data.A.map((r) => [...r, '1']), rank: '1' }, theta: [...i.theta, '1'] },
      { ...i, data: { A: i.data.A, rank: '2' }, theta: [...i.theta, ...i.theta] },
    ])
      expect(checkAt(claim, other as unknown as MfGdInstance, f64, { mode: 'claim' }).outcome.evidence.code).toBe('not_rank1_2x2');
    expect(() => checkAt(claim, { ...i, lr: undefined } as unknown as MfGdInstance, f64, { mode: 'claim' })).toThrow(UsageError);
  });
});
