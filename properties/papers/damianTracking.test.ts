import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/harness/evaluate.js';
import { perturbedExpr, type TrackInstance } from '../../src/claims/damian/damianTracking.js';
import { timeAveragedLoss } from '../../src/claims/damian/timeAveragedLoss.js';
import { predictedDynamicsExact, predictedDynamicsTracking } from '../../src/claims/damian/predictedDynamics.js';
import { odeConservedQuantity } from '../../src/claims/damian/odeConservedQuantity.js';
import { DAMIAN_TRACKING_CLAIMS } from '../../src/claims/damian/index.js';

/** ½(a₀ + b·z)x² − c·z from (x₀, 0), or its perturbation ½(a₀ + b·z + ½C·z²)x² − c·z + q·x⁴/24. */
function toy(
  a0: string,
  b: string,
  c: string,
  lr: string,
  x0: string,
  steps: number,
  extra: Partial<TrackInstance> & { C?: string; q?: string } = {},
): TrackInstance {
  const { C, q, ...rest } = extra;
  const t = { a0, b, c };
  if (C === undefined && q === undefined) return { model: 'cubic-toy', params: { ...t }, toy: t, theta: [x0, '0'], lr, steps, ...rest };
  const pert = { C: C ?? '0', q: q ?? '0' };
  return {
    model: 'expr',
    params: {},
    expr: perturbedExpr(a0, b, c, pert.C, pert.q),
    vars: ['x', 'z'],
    perturbation: pert,
    toy: t,
    theta: [x0, '0'],
    lr,
    steps,
    ...rest,
  };
}

/** docs/claims/damian.md [E]: η = 0.05, α = 0.1, β = 1 (b = 1, c = 0.1), ηỹ₀ = 0.02, x₀ = 0.01. */
const E_CASE = (extra: Partial<TrackInstance> & { C?: string; q?: string }, steps = 400) => toy('40.4', '1', '0.1', '0.05', '0.01', steps, extra);

describe('DAMIAN_TRACKING_CLAIMS through the harness (pinned seed)', () => {
  it('exports its claims with distinct damian.* ids', () => {
    expect(DAMIAN_TRACKING_CLAIMS.map((c) => c.id)).toEqual([
      'damian.predicted-dynamics.exact',
      'damian.predicted-dynamics.tracking',
      'damian.time-averaged-loss',
      'damian.reduced-map.ode-conserved-quantity',
      'damian.two-layer.tracking-order',
      'damian.two-layer.loss-prediction-order',
      'damian.two-layer.sharpness-prediction-order',
      'damian.two-layer.tracks-pgd-not-flow',
      'damian.mlp.predictions-track',
      'damian.mlp-8-16-1.predictions-track',
      'damian.diagonal-linear.tracking-order',
      'damian.diagonal-linear.loss-prediction-order',
      'damian.diagonal-linear.sharpness-prediction-order',
      'damian.diagonal-linear.tracks-pgd-not-flow',
      'damian.deep-linear.loss-prediction-order',
    ]);
  });
});

describe('hand-made instances', () => {
  it('GD on the toy is θ† + v⋆ to rounding; the prediction without β is flagged (and is outside the hypotheses)', () => {
    const x = toy('40.5', '1', '0.05', '0.05', '0.2', 150);
    const v = evaluate(predictedDynamicsExact, x, { mode: 'claim' }).verdict;
    expect(v).toMatchObject({ verdict: 'holds', evidence: { code: 'prediction_exact', precision: 'f64' } });
    expect(Number(v.evidence.details?.errorOverDelta)).toBeLessThan(1e-11);
    const noBeta = { ...x, variant: 'no-beta' };
    expect(evaluate(predictedDynamicsExact, noBeta, { mode: 'claim' }).verdict).toMatchObject({
      verdict: 'inconclusive',
      evidence: { code: 'no_beta_variant' },
    });
    expect(evaluate(predictedDynamicsExact, noBeta, { mode: 'control' }).verdict).toMatchObject({
      verdict: 'violated',
      evidence: { code: 'prediction_mismatch' },
    });
  });

  it('a fourth-order term breaks exactness: inconclusive as an exact-claim instance, violated as its control', () => {
    const c = E_CASE({ C: '0.005' }, 100);
    expect(evaluate(predictedDynamicsExact, c, { mode: 'claim' }).verdict).toMatchObject({ verdict: 'inconclusive', evidence: { code: 'not_cubic' } });
    expect(evaluate(predictedDynamicsExact, c, { mode: 'control' }).verdict).toMatchObject({ verdict: 'violated', evidence: { code: 'prediction_mismatch' } });
  });

  it('reproduces docs/claims/damian.md [E]: first-cycle error 0.026δ at C = 0.005, ~0.26δ at C = 0.05, ~0.3δ at q = ±0.2', () => {
    const cases: [Partial<TrackInstance> & { C?: string; q?: string }, number, number][] = [
      [{ C: '0.005' }, 0.02, 0.035],
      [{ C: '0.05' }, 0.2, 0.35],
      [{ q: '0.2' }, 0.25, 0.45],
      [{ q: '-0.2' }, 0.2, 0.4],
    ];
    for (const [p, lo, hi] of cases) {
      const v = evaluate(predictedDynamicsTracking, E_CASE(p), { mode: 'claim' }).verdict;
      expect(v, JSON.stringify(p)).toMatchObject({ verdict: 'holds', evidence: { code: 'tracks' } });
      const e = Number(v.evidence.details?.errorOverDelta);
      expect(e, JSON.stringify(p)).toBeGreaterThan(lo);
      expect(e, JSON.stringify(p)).toBeLessThan(hi);
      expect(Number(v.evidence.details?.cycleEnd)).toBeGreaterThan(100);
    }
  });

  it('phase drift: the same perturbed run tracked over the first cycle is lost pointwise over 1500 steps (caveat 1)', () => {
    const many = E_CASE({ C: '0.005', variant: 'many-cycles' }, 1500);
    expect(evaluate(predictedDynamicsTracking, many, { mode: 'claim' }).verdict).toMatchObject({
      verdict: 'inconclusive',
      evidence: { code: 'many_cycles_variant' },
    });
    const v = evaluate(predictedDynamicsTracking, many, { mode: 'control' }).verdict;
    expect(v).toMatchObject({ verdict: 'violated', evidence: { code: 'phase_drift' } });
    expect(v.evidence.step).toBeGreaterThan(200);
  });

  it('caveat 2, the sign of the quartic term: q = +2 leaves the prediction within the first cycle, q = −2 does not', () => {
    const plus = E_CASE({ q: '2' });
    expect(evaluate(predictedDynamicsTracking, plus, { mode: 'claim' }).verdict).toMatchObject({
      verdict: 'inconclusive',
      evidence: { code: 'perturbation_small' },
    });
    expect(evaluate(predictedDynamicsTracking, plus, { mode: 'control' }).verdict).toMatchObject({ verdict: 'violated', evidence: { code: 'tracking_lost' } });
    expect(evaluate(predictedDynamicsTracking, E_CASE({ q: '-2' }), { mode: 'control' }).verdict).toMatchObject({
      verdict: 'holds',
      evidence: { code: 'tracks' },
    });
  });

  it('time-averaged loss: ⟨L − L†⟩ ≈ ⟨x²⟩/η; pointwise or without x²/η it fails', () => {
    // ω = η√(2α) = 0.05·√0.2 ≈ 0.0224: a period is 281 steps.
    const x = toy('40.4', '1', '0.1', '0.05', '0.01', 300);
    const v = evaluate(timeAveragedLoss, x, { mode: 'claim' }).verdict;
    expect(v).toMatchObject({ verdict: 'holds', evidence: { code: 'average_holds' } });
    expect(Math.abs(Number(v.evidence.details?.relative))).toBeLessThan(0.01);
    expect(evaluate(timeAveragedLoss, { ...x, steps: 100 }, { mode: 'claim' }).verdict).toMatchObject({
      verdict: 'inconclusive',
      evidence: { code: 'window_short' },
    });
    expect(evaluate(timeAveragedLoss, { ...x, variant: 'pointwise' }, { mode: 'control' }).verdict).toMatchObject({
      verdict: 'violated',
      evidence: { code: 'pointwise_fails' },
    });
    expect(evaluate(timeAveragedLoss, { ...x, variant: 'no-x2' }, { mode: 'control' }).verdict).toMatchObject({
      verdict: 'violated',
      evidence: { code: 'excess_loss_ignored' },
    });
  });

  it('time-averaged loss: outside the slow regime (ω = 0.25 > 0.07) the O(ω²) term of the average alone reaches the 0.03, so it is no claim there', () => {
    // c = 78.125, η = 0.02: ω = η√(2bc) = 0.25; over 27 steps (just over one period) the relative error is −7.7%.
    const p = { a0: '100', b: '1', c: '78.125' };
    const fast: TrackInstance = { model: 'cubic-toy', params: p, toy: p, theta: ['0.25', '0'], lr: '0.02', steps: 27 };
    expect(evaluate(timeAveragedLoss, fast, { mode: 'claim' }).verdict).toMatchObject({ verdict: 'inconclusive', evidence: { code: 'omega_small' } });
  });

  it('H drifts within the bound over 3 periods at small ω; at η = 0.03 (α = β = 1) the map spirals out and is flagged, never a crash', () => {
    // α = β = 1, δ = √2, x₀ = 0.5δ; η = 0.01 gives ω = 0.0141 and P = 444 steps.
    const small = toy('200', '1', '1', '0.01', '0.70710678', 1300);
    expect(evaluate(odeConservedQuantity, small, { mode: 'claim' }).verdict).toMatchObject({ verdict: 'holds', evidence: { code: 'h_bounded' } });
    // The same over 45 periods: E grows from 0.64α to many times that.
    const long = { ...small, steps: 20000 };
    expect(evaluate(odeConservedQuantity, long, { mode: 'claim' }).verdict).toMatchObject({ verdict: 'inconclusive', evidence: { code: 'horizon_short' } });
    expect(evaluate(odeConservedQuantity, long, { mode: 'control' }).verdict).toMatchObject({ verdict: 'violated', evidence: { code: 'h_drift' } });
    // docs/claims/damian.md [E]: at η = 0.03 the map diverged (overflow) from x₀ = 0.5δ; the bound is crossed first.
    const diverging = toy('66.6666666667', '1', '1', '0.03', '0.70710678', 6667);
    expect(evaluate(odeConservedQuantity, diverging, { mode: 'claim' }).verdict).toMatchObject({ verdict: 'inconclusive', evidence: { code: 'omega_small' } });
    expect(evaluate(odeConservedQuantity, diverging, { mode: 'control' }).verdict).toMatchObject({ verdict: 'violated', evidence: { code: 'h_drift' } });
  });
});
