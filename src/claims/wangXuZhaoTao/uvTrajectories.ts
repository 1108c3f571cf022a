import fc from 'fast-check';
import { uvRun, type WithUvRun } from '../../arbitraries/uvInstance.js';
import { decimalText } from '../../arbitraries/decimalText.js';
import type { BoundModel } from '../../models/model.js';
import type { Field, Vec } from '../../numerics/field.js';
import { sharpness } from '../../spectral/sharpness.js';
import type { CheckContext, Claim, Instance, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { WXZT } from '../papers.js';
import { gdStepper } from '../../dynamics/stepper.js';
import { D } from './wangXuZhaoTao.js';
import { mostOf } from '../relativeMargin.js';
import { runUntilSettled } from '../../dynamics/runUntilSettled.js';
import { lambdaGfs } from './lambdaGfs.js';
import { unsettled } from '../diverged.js';

// ---------------------------------------------------------------------------------------------
// uv (square ℓ, k = 1) trajectories: the catapult
// ---------------------------------------------------------------------------------------------

export interface UvGdInstance extends WithUvRun<Instance> {
  /** κ = η·λ_GFS the instance was drawn with (λ_GFS = √(Δ₀² + 4y²)). */
  readonly kappa: string;
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
    return uvRun(g.u, v.toFixed(), lr, 3000, { kappa: g.kappa, ...extra });
  });
}

interface UvRun<T> {
  readonly converged: boolean;
  readonly diverged: boolean;
  readonly steps: number;
  readonly theta: Vec<T>;
  readonly kappa: T;
  readonly eta: T;
  /** First step whose loss exceeded the previous one by more than the slack, or −1. */
  readonly firstIncrease: number;
  /**
   * The largest relative rise (L_{t+1} − L_t)/L_t − slack over the steps with L_t > 1e-24, in the field
   * (undefined when there is none): below 0 no step rose, so at interval:N it certifies "no increase".
   */
  readonly maxRise: T | undefined;
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
  const kappa = F.mul(eta, lambdaGfs(F, theta[0], theta[1], y));
  const loss0 = model.loss(theta);
  // Started (numerically) on the minimizers, GD would sit at a possibly unstable minimizer and look converged.
  ctx.assume(
    !F.lt(F.abs(F.sub(F.mul(theta[0], theta[1]), y)), F.from('0.005')),
    'start_on_minimizers',
    '|u₀v₀ − y| < 0.005: the start is (nearly) a minimizer',
  );
  let prev = loss0;
  let th = theta;
  const run = gdStepper(model, eta, th);
  let firstIncrease = -1;
  const slack = F.from(lossSlack);
  const floor = F.from(1e-24);
  let maxRise: T | undefined;
  const { settled, taken } = runUntilSettled(run, inst.steps, (x, s) => {
    th = x;
    const L = model.loss(th);
    if (F.lt(floor, prev)) {
      const rise = F.sub(F.div(F.sub(L, prev), prev), slack);
      maxRise = mostOf(F, maxRise, rise);
    }
    if (firstIncrease < 0 && F.lt(F.add(prev, F.mul(slack, prev)), L) && F.lt(F.from(1e-24), L)) firstIncrease = s;
    prev = L;
    const r = F.sub(F.mul(th[0], th[1]), y);
    return F.lt(F.abs(r), tolR);
  });
  return { converged: settled, diverged: run.diverged, steps: taken, theta: th, kappa, eta, firstIncrease, maxRise, model };
}

const KAPPA_MSG = <T>(F: Field<T>, k: T) => `κ = η·λ_GFS = ${F.toString(k)}`;

// wxzt.catapult ---------------------------------------------------------------------------------

function checkCatapult<T>(inst: UvGdInstance, ctx: CheckContext<T>): Outcome {
  const { F } = ctx;
  const { model, theta } = ctx.model(inst);
  const S0 = sharpness(F, model, theta);
  const run = runUv(inst, ctx, ctx.tol.rel);
  const k = KAPPA_MSG(F, run.kappa);
  const etaS0 = F.mul(run.eta, S0);
  // Every stated hypothesis is checked: below κ ≈ 1.95, S(θ₀) > 2/η alone does not make the loss rise (u₀ = 1.8, v₀ = 1 at
  // κ = 1.77 has η·S(θ₀) = 2.92 and a monotone loss), so an instance outside [2.1, 3] is no counterexample. The lower end
  // allows for η rounded to 15 digits (κ = 2.1 drawn can compute as 2.1 − 1e-15).
  ctx.assume(new D(inst.params.target).eq(1), 'target', `y = ${inst.params.target}: the claim is stated for y = 1`);
  const [u0, v0] = theta;
  const inRange = (x: T, lo: string, hi: string) => !F.lt(x, F.from(lo)) && !F.lt(F.from(hi), x);
  ctx.assume(
    inRange(u0, '1.8', '3') && inRange(v0, '0.05', '1'),
    'start_out_of_range',
    `(u₀, v₀) = (${F.toString(u0)}, ${F.toString(v0)}) is outside [1.8, 3] × [0.05, 1]`,
  );
  ctx.assume(!F.lt(run.kappa, F.from('2.099999999999')), 'kappa_out_of_range', `${k} < 2.1 (below the stated range)`);
  ctx.assume(!F.lt(F.int(3), run.kappa), 'kappa_out_of_range', `${k} > 3 (beyond the tested convergence range)`);
  ctx.assume(F.lt(F.int(2), etaS0), 'stable_start', `η·S(θ₀) = ${F.toString(etaS0)} ≤ 2: no instability at the start`);
  const details = { kappa: F.toString(run.kappa), etaS0: F.toString(etaS0), firstIncrease: run.firstIncrease, steps: run.steps };
  if (run.diverged || !run.converged) {
    return unsettled(ctx, 'violated', run.diverged, {
      bound: 0,
      step: run.steps,
      details,
      message: `GD ${run.diverged ? 'diverged' : `did not converge in ${inst.steps} steps`} (${k}, η·S₀ = ${F.toString(etaS0)})`,
    });
  }
  const S = sharpness(F, run.model, run.theta);
  const etaS = F.mul(run.eta, S);
  const o = F.toNumber(etaS);
  if (run.firstIncrease < 0) {
    return ctx.violated({
      code: 'no_loss_increase',
      observed: 0,
      bound: 0,
      ...(run.maxRise === undefined ? { margin: -1 } : ctx.margin(run.maxRise)),
      step: run.steps,
      details,
      message: `the loss never rose although η·S(θ₀) = ${F.toNumber(etaS0).toFixed(4)} > 2 (${k})`,
    });
  }
  if (!F.lt(etaS, F.int(2))) {
    return ctx.violated({
      code: 'above_edge',
      observed: o,
      bound: 2,
      ...ctx.margin(F.sub(F.int(2), etaS)),
      step: run.steps,
      details,
      message: `η·S_∞ = ${o.toFixed(6)} ≥ 2 after the catapult`,
    });
  }
  // The margin of the conclusion S_∞ < 2/η in the field (the sharpness is certified at interval:N).
  return ctx.holds({
    code: 'catapult',
    observed: o,
    bound: 2,
    ...ctx.margin(F.sub(F.int(2), etaS)),
    step: run.firstIncrease,
    details,
    message: `η·S(θ₀) = ${F.toNumber(etaS0).toFixed(4)} > 2; the loss rose at step ${run.firstIncrease}, then GD converged (${run.steps} steps) with η·S_∞ = ${o.toFixed(4)} < 2`,
  });
}

export const wxztCatapult: Claim<UvGdInstance> = defineClaim<UvGdInstance>({
  id: 'wxzt.catapult',
  title: 'Catapult on uv: starting sharper than 2/η, the loss rises, then GD converges with S < 2/η',
  citation: { paper: WXZT, where: 'abstract ("catapult"), recalled; docs/claims/wang-xu-zhao-tao.md `wxzt.catapult`', recalled: true },
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
