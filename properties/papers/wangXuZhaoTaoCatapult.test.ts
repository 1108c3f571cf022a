import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type UvGdInstance, wxztCatapult as claim } from '../../src/claims/wangXuZhaoTao/uvTrajectories.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * wxzt.catapult through its own check at f64, against GD on ½(uv − 1)² written out here in doubles: the first step whose
 * loss rose (beyond the relative 1e-12 slack, above 1e-24), the steps to |uv − 1| < 1e-12 three times in a row, the largest
 * relative rise (what a control's margin reports) and η·S∞ from the closed-form 2×2 Hessian.
 */
const f64 = parsePrecision('f64');

function gdOnUv(i: UvGdInstance) {
  let [u, v] = i.theta.map(Number);
  const eta = Number(i.lr);
  let prev = (u * v - 1) ** 2 / 2;
  const rises: number[] = [];
  let maxRise = Number.NEGATIVE_INFINITY;
  let inRow = 0;
  let t = 0;
  for (; t < i.steps && inRow < 3; t++) {
    const r = u * v - 1;
    [u, v] = [u - eta * r * v, v - eta * r * u];
    const L = (u * v - 1) ** 2 / 2;
    if (prev > 1e-24) maxRise = Math.max(maxRise, (L - prev) / prev - 1e-12);
    if (L > prev * (1 + 1e-12) && L > 1e-24) rises.push(t);
    prev = L;
    inRow = Math.abs(u * v - 1) < 1e-12 ? inRow + 1 : 0;
  }
  // H = ggᵀ + r·[[0, 1], [1, 0]] with g = (v, u).
  const [a, c, b] = [v * v, u * u, 2 * u * v - 1];
  const S = (a + c) / 2 + Math.hypot((a - c) / 2, b);
  return { first: rises[0] ?? -1, rises, maxRise, steps: t, etaS: eta * S };
}

const lambdaGfs = (i: UvGdInstance) => {
  const [u, v] = i.theta.map(Number);
  return Math.sqrt((u * u - v * v) ** 2 + 4);
};

describe('wxzt.catapult against GD on uv written out', () => {
  it('draws η = κ/λ_GFS; a catapult reports its first rise, its steps to convergence and η·S∞ < 2', () => {
    const draws = fc.sample(claim.arbitrary, { seed: 4, numRuns: 6 });
    for (const i of draws) expect(Number(i.lr)).toBeCloseTo(Number(i.kappa) / lambdaGfs(i), 13);
    const held = draws.map((i) => ({ i, o: checkAt(claim, i, f64, { mode: 'claim' }).outcome })).filter(({ o }) => o.verdict === 'holds');
    expect(held.length).toBe(5);
    // The first rise is reported, not a later one: some of these catapults rise again while they oscillate.
    expect(held.filter(({ i }) => gdOnUv(i).rises.length > 1).length).toBeGreaterThan(0);
    for (const { i, o } of held) {
      const gd = gdOnUv(i);
      expect(o.evidence.code).toBe('catapult');
      expect(o.evidence.step).toBe(gd.first);
      expect(o.evidence.observed).toBeCloseTo(gd.etaS, 9);
      expect(o.evidence.observed).toBeLessThan(2);
      const d = o.evidence.details ?? {};
      expect([d.firstIncrease, d.steps]).toEqual([gd.first, gd.steps]);
      expect(Number(d.kappa)).toBeCloseTo(Number(i.kappa), 12);
      expect(Number(d.etaS0)).toBeGreaterThan(2);
    }
  });

  it('its control (κ ∈ [0.3, 1.5]) never rises: violated with the largest relative rise as its (negative) margin', () => {
    for (const i of fc.sample(claim.negativeControl.arbitrary, { seed: 4, numRuns: 6 })) {
      const o = checkAt(claim, i, f64, { mode: 'control' }).outcome;
      const gd = gdOnUv(i);
      expect([o.verdict, o.evidence.code, o.evidence.step, gd.first]).toEqual(['violated', 'no_loss_increase', gd.steps, -1]);
      expect(o.evidence.margin).toBeCloseTo(gd.maxRise, 10);
      expect(o.evidence.margin).toBeLessThan(0);
      expect(o.evidence.message).toContain(`κ = η·λ_GFS = ${o.evidence.details?.kappa}`);
    }
  });

  it('a start on the minimizers (loss 0, hypotheses waived) has no rise to measure: margin −1', () => {
    const i: UvGdInstance = { model: 'uv', params: { target: '1' }, theta: ['2', '0.5'], lr: '0.5', steps: 50, kappa: '2.125' };
    expect(checkAt(claim, i, f64, { mode: 'control' }).outcome.evidence).toMatchObject({ code: 'no_loss_increase', margin: -1, step: 3 });
  });

  it('a run that has not settled is no catapult: stopped after 5 steps it is not_converged at step 5; at κ ≈ 5.3 it diverges', () => {
    const cut: UvGdInstance = { model: 'uv', params: { target: '1' }, theta: ['2.53', '0.95'], lr: '0.4', steps: 5, kappa: '2.34' };
    expect(checkAt(claim, cut, f64, { mode: 'claim' }).outcome).toMatchObject({
      verdict: 'violated',
      evidence: { code: 'not_converged', step: 5, details: { steps: 5, firstIncrease: 0 } },
    });
    const far: UvGdInstance = { ...cut, lr: '0.9', steps: 3000, kappa: '5.27' };
    expect(checkAt(claim, far, f64, { mode: 'control' }).outcome).toMatchObject({ verdict: 'violated', evidence: { code: 'diverged', step: 5 } });
  });
});
