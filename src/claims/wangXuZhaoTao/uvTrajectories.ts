import fc from 'fast-check';
import { decimalText } from '../../arbitraries/decimalText.js';
import type { BoundModel } from '../../models/model.js';
import type { Field, Vec } from '../../numerics/field.js';
import { sharpness } from '../../spectral/sharpness.js';
import type { CheckContext, Claim, Instance, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { WXZT } from '../papers.js';
import { gdRule, stepper } from '../../dynamics/stepper.js';
import { D } from './wangXuZhaoTao.js';

// ---------------------------------------------------------------------------------------------
// uv (square ℓ, k = 1) trajectories: balancing limit, final sharpness, catapult
// ---------------------------------------------------------------------------------------------

export interface UvGdInstance extends Instance {
  readonly model: 'uv';
  readonly params: { readonly target: string };
  readonly theta: readonly [string, string];
  readonly lr: string;
  readonly steps: number;
  /** κ = η·λ_GFS the instance was drawn with (λ_GFS = √(Δ₀² + 4y²)). */
  readonly kappa: string;
  /** Negative controls: the naive variants (see each claim). */
  readonly variant?: 'naive-band' | 'fixed-ratio';
  /** For `fixed-ratio`: the naive |Δ_∞| ≤ ratio·|Δ₀|. */
  readonly ratio?: string;
}

/** u ∈ [1.8, 3], v ∈ [0.05, 1] with |uv − 1| ≥ 0.01, y = 1 (so |Δ₀| ≥ 2), η = κ/λ_GFS with κ on a 3-decimal grid in [lo, hi]. */
export function uvInstances(lo: number, hi: number, extra: Partial<UvGdInstance> = {}): fc.Arbitrary<UvGdInstance> {
  return fc.record({ u: decimalText(1.8, 3, 2), v: decimalText(0.05, 1, 2), kappa: decimalText(lo, hi, 3) }).map((g): UvGdInstance => {
    const u = new D(g.u);
    // A start on (or within 0.01 of) the minimizers uv = 1 would sit at an unstable minimizer and look converged: move v off it.
    const v = u.times(g.v).minus(1).abs().lt('0.01') ? new D(g.v).plus('0.05') : new D(g.v);
    const delta = u.times(u).minus(v.times(v));
    const lgfs = delta.times(delta).plus(4).sqrt();
    const lr = new D(g.kappa).div(lgfs).toSignificantDigits(15).toFixed();
    return { model: 'uv', params: { target: '1' }, theta: [g.u, v.toFixed()], lr, steps: 3000, kappa: g.kappa, ...extra };
  });
}

interface UvRun<T> {
  readonly converged: boolean;
  readonly diverged: boolean;
  readonly steps: number;
  readonly theta: Vec<T>;
  readonly delta0: T;
  readonly deltaEnd: T;
  readonly lambdaGfs: T;
  readonly kappa: T;
  readonly eta: T;
  readonly y: T;
  /** First step whose loss exceeded the previous one by more than the slack, or −1. */
  readonly firstIncrease: number;
  readonly loss0: T;
  readonly maxLoss: T;
  readonly model: BoundModel<T>;
}

/** |r| below which a uv run counts as converged (f64 rounding of r = uv − y is ~1e-16·y). */
const CONVERGED = '1e-12';

/** GD on the scalar uv model until |r| < 1e-12 (and it stays there for 3 steps), divergence, or `steps`. */
/** `lossSlack`: the relative rise of L that counts as an increase (the catapult claim passes its declared tolerance). */
export function runUv<T>(inst: UvGdInstance, ctx: CheckContext<T>, lossSlack = 1e-12): UvRun<T> {
  const { F } = ctx;
  const { model, theta } = ctx.model(inst);
  const eta = F.from(inst.lr);
  const y = F.from(inst.params.target);
  const tolR = F.from(CONVERGED);
  const delta0 = F.sub(F.mul(theta[0], theta[0]), F.mul(theta[1], theta[1]));
  const lambdaGfs = F.sqrt(F.add(F.mul(delta0, delta0), F.mul(F.int(4), F.mul(y, y))));
  const kappa = F.mul(eta, lambdaGfs);
  const loss0 = model.loss(theta);
  // Started (numerically) on the minimizers, GD would sit at a possibly unstable minimizer and look converged.
  ctx.assume(!F.lt(F.abs(F.sub(F.mul(theta[0], theta[1]), y)), F.from('0.005')), 'start_on_minimizers', '|u₀v₀ − y| < 0.005: the start is (nearly) a minimizer');
  let maxLoss = loss0;
  let prev = loss0;
  let th = theta;
  const run = stepper(gdRule(F, (x) => model.grad(x), eta), th);
  let firstIncrease = -1;
  let inside = 0;
  let t = 0;
  let diverged = false;
  const slack = F.from(lossSlack);
  for (; t < inst.steps; t++) {
    const stepped = run.step();
    th = run.theta;
    if (!stepped) {
      diverged = true;
      break;
    }
    const L = model.loss(th);
    if (firstIncrease < 0 && F.lt(F.add(prev, F.mul(slack, prev)), L) && F.lt(F.from(1e-24), L)) firstIncrease = t;
    if (F.lt(maxLoss, L)) maxLoss = L;
    prev = L;
    const r = F.sub(F.mul(th[0], th[1]), y);
    inside = F.lt(F.abs(r), tolR) ? inside + 1 : 0;
    if (inside >= 3) break;
  }
  const deltaEnd = F.sub(F.mul(th[0], th[0]), F.mul(th[1], th[1]));
  return { converged: inside >= 3, diverged, steps: t + 1, theta: th, delta0, deltaEnd, lambdaGfs, kappa, eta, y, firstIncrease, loss0, maxLoss, model };
}

const KAPPA_MSG = <T>(F: Field<T>, k: T) => `κ = η·λ_GFS = ${F.toString(k)}`;

// wxzt.balancing.limit --------------------------------------------------------------------------

function checkBalancingLimit<T>(inst: UvGdInstance, ctx: CheckContext<T>): Outcome {
  const { F } = ctx;
  const run = runUv(inst, ctx);
  const k = KAPPA_MSG(F, run.kappa);
  ctx.assume(!F.lt(run.kappa, F.from('2.1')) && !F.lt(F.int(3), run.kappa), 'kappa_out_of_range', `${k} is not in [2.1, 3]`);
  ctx.assume(!F.lt(F.abs(run.delta0), F.int(2)), 'imbalance_too_small', `|Δ₀| = ${F.toString(F.abs(run.delta0))} < 2`);
  ctx.assume(run.converged, 'not_converged', `GD did not converge in ${inst.steps} steps${run.diverged ? ' (diverged)' : ''}`);
  const ratio = F.div(F.abs(run.deltaEnd), F.abs(run.delta0));
  let boundT: T;
  let what: string;
  if (inst.variant === 'fixed-ratio') {
    boundT = F.from(inst.ratio ?? '0.5');
    what = `the naive bound ${inst.ratio ?? '0.5'}`;
  } else {
    // S_∞ ≤ 2/η at a minimizer (S = √(Δ² + 4y²)) ⇔ Δ_∞² ≤ 4/η² − 4y²; with Δ₀² = κ²/η² − 4y² the ratio bound is
    // √((4 − 4η²y²)/(κ² − 4η²y²)) ≤ 2/κ < 1.
    const e2y2 = F.mul(F.int(4), F.mul(F.mul(run.eta, run.eta), F.mul(run.y, run.y)));
    boundT = F.sqrt(F.div(F.sub(F.int(4), e2y2), F.sub(F.mul(run.kappa, run.kappa), e2y2)));
    what = '√((4 − 4η²y²)/(κ² − 4η²y²)) ≤ 2/κ';
  }
  const observed = F.toNumber(ratio);
  const bound = F.toNumber(boundT);
  const slackBound = F.add(boundT, F.from(ctx.tol.rel));
  const details = { kappa: F.toString(run.kappa), delta0: F.toString(run.delta0), deltaEnd: F.toString(run.deltaEnd), steps: run.steps };
  if (F.lt(slackBound, ratio)) {
    return ctx.violated({ code: 'not_balanced', observed, bound, margin: bound - observed, step: run.steps, details,
      message: `|Δ_∞|/|Δ₀| = ${observed.toFixed(4)} exceeds ${what} = ${bound.toFixed(4)} (${k}, Δ₀ = ${F.toString(run.delta0)}, Δ_∞ = ${F.toString(run.deltaEnd)})` });
  }
  return ctx.holds({ code: 'balanced', observed, bound, margin: bound - observed, step: run.steps, details,
    message: `|Δ_∞|/|Δ₀| = ${observed.toFixed(4)} ≤ ${what} = ${bound.toFixed(4)} (${k}; converged in ${run.steps} steps)` });
}

export const wxztBalancingLimit: Claim<UvGdInstance> = defineClaim<UvGdInstance>({
  id: 'wxzt.balancing.limit',
  title: 'Large-LR GD on uv converges to a more balanced minimizer: |Δ_∞| ≤ (2/κ)|Δ₀| when κ = ηλ_GFS ∈ [2.1, 3]',
  citation: { paper: WXZT, where: 'balancing theorem (§3–4, recalled); the bound is derived from S_∞ ≤ 2/η, claims.md §2.2, §3.D', recalled: true },
  statement:
    'On the uv model ½(uv − y)² with Δ = u² − v², |Δ₀| ≥ 2, y = 1 and κ = η·λ_GFS ∈ [2.1, 3] (λ_GFS = √(Δ₀² + 4y²), the sharpness of the ' +
    'gradient-flow solution), whenever GD converges: |Δ_∞| ≤ √((4 − 4η²y²)/(κ² − 4η²y²))·|Δ₀| ≤ (2/κ)|Δ₀| < |Δ₀|. ' +
    'claims.md\'s recipe "|Δ_∞| ≤ 0.5|Δ₀|" is false near κ = 2.1 (28% of such runs exceed it): it is this claim\'s negative control.',
  kind: 'forall',
  hypotheses: ['y = 1, |Δ₀| ≥ 2 (u ∈ [1.8, 3], v ∈ [0.05, 1])', '|u₀v₀ − y| ≥ 0.005 (not started on a minimizer)', 'κ = η·λ_GFS ∈ [2.1, 3]', 'GD converges (|uv − y| < 1e-12 for 3 steps within 3000 steps)'],
  arbitrary: uvInstances(2.1, 3),
  check: checkBalancingLimit,
  negativeControl: {
    description: 'the naive recipes: |Δ_∞| ≤ 0.5|Δ₀| for κ ∈ [2.1, 2.3], and |Δ_∞| ≤ 0.9|Δ₀| below the edge (κ ∈ [0.5, 1.9], where GD barely balances)',
    arbitrary: fc.oneof(
      uvInstances(2.1, 2.3, { variant: 'fixed-ratio', ratio: '0.5' }),
      uvInstances(0.5, 1.9, { variant: 'fixed-ratio', ratio: '0.9' }),
    ),
  },
  tolerance: { rel: 1e-9 },
  rationale:
    'The bound is exactly equivalent to S_∞ ≤ 2/η at the limit (S = √(Δ² + 4y²) on uv = y), which converging GD satisfies; the run stops at ' +
    '|r| < 1e-12, where Δ and S are within ~1e-12 of their limits, so an absolute slack of 1e-9 on the ratio is rounding only. ' +
    '[E]: over 2000 runs the largest ηS_∞ was 1.92, far from the bound\'s edge.',
});

// wxzt.eos.final-sharpness -----------------------------------------------------------------------

function checkFinalSharpness<T>(inst: UvGdInstance, ctx: CheckContext<T>): Outcome {
  const { F } = ctx;
  const run = runUv(inst, ctx);
  const k = KAPPA_MSG(F, run.kappa);
  ctx.assume(F.lt(F.int(2), run.kappa) && !F.lt(F.int(3), run.kappa), 'kappa_out_of_range', `${k} is not in (2, 3]`);
  ctx.assume(run.converged, 'not_converged', `GD did not converge in ${inst.steps} steps${run.diverged ? ' (diverged)' : ''}`);
  const S = sharpness(F, run.model, run.theta);
  const etaS = F.mul(run.eta, S);
  const observed = F.toNumber(etaS);
  const details = { kappa: F.toString(run.kappa), etaS: F.toString(etaS), steps: run.steps };
  if (inst.variant === 'naive-band') {
    // The naive EoS reading: η·S_∞/2 within 5% of 1.
    const dev = F.abs(F.sub(F.div(etaS, F.int(2)), F.one));
    const o = F.toNumber(dev);
    if (F.lt(F.from('0.05'), dev)) {
      return ctx.violated({ code: 'not_at_edge', observed: o, bound: 0.05, margin: 0.05 - o, step: run.steps, details,
        message: `η·S_∞/2 = ${(observed / 2).toFixed(4)} is not within 5% of 1 (${k}): uv converges well below the edge` });
    }
    return ctx.holds({ code: 'at_edge', observed: o, bound: 0.05, margin: 0.05 - o, step: run.steps, details, message: `η·S_∞/2 = ${(observed / 2).toFixed(4)}` });
  }
  const edge = F.add(F.int(2), F.from(ctx.tol.rel));
  // S_∞ < λ_GFS, as η·S_∞ < κ.
  if (F.lt(edge, etaS) || !F.lt(etaS, run.kappa)) {
    return ctx.violated({ code: 'above_edge', observed, bound: 2, margin: 2 - observed, step: run.steps, details,
      message: `η·S_∞ = ${observed.toFixed(6)} (S_∞ = ${F.toString(S)}) is not ≤ 2 and < κ (${k})` });
  }
  return ctx.holds({ code: 'below_edge', observed, bound: 2, margin: 2 - observed, step: run.steps, details,
    message: `η·S_∞ = ${observed.toFixed(6)} ≤ 2 < ${k.replace('κ = ', 'κ = ')} (converged in ${run.steps} steps)` });
}

export const wxztFinalSharpness: Claim<UvGdInstance> = defineClaim<UvGdInstance>({
  id: 'wxzt.eos.final-sharpness',
  title: 'Large-LR GD converges to a minimizer flatter than the gradient-flow one, with S_∞ ≤ 2/η (uv)',
  citation: { paper: WXZT, where: 'abstract and EoS theorem (recalled): S_∞ ≤ 2/η, below the GF solution\'s sharpness', recalled: true },
  statement:
    'On the uv model with y = 1, |Δ₀| ≥ 2 and κ = η·λ_GFS ∈ (2, 3], whenever GD converges its limit has η·S_∞ ≤ 2 and S_∞ < λ_GFS. ' +
    'It is NOT "at the edge": claims.md §6.1 — on uv η·S_∞/2 has median 0.877 ([E]; 0.66 on these instances), so |ηS_∞/2 − 1| < 0.05 fails ' +
    'on most instances; that reading is the negative control.',
  kind: 'forall',
  hypotheses: ['y = 1, u ∈ [1.8, 3], v ∈ [0.05, 1]', '|u₀v₀ − y| ≥ 0.005 (not started on a minimizer)', 'κ = η·λ_GFS ∈ (2, 3]', 'GD converges (|uv − y| < 1e-12 for 3 steps within 3000 steps)'],
  arbitrary: uvInstances(2.001, 3),
  check: checkFinalSharpness,
  negativeControl: {
    description: 'the naive EoS reading |η·S_∞/2 − 1| < 0.05 on uv (claims.md §6.1 counterexample: median η·S_∞/2 = 0.877)',
    arbitrary: uvInstances(2.001, 3, { variant: 'naive-band' }),
  },
  tolerance: { rel: 1e-9 },
  rationale:
    'S_∞ ≤ 2/η is necessary for convergence to a point; the run stops at |r| < 1e-12 where S differs from its limit by ~1e-12, so 1e-9 ' +
    'on η·S is rounding and truncation only. [E]: max η·S_∞ = 1.92 over 2000 instances of this generator.',
});

// wxzt.catapult ---------------------------------------------------------------------------------

function checkCatapult<T>(inst: UvGdInstance, ctx: CheckContext<T>): Outcome {
  const { F } = ctx;
  const { model, theta } = ctx.model(inst);
  const S0 = sharpness(F, model, theta);
  const run = runUv(inst, ctx, ctx.tol.rel);
  const k = KAPPA_MSG(F, run.kappa);
  const etaS0 = F.mul(run.eta, S0);
  ctx.assume(!F.lt(F.int(3), run.kappa), 'kappa_out_of_range', `${k} > 3 (beyond the tested convergence range)`);
  ctx.assume(F.lt(F.int(2), etaS0), 'stable_start', `η·S(θ₀) = ${F.toString(etaS0)} ≤ 2: no instability at the start`);
  const details = { kappa: F.toString(run.kappa), etaS0: F.toString(etaS0), firstIncrease: run.firstIncrease, steps: run.steps };
  if (run.diverged || !run.converged) {
    return ctx.violated({ code: run.diverged ? 'diverged' : 'not_converged', observed: Number.NaN, bound: 0, margin: -1, step: run.steps, details,
      message: `GD ${run.diverged ? 'diverged' : `did not converge in ${inst.steps} steps`} (${k}, η·S₀ = ${F.toString(etaS0)})` });
  }
  const S = sharpness(F, run.model, run.theta);
  const etaS = F.mul(run.eta, S);
  const o = F.toNumber(etaS);
  if (run.firstIncrease < 0) {
    return ctx.violated({ code: 'no_loss_increase', observed: 0, bound: 0, margin: -1, step: run.steps, details,
      message: `the loss never rose although η·S(θ₀) = ${F.toNumber(etaS0).toFixed(4)} > 2 (${k})` });
  }
  if (!F.lt(etaS, F.int(2))) {
    return ctx.violated({ code: 'above_edge', observed: o, bound: 2, margin: 2 - o, step: run.steps, details,
      message: `η·S_∞ = ${o.toFixed(6)} ≥ 2 after the catapult` });
  }
  return ctx.holds({ code: 'catapult', observed: o, bound: 2, margin: 2 - o, step: run.firstIncrease, details,
    message: `η·S(θ₀) = ${F.toNumber(etaS0).toFixed(4)} > 2; the loss rose at step ${run.firstIncrease}, then GD converged (${run.steps} steps) with η·S_∞ = ${o.toFixed(4)} < 2` });
}

export const wxztCatapult: Claim<UvGdInstance> = defineClaim<UvGdInstance>({
  id: 'wxzt.catapult',
  title: 'Catapult on uv: starting sharper than 2/η, the loss rises, then GD converges with S < 2/η',
  citation: { paper: WXZT, where: 'abstract ("catapult"), recalled; claims.md §3.D `wxzt.catapult`', recalled: true },
  statement:
    'On the uv model with y = 1, u₀ ∈ [1.8, 3], v₀ ∈ [0.05, 1] and κ = η·λ_GFS ∈ [2.1, 3] (below divergence on this family, [E]), ' +
    'if S(θ₀) > 2/η then the loss increases at some step, and GD converges to a minimizer with S_∞ < 2/η.',
  kind: 'forall',
  hypotheses: ['y = 1, u₀ ∈ [1.8, 3], v₀ ∈ [0.05, 1]', '|u₀v₀ − y| ≥ 0.005', 'κ = η·λ_GFS ∈ [2.1, 3]', 'S(θ₀) > 2/η'],
  arbitrary: uvInstances(2.1, 3),
  check: checkCatapult,
  negativeControl: {
    description: 'S(θ₀) > 2/η waived: κ ∈ [0.3, 1.5] (no instability anywhere on the path), where GD decreases the loss monotonically',
    arbitrary: uvInstances(0.3, 1.5),
  },
  tolerance: { rel: 1e-12 },
  rationale:
    'A loss increase counts only beyond a relative 1e-12 of the previous loss (and above 1e-24 absolute), so rounding near the minimum is ' +
    'not mistaken for a catapult. [E]: 4932 of 4932 generator instances with S₀ > 2/η rose and converged with ηS_∞ < 2.',
});
