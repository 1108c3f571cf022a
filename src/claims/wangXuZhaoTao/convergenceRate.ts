import fc from 'fast-check';
import type { WithUvRun } from '../../arbitraries/uvInstance.js';
import type { Vec } from '../../numerics/field.js';
import { sharpness } from '../../spectral/sharpness.js';
import type { CheckContext, Claim, Instance, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';

import { WXZT } from '../papers.js';
import { gdStepper } from '../../dynamics/stepper.js';
import { UvGdInstance, uvInstances } from './uvTrajectories.js';
import { runUntilSettled } from '../../dynamics/runUntilSettled.js';
import { unsettled } from '../diverged.js';

/**
 * Wang, Xu, Zhao, Tao (docs/claims/wang-xu-zhao-tao.md caveat 1): what can be asserted of the paper's
 * convergence-rate theorem without its constants (the local linear rate at the limit, derived).
 */

// ---------------------------------------------------------------------------------------------
// wxzt.convergence-rate
// ---------------------------------------------------------------------------------------------

/** A uv run (wangXuZhaoTao's generator) whose tail contraction is compared with a predicted rate. */
export interface UvRateInstance extends WithUvRun<Instance> {
  /** κ = η·λ_GFS the instance was drawn with. */
  readonly kappa: string;
  /** Negative control: predict the rate from the INITIAL sharpness, |1 − η·S(θ₀)|. */
  readonly variant?: 'initial-sharpness';
}

const rateInstances = (lo: number, hi: number, variant?: 'initial-sharpness'): fc.Arbitrary<UvRateInstance> =>
  uvInstances(lo, hi).map(
    (i: UvGdInstance): UvRateInstance => ({
      model: 'uv',
      params: i.params,
      theta: i.theta,
      lr: i.lr,
      steps: i.steps,
      kappa: i.kappa,
      ...(variant !== undefined ? { variant } : {}),
    }),
  );

/** The window of the final phase: consecutive residuals with |r_t| ≤ 1e-6 and |r_{t+1}| ≥ 1e-11 (above f64 rounding of uv − y). */
const WINDOW_HI = '1e-6';
const WINDOW_LO = '1e-11';
/** |r| at which the run is called converged (3 steps in a row), and the ε whose step count is reported. */
const EPS = '1e-12';

function checkRate<T>(inst: UvRateInstance, ctx: CheckContext<T>): Outcome {
  const { F } = ctx;
  const { model, theta } = ctx.model(inst);
  const eta = F.from(inst.lr);
  const y = F.from(inst.params.target);
  const res = (t: Vec<T>) => F.sub(F.mul(t[0], t[1]), y);
  ctx.assume(!F.lt(F.abs(res(theta)), F.from('0.005')), 'start_on_minimizers', '|u₀v₀ − y| < 0.005: the start is (nearly) a minimizer');
  const eps = F.from(EPS);
  const rs: T[] = [res(theta)];
  let th: Vec<T> = theta;
  const run = gdStepper(model, eta, th);
  let hitEps = -1;
  const { t, settled, taken } = runUntilSettled(run, inst.steps, (x, s) => {
    th = x;
    const r = res(th);
    rs.push(r);
    const inside = F.lt(F.abs(r), eps);
    if (inside && hitEps < 0) hitEps = s + 1;
    return inside;
  });
  // Convergence is asserted, not assumed: a run that diverges or keeps oscillating is a counterexample.
  if (!settled) {
    return unsettled(ctx, 'violated', run.diverged, {
      bound: 0,
      step: t,
      message: `GD ${run.diverged ? `diverged at step ${taken}` : `did not reach |uv − y| < ${EPS} (3 steps in a row) in ${inst.steps} steps`} (η = ${inst.lr}, κ = η·λ_GFS = ${inst.kappa})`,
    });
  }
  const S = sharpness(F, model, th);
  const etaS = F.mul(eta, S);
  // The Jacobian of the GD map at a minimizer of uv is I − ηggᵀ (g = (v, u), ‖g‖² = S): eigenvalue 1 along the
  // manifold, 1 − ηS across it. Exactly, r⁺ = r(1 − ηλ + η²r·f) with λ = u² + v², f = uv, so |r_{t+1}/r_t| → |1 − ηS_∞|.
  const initial = inst.variant === 'initial-sharpness';
  const S0 = initial ? sharpness(F, model, theta) : S;
  const rho = F.abs(F.sub(F.one, F.mul(eta, S0)));
  const hi = F.from(WINDOW_HI);
  const lo = F.from(WINDOW_LO);
  let worst = F.zero;
  let worstStep = -1;
  let first = -1;
  let last = -1;
  for (let k = 0; k + 1 < rs.length; k++) {
    const a = F.abs(rs[k]);
    const b = F.abs(rs[k + 1]);
    if (F.lt(hi, a) || F.lt(b, lo)) continue;
    if (first < 0) first = k;
    last = k + 1;
    const dev = F.abs(F.sub(F.div(b, a), rho));
    if (worstStep < 0 || F.lt(worst, dev)) {
      worst = dev;
      worstStep = k;
    }
  }
  ctx.assume(first >= 0, 'no_linear_phase', `no two consecutive residuals in [${WINDOW_LO}, ${WINDOW_HI}] (superlinear tail: η·S_∞ = ${F.toString(etaS)} ≈ 1)`);
  if (first < 0) {
    return ctx.diverged({ code: 'no_linear_phase', observed: Number.NaN, bound: 0, margin: Number.NaN, step: t, message: 'no final-phase window to fit' });
  }
  // Fitted rate: the geometric mean of the contractions over the window.
  const n = last - first;
  const fitted = F.exp(F.div(F.log(F.div(F.abs(rs[last]), F.abs(rs[first]))), F.int(n)));
  const fitDev = F.abs(F.sub(fitted, rho));
  const dev = F.lt(worst, fitDev) ? fitDev : worst;
  const tol = F.add(F.from(ctx.tol.abs), F.mul(F.from(ctx.tol.rel), rho));
  const rhoN = F.toNumber(rho);
  const fitN = F.toNumber(fitted);
  // Steps from the window's start to |r| < ε predicted by the derived rate, and measured.
  const predicted = rhoN > 0 && rhoN < 1 ? Math.ceil(Math.log(F.toNumber(F.abs(rs[first])) / Number(EPS)) / -Math.log(rhoN)) : Number.NaN;
  const details = {
    etaS: F.toString(etaS),
    rho: F.toString(rho),
    fitted: F.toString(fitted),
    windowSteps: n,
    windowStart: first,
    stepsToEps: hitEps,
    stepsToEpsFromWindow: hitEps - first,
    predictedStepsFromWindow: Number.isFinite(predicted) ? predicted : 'n/a',
    ...(initial ? { etaS0: F.toString(F.mul(eta, S0)) } : {}),
  };
  const what = initial ? '|1 − η·S(θ₀)| (initial sharpness)' : '|1 − η·S_∞|';
  const stepsFromWindow = hitEps - first;
  if (Number.isFinite(predicted) && Math.abs(stepsFromWindow - predicted) > 2) {
    const miss = Math.abs(stepsFromWindow - predicted);
    return ctx.violated({
      code: 'steps_mismatch',
      observed: miss,
      bound: 2,
      margin: 2 - miss,
      step: hitEps,
      details,
      message: `from |r| = ${F.toNumber(F.abs(rs[first])).toExponential(2)} GD took ${stepsFromWindow} steps to |r| < ${EPS}, but the rate ${what} = ${rhoN.toFixed(6)} predicts ${predicted}`,
    });
  }
  const o = F.toNumber(dev);
  const bound = F.toNumber(tol);
  // tol − the larger deviation in the field (F.max, not a branch), so that at interval:N a mismatch is enclosed below 0.
  const margin = ctx.margin(F.sub(tol, F.max(worst, fitDev)));
  if (F.lt(tol, dev)) {
    return ctx.violated({
      code: 'rate_mismatch',
      observed: o,
      bound,
      ...margin,
      step: worstStep,
      details,
      message: `final-phase contraction |r_{t+1}/r_t| (fitted ${fitN.toFixed(6)} over ${n} steps) is not ${what} = ${rhoN.toFixed(6)} (deviation ${o.toExponential(2)} > ${bound.toExponential(2)})`,
    });
  }
  return ctx.holds({
    code: 'rate_matches',
    observed: o,
    bound,
    ...margin,
    step: worstStep,
    details,
    message: `|r_{t+1}/r_t| = ${fitN.toFixed(6)} over ${n} final-phase steps matches ${what} = ${rhoN.toFixed(6)} (max deviation ${o.toExponential(2)}); |r| < ${EPS} after ${hitEps} steps (η·S_∞ = ${F.toNumber(etaS).toFixed(4)})`,
  });
}

export const wxztConvergenceRate: Claim<UvRateInstance> = defineClaim<UvRateInstance>({
  id: 'wxzt.convergence-rate',
  title: "Large-LR GD on uv converges for every κ = η·λ_GFS ≤ 3, at the local linear rate |1 − η·S_∞| in its final phase (the paper's constants are open)",
  citation: {
    paper: WXZT,
    where:
      'abstract ("we develop a global convergence theory under large learning rates"; "the first non-asymptotic convergence rate bound"); the theorem, its constants and its learning-rate range are not verified (docs/claims/wang-xu-zhao-tao.md)',
    recalled: true,
  },
  statement:
    "OPEN CONSTANTS: the paper's non-asymptotic rate bound (its constants and learning-rate range) could not be read, so it is not asserted. Asserted: on the uv model " +
    '½(uv − y)² (y = 1, square ℓ, u₀ ∈ [1.8, 3], v₀ ∈ [0.05, 1]) with κ = η·λ_GFS ∈ [0.5, 3] — up to 1.5 times the edge of the gradient-flow solution — GD ' +
    'converges: it reaches |uv − y| < ε = 1e-12 (3 steps in a row) within 3000 steps; a run that diverges or keeps oscillating is a counterexample. In its final ' +
    'phase (1e-11 ≤ |r_t| ≤ 1e-6) the residual contracts by |r_{t+1}/r_t| = |1 − η·S_∞| ± 1e-3 per step (and fitted over the phase), the Jacobian of the GD map ' +
    "across the minimizer manifold at the limit; from the phase's first residual r_w the steps to |r| < ε are ⌈log(|r_w|/ε)/log(1/|1 − η·S_∞|)⌉ ± 2.",
  kind: 'forall',
  status: 'open constants',
  hypotheses: [
    'y = 1, u₀ ∈ [1.8, 3], v₀ ∈ [0.05, 1], |u₀v₀ − y| ≥ 0.005',
    'κ = η·λ_GFS ∈ [0.5, 3] (λ_GFS = √(Δ₀² + 4y²))',
    'the final phase is observed: two consecutive residuals in [1e-11, 1e-6] (missed only when η·S_∞ ≈ 1, where convergence is superlinear)',
  ],
  arbitrary: rateInstances(0.5, 3),
  check: checkRate,
  negativeControl: {
    description:
      'the rate |1 − η·λ| taken at the INITIAL sharpness S(θ₀) (κ ∈ [2.1, 3], where GD catapults or balances away from θ₀, so the "rate" is off by 0.1–1.5); ' +
      'and convergence asserted past the range, κ ∈ [4.5, 6], where GD on the square loss diverges',
    arbitrary: fc.oneof(rateInstances(2.1, 3, 'initial-sharpness'), rateInstances(4.5, 6)),
  },
  tolerance: { abs: 1e-3 },
  rationale:
    'Convergence: [E] 1000 of 1000 runs of this generator reached |r| < 1e-12 within 1158 steps; past κ = 3 the square loss diverges from a growing share of ' +
    'these starts (README, regularity table: 186 of 407 at κ ∈ [3, 6] with η < 0.95, all 185 at κ ∈ [4.5, 6]), so 3 is where the assertion stops. ' +
    'Rate: [D] r⁺ = r(1 − ηλ_t + η²r_t f_t) exactly (λ = u² + v², f = uv), so |r_{t+1}/r_t| − |1 − ηS_∞| is at most η|λ_t − λ_∞| + η²|r_t f_t|, and ' +
    'λ_t − λ_∞ = Σ_{s≥t}(4ηr_s f_s − η²r_s²λ_s) = O(|r_t|/(1 − ρ)): with |r_t| ≤ 1e-6, η ≤ 1.5, f ≈ 1 and ρ ≤ 0.97 that is ≤ 3e-4. ' +
    'Rounding of r = uv − y near |r| = 1e-11 is ~2e-16 absolute, 4e-5 relative on a ratio. So 1e-3 absolute covers both with margin; ' +
    '[E] 998 of 1000 runs held (2 inconclusive: η·S_∞ ≈ 1, no linear phase), largest deviation 1.8e-5, every step count within the ±2 of the prediction. ' +
    'Control: 99 of 100 initial-sharpness predictions were flagged.',
  ladder: ['f64', 'dec:40'],
});
