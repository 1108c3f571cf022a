import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type UvRateInstance, wxztConvergenceRate as claim } from '../../src/claims/wangXuZhaoTao/convergenceRate.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * wxzt.convergence-rate through its own check at f64, against GD on ½(uv − 1)² written out here in doubles: the residuals
 * r_t = u_t v_t − 1, the final-phase window (|r_t| ≤ 1e-6, |r_{t+1}| ≥ 1e-11), the predicted rate ρ = |1 − η·S| (S∞, or S(θ₀)
 * in the control), the worst contraction's deviation from ρ and its step, the fitted rate, the steps to |r| < 1e-12 and their
 * prediction ⌈log(|r_w|/1e-12)/log(1/ρ)⌉, each on the side of its bound that the verdict reports.
 */
const f64 = parsePrecision('f64');

const uv = (u: string, v: string, lr: string, o: { variant?: 'initial-sharpness'; steps?: number } = {}): UvRateInstance => ({
  model: 'uv',
  params: { target: '1' },
  theta: [u, v],
  lr,
  steps: o.steps ?? 3000,
  kappa: '1',
  ...(o.variant === undefined ? {} : { variant: o.variant }),
});

/** S of ½(uv − 1)²: the top eigenvalue of ggᵀ + r·[[0, 1], [1, 0]], g = (v, u). */
const sharpness = (u: number, v: number) => {
  const [a, c, b] = [v * v, u * u, 2 * u * v - 1];
  return (a + c) / 2 + Math.hypot((a - c) / 2, b);
};

function gdOnUv(i: UvRateInstance) {
  let [u, v] = i.theta.map(Number);
  const eta = Number(i.lr);
  const S0 = sharpness(u, v);
  const rs = [u * v - 1];
  let inRow = 0;
  let hitEps = -1;
  for (let t = 0; t < i.steps && inRow < 3; t++) {
    const r = u * v - 1;
    [u, v] = [u - eta * (r * v), v - eta * (r * u)];
    rs.push(u * v - 1);
    const inside = Math.abs(u * v - 1) < 1e-12;
    if (inside && hitEps < 0) hitEps = t + 1;
    inRow = inside ? inRow + 1 : 0;
  }
  const rho = Math.abs(1 - eta * (i.variant === 'initial-sharpness' ? S0 : sharpness(u, v)));
  let [first, last, worst, worstStep] = [-1, -1, 0, -1];
  for (let k = 0; k + 1 < rs.length; k++) {
    const [a, b] = [Math.abs(rs[k]), Math.abs(rs[k + 1])];
    if (a > 1e-6 || b < 1e-11) continue;
    if (first < 0) first = k;
    last = k + 1;
    const d = Math.abs(b / a - rho);
    if (worstStep < 0 || d > worst) [worst, worstStep] = [d, k];
  }
  const fitted = Math.exp(Math.log(Math.abs(rs[last]) / Math.abs(rs[first])) / (last - first));
  const predicted = rho < 1 ? Math.ceil(Math.log(Math.abs(rs[first]) / 1e-12) / -Math.log(rho)) : Number.NaN;
  return { first, last, worst, worstStep, fitted, rho, hitEps, predicted, dev: Math.max(worst, Math.abs(fitted - rho)), etaS0: eta * S0 };
}

describe('wxzt.convergence-rate against GD on uv written out', () => {
  it('on its draws: the window, the worst deviation and its step, the fitted rate, the steps to 1e-12 and their prediction', () => {
    for (const i of fc.sample(claim.arbitrary, { seed: 2, numRuns: 4 })) {
      const gd = gdOnUv(i);
      const o = checkAt(claim, i, f64, { mode: 'claim' }).outcome;
      expect([o.verdict, o.evidence.code, o.evidence.step]).toEqual(['holds', 'rate_matches', gd.worstStep]);
      expect(o.evidence.observed).toBeCloseTo(gd.dev, 12);
      expect(o.evidence.margin).toBeCloseTo(1e-3 - gd.dev, 12);
      const d = o.evidence.details ?? {};
      expect([d.windowStart, d.windowSteps, d.stepsToEps, d.stepsToEpsFromWindow, d.predictedStepsFromWindow]).toEqual([
        gd.first,
        gd.last - gd.first,
        gd.hitEps,
        gd.hitEps - gd.first,
        gd.predicted,
      ]);
      expect(Number(d.rho)).toBeCloseTo(gd.rho, 12);
      expect(Number(d.fitted)).toBeCloseTo(gd.fitted, 12);
      expect(d.etaS0).toBeUndefined();
    }
  });

  it('a run that does not settle is a counterexample: cut at 20 steps, not_converged at step 20; at κ = 5.5 diverged at step 5', () => {
    expect(checkAt(claim, uv('2.5', '0.3', '0.3', { steps: 20 }), f64, { mode: 'claim' }).outcome).toMatchObject({
      verdict: 'violated',
      evidence: { code: 'not_converged', step: 20, margin: -1 },
    });
    expect(checkAt(claim, uv('2.5', '0.3', '0.849218573116036'), f64, { mode: 'control' }).outcome).toMatchObject({
      verdict: 'violated',
      evidence: { code: 'diverged', step: 5, margin: -1 },
    });
  });

  it('η·S∞ ≈ 1 (κ = 1.001 from (2.5, 0.3)): the tail is superlinear, no window, outside the hypotheses', () => {
    const i = uv('2.5', '0.3', '0.154557780307119');
    expect(gdOnUv(i).first).toBe(-1);
    expect(checkAt(claim, i, f64, { mode: 'claim' }).outcome).toMatchObject({ verdict: 'inconclusive', evidence: { code: 'no_linear_phase' } });
  });
});

describe('its control, the rate taken at S(θ₀)', () => {
  it('is drawn as the initial-sharpness variant and reports η·S(θ₀)', () => {
    const draws = fc.sample(claim.negativeControl.arbitrary, { seed: 2, numRuns: 8 }).filter((i) => i.variant === 'initial-sharpness');
    expect(draws.length).toBeGreaterThan(2);
    for (const i of draws.slice(0, 3)) {
      const o = checkAt(claim, i, f64, { mode: 'control' }).outcome;
      expect(o.verdict).toBe('violated');
      expect(Number(o.evidence.details?.etaS0)).toBeCloseTo(gdOnUv(i).etaS0, 12);
    }
  });

  it('ρ < 1 off by 38 steps from (1.8, 0.23): steps_mismatch, observed the miss, margin 2 − miss', () => {
    const i = uv('1.8', '0.23', '0.55997626350724', { variant: 'initial-sharpness' });
    const gd = gdOnUv(i);
    const miss = Math.abs(gd.hitEps - gd.first - gd.predicted);
    expect(miss).toBe(38);
    expect(checkAt(claim, i, f64, { mode: 'control' }).outcome).toMatchObject({
      verdict: 'violated',
      evidence: { code: 'steps_mismatch', observed: miss, bound: 2, margin: 2 - miss, step: gd.hitEps },
    });
  });

  it('a miss of exactly 2 steps is within the ± 2 (κ = 0.991 from (2.5, 0.3)): judged on the rate instead, rate_mismatch', () => {
    const i = uv('2.5', '0.3', '0.153013746537817', { variant: 'initial-sharpness' });
    const gd = gdOnUv(i);
    expect([gd.hitEps - gd.first, gd.predicted]).toEqual([3, 5]);
    const o = checkAt(claim, i, f64, { mode: 'control' }).outcome;
    expect([o.verdict, o.evidence.code]).toEqual(['violated', 'rate_mismatch']);
    expect(o.evidence.observed).toBeCloseTo(gd.dev, 12);
  });

  it('ρ = |1 − η·S(θ₀)| > 1 predicts no step count (n/a): rate_mismatch with the deviation written out', () => {
    const i = uv('2.25', '0.07', '0.40028042534586', { variant: 'initial-sharpness' });
    const gd = gdOnUv(i);
    expect(gd.rho).toBeGreaterThan(1);
    const o = checkAt(claim, i, f64, { mode: 'control' }).outcome;
    expect([o.verdict, o.evidence.code, o.evidence.step, o.evidence.details?.predictedStepsFromWindow]).toEqual([
      'violated',
      'rate_mismatch',
      gd.worstStep,
      'n/a',
    ]);
    expect(o.evidence.observed).toBeCloseTo(gd.dev, 12);
    expect(o.evidence.margin).toBeCloseTo(1e-3 - gd.dev, 12);
  });
});
