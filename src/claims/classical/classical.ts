import type { CheckContext, Claim, Outcome, ResolvedTolerance } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { gdSteps, quadraticSetup, type GdStep } from './quadraticGd.js';
import { increaseHorizon, quadraticGdInstance, type QuadraticGdInstance } from './quadraticGdInstance.js';
import type { Field } from '../../numerics/field.js';
import { COHEN } from '../papers.js';
import { leastOf, mostOf } from '../relativeMargin.js';

/**
 * Classical facts about GD on a quadratic (docs/claims/classical.md, docs/claims/cohen.md): the loss decreases monotonically
 * iff η < 2/λ_max, each direction its own claim, and the descent lemma with L = λ_max. These are
 * the baseline every EoS claim is measured against, and exact: the only slack is for rounding.
 */

const ROUNDING_TOLERANCE = { ulps: 4096 } as const;
const ROUNDING_RATIONALE =
  '"Monotone" comparisons allow a relative slack of about 1e-12 per step for rounding. ' +
  '4096 ulps is 9.1e-13 in f64, taken relative to the size of the terms summed in L (½|θ|ᵀ|A||θ| + |b|ᵀ|θ|), ' +
  'well above the few-ulp error of evaluating L and of one GD step; as a multiple of the unit roundoff it ' +
  'shrinks to 4.1e-36 at dec:40, so a real increase cannot hide in it once the ladder climbs.';

/** A step's change of loss measured against the rounding slack, as doubles for the evidence. */
interface Change<T> {
  /** L_{t+1} − L_t and the slack it is compared with. */
  readonly inc: T;
  readonly slack: T;
  /**
   * Increase relative to the excess loss L_t − L* (plus slack): −(1 − r²) on a single
   * eigendirection; in the field, so that at interval:N its enclosure certifies the sign.
   */
  readonly rel: T;
  readonly observed: number;
  /** The slack in the same units: the rounding allowance of the comparison. */
  readonly bound: number;
}

function change<T>(F: Field<T>, st: GdStep<T>, lossStar: T, tol: ResolvedTolerance): Change<T> {
  const slack = F.add(F.mul(F.from(tol.rel), F.add(st.scale, st.scaleNext)), F.from(tol.abs));
  const inc = F.sub(st.next, st.loss);
  const excess = F.add(F.max(F.sub(st.loss, lossStar), F.zero), slack);
  // At L_t = L* exactly (and no slack, as in interval arithmetic) only the sign of the increase is meaningful.
  if (F.sign(excess) === 0) return { inc, slack, rel: F.int(F.sign(inc)), observed: F.sign(inc), bound: 0 };
  const rel = F.div(inc, excess);
  return { inc, slack, rel, observed: F.toNumber(rel), bound: F.toNumber(F.div(slack, excess)) };
}

const kappaText = <T>(F: Field<T>, x: T): string => F.toString(x);

/** L left the finite numbers after step st.t: a diverged verdict, with no number to report. */
function lossNotFinite<T>(ctx: CheckContext<T>, st: GdStep<T>, k: string): Outcome {
  return ctx.diverged({
    code: 'non_finite_loss',
    message: `L became ${ctx.F.toString(st.next)} at step ${st.t + 1}`,
    observed: Number.NaN,
    bound: 0,
    margin: Number.NaN,
    step: st.t,
    details: { kappa: k },
  });
}

/** The evidence of a step where L rose: the rise relative to the excess loss against its slack (the allowance), m the margin. */
function rise<T>(ctx: CheckContext<T>, st: GdStep<T>, c: Change<T>, m: T, message: string, details: Record<string, string | number>) {
  return { code: 'loss_increased', step: st.t, observed: c.observed, bound: c.bound, allowance: c.bound, ...ctx.margin(m), message, details };
}

/** L_{t+1} ≤ L_t (+ rounding slack) along GD when κ = η·λ_max lies below `kappaBelow`. */
export function checkMonotoneLoss<T>(instance: QuadraticGdInstance, ctx: CheckContext<T>, kappaBelow: number): Outcome {
  const s = quadraticSetup(instance, ctx);
  const { F } = s;
  const k = kappaText(F, s.kappa);
  ctx.assume(F.sign(s.lambdaMax) > 0, 'lambda_max_not_positive', `λ_max = ${F.toString(s.lambdaMax)} must be > 0`);
  ctx.assume(F.sign(s.kappa) > 0 && F.lt(s.kappa, F.from(kappaBelow)), 'kappa_out_of_range', `κ = η·λ_max = ${k} is not in (0, ${kappaBelow})`);
  // The margin is −(L_{t+1} − L_t)/excess, without the slack, which is reported as the allowance:
  // the harness decides only outside it, and at interval:N (no slack) the minimum over the steps,
  // enclosed, certifies the verdict.
  let best: { margin: T; observed: number; bound: number; step: number } | undefined;
  let least: T | undefined;
  for (const st of gdSteps(s, instance.steps)) {
    if (!F.isFinite(st.next)) {
      return lossNotFinite(ctx, st, k);
    }
    const c = change(F, st, s.lossStar, ctx.tol);
    const margin = F.neg(c.rel);
    if (F.lt(c.slack, c.inc)) {
      return ctx.violated(
        rise(ctx, st, c, margin, `L rose from ${F.toString(st.loss)} to ${F.toString(st.next)} at step ${st.t} (κ = η·λ_max = ${k})`, { kappa: k }),
      );
    }
    least = leastOf(F, least, margin);
    if (best === undefined || F.toNumber(margin) - c.bound < F.toNumber(best.margin) - best.bound)
      best = { margin, observed: c.observed, bound: c.bound, step: st.t };
  }
  if (best === undefined || least === undefined) {
    return ctx.holds({ code: 'monotone', message: 'no step to check', observed: 0, bound: 0, margin: Number.POSITIVE_INFINITY, details: { kappa: k } });
  }
  return ctx.holds({
    code: 'monotone',
    message: `L non-increasing over ${instance.steps} steps (κ = η·λ_max = ${k}); tightest at step ${best.step}`,
    observed: best.observed,
    bound: best.bound,
    allowance: best.bound,
    step: best.step,
    details: { kappa: k },
    ...ctx.margin(least),
  });
}

export const quadraticMonotoneBelowEdge: Claim<QuadraticGdInstance> = defineClaim<QuadraticGdInstance>({
  id: 'classical.quadratic.monotone-below-edge',
  title: 'GD on a quadratic decreases the loss monotonically when η < 2/λ_max',
  citation: { paper: COHEN, where: '§2, the quadratic model (a classical fact the paper starts from)', recalled: true },
  statement: 'For L(θ) = ½θᵀAθ − bᵀθ with A ⪰ 0 and 0 < η·λ_max(A) < 2, GD θ⁺ = θ − η∇L gives L(θ_{t+1}) ≤ L(θ_t) at every step.',
  kind: 'forall',
  hypotheses: ['A symmetric positive semi-definite, λ_max > 0', 'κ = η·λ_max ∈ (0, 2)'],
  arbitrary: quadraticGdInstance({ kappa: [0, 2], toward: 'hi', start: 'any', steps: [1, 100] }),
  check: (instance, ctx) => checkMonotoneLoss(instance, ctx, 2),
  negativeControl: {
    description: 'κ ∈ (2, 3) from a start with a component along q_max, run past the horizon where the loss must rise',
    arbitrary: quadraticGdInstance({ kappa: [2, 3], start: 'top', steps: 'until-increase' }),
  },
  tolerance: ROUNDING_TOLERANCE,
  rationale: ROUNDING_RATIONALE,
});

export const quadraticIncreasesAboveEdge: Claim<QuadraticGdInstance> = defineClaim<QuadraticGdInstance>({
  id: 'classical.quadratic.increases-above-edge',
  title: 'GD on a quadratic eventually increases the loss when η > 2/λ_max',
  citation: { paper: COHEN, where: '§2, the quadratic model: the component along q_max grows as |1 − ηλ_max|ᵗ', recalled: true },
  statement:
    'For L(θ) = ½θᵀAθ − bᵀθ with A ⪰ 0, κ = η·λ_max ∈ (2, 3) and a start whose error has a component c along q_max, ' +
    'GD increases the loss at some step t ≤ T*, where T* is the first t with ½λ_max c²·δ(1 + δ)ᵗ ≥ 2·Σ ½λ_i c_i² ' +
    '(δ = κ(κ − 2), the sum over the directions with ηλ_i < 2).',
  kind: 'forall',
  hypotheses: [
    'A symmetric positive semi-definite',
    'κ = η·λ_max ∈ (2, 3)',
    'the error θ₀ − θ* has a non-zero component along q_max',
    'at least T* + 2 steps are run',
  ],
  arbitrary: quadraticGdInstance({ kappa: [2, 3], toward: 'lo', start: 'top', steps: 'until-increase' }),
  check(instance, ctx) {
    const s = quadraticSetup(instance, ctx);
    const { F } = s;
    const k = kappaText(F, s.kappa);
    ctx.assume(F.lt(F.int(2), s.kappa) && F.lt(s.kappa, F.int(3)), 'kappa_out_of_range', `κ = η·λ_max = ${k} is not in (2, 3)`);
    const half = (i: number) => F.toNumber(F.div(F.mul(s.values[i], F.mul(s.coords[i], s.coords[i])), F.int(2)));
    const eTop = half(0);
    ctx.assume(eTop > 0, 'no_top_component', 'the start has no component along q_max');
    const eta = F.toNumber(s.eta);
    let eRest = 0;
    for (let i = 1; i < s.values.length; i++) if (eta * F.toNumber(s.values[i]) < 2) eRest += half(i);
    const horizon = increaseHorizon(eTop, eRest, F.toNumber(s.kappa));
    ctx.assume(instance.steps >= horizon + 2, 'horizon', `${instance.steps} steps do not reach the horizon T* + 2 = ${horizon + 2}`);
    // The margin is the largest relative increase (L_{t+1} − L_t)/excess, the slack its allowance;
    // enclosed at interval:N, its maximum over the steps certifies "no rise" when below 0.
    let best: { margin: typeof F.zero; observed: number; bound: number; step: number } | undefined;
    let most: typeof F.zero | undefined;
    for (const st of gdSteps(s, instance.steps)) {
      if (!F.isFinite(st.next)) {
        return lossNotFinite(ctx, st, k);
      }
      const c = change(F, st, s.lossStar, ctx.tol);
      if (F.lt(c.slack, c.inc)) {
        return ctx.holds(
          rise(ctx, st, c, c.rel, `L rose from ${F.toString(st.loss)} to ${F.toString(st.next)} at step ${st.t} (κ = ${k}, horizon ${horizon})`, {
            kappa: k,
            horizon: Number.isFinite(horizon) ? horizon : 'none',
          }),
        );
      }
      most = mostOf(F, most, c.rel);
      if (best === undefined || c.observed + c.bound > best.observed + best.bound) best = { margin: c.rel, observed: c.observed, bound: c.bound, step: st.t };
    }
    const b = best ?? { observed: 0, bound: 0, step: 0 };
    return ctx.violated({
      code: 'no_loss_increase',
      step: b.step,
      observed: b.observed,
      bound: b.bound,
      allowance: b.bound,
      ...(most !== undefined ? ctx.margin(most) : { margin: -1 }),
      message: `L never rose in ${instance.steps} steps although κ = η·λ_max = ${k} (horizon T* = ${horizon})`,
      details: { kappa: k, horizon: Number.isFinite(horizon) ? horizon : 'none' },
    });
  },
  negativeControl: {
    description: 'κ ∈ (0, 2): GD is monotone there, so no increase may be found',
    arbitrary: quadraticGdInstance({ kappa: [0, 2], start: 'top', steps: [20, 40] }),
  },
  tolerance: ROUNDING_TOLERANCE,
  rationale: `${ROUNDING_RATIONALE} An increase counts only beyond the slack; the horizon makes the rise at least half the q_max term, far above it.`,
});

export const descentLemmaQuadratic: Claim<QuadraticGdInstance> = defineClaim<QuadraticGdInstance>({
  id: 'classical.descent-lemma',
  title: 'Descent lemma: L(θ⁺) ≤ L(θ) − η(1 − ηL/2)‖∇L(θ)‖² for an L-smooth objective',
  citation: {
    paper: 'Y. Nesterov, "Introductory Lectures on Convex Optimization: A Basic Course", Kluwer, 2004',
    where: '§1.2.3, Lemma 1.2.3 (quadratic upper bound of an L-smooth function) applied to one GD step',
    recalled: true,
  },
  statement:
    'If ∇L is L-Lipschitz, one GD step with 0 < ηL < 2 decreases the loss by at least η(1 − ηL/2)‖∇L‖². ' +
    'Checked on quadratics, where L can be any constant ≥ λ_max and the bound is tight along q_max.',
  kind: 'forall',
  hypotheses: ['L ≥ λ_max(A) (the smoothness constant of ½θᵀAθ − bᵀθ)', '0 < η·L < 2'],
  arbitrary: quadraticGdInstance({ kappa: [0, 2], toward: 'hi', start: 'any', steps: [1, 50], smoothness: 'over' }),
  check(instance, ctx) {
    const s = quadraticSetup(instance, ctx);
    const { F } = s;
    ctx.assume(instance.smoothness !== undefined, 'no_smoothness', 'the instance must give the smoothness constant L');
    const L = F.from(instance.smoothness ?? '0');
    const etaL = F.mul(s.eta, L);
    ctx.assume(!F.lt(L, s.lambdaMax), 'not_smooth', `L = ${F.toString(L)} is below λ_max = ${F.toString(s.lambdaMax)}`);
    ctx.assume(F.sign(etaL) > 0 && F.lt(etaL, F.int(2)), 'step_too_large', `η·L = ${F.toString(etaL)} is not in (0, 2)`);
    const factor = F.mul(s.eta, F.sub(F.one, F.div(etaL, F.int(2))));
    // Margin: −shortfall/(promised + slack) at the tightest step, the slack its allowance; enclosed at interval:N. The margin and the
    // allowance are the same step's: the least margin over the steps, with another step's allowance, could fall below −allowance on a pass.
    let best: { observed: number; bound: number; step: number; margin: typeof F.zero } | undefined;
    for (const st of gdSteps(s, instance.steps)) {
      const promised = F.mul(factor, st.gradNorm2);
      const actual = F.sub(st.loss, st.next);
      // The bound's own rounding is a few ulps of η‖g‖² on top of the two losses'.
      const slack = F.add(F.mul(F.from(ctx.tol.rel), F.add(F.add(st.scale, st.scaleNext), F.mul(s.eta, st.gradNorm2))), F.from(ctx.tol.abs));
      const shortfall = F.sub(promised, actual);
      const denom = F.add(promised, slack);
      const zero = F.sign(denom) === 0;
      const rel = zero ? F.int(F.sign(shortfall)) : F.div(shortfall, denom);
      const observed = F.toNumber(rel);
      const bound = zero ? 0 : F.toNumber(F.div(slack, denom));
      if (F.lt(slack, shortfall)) {
        return ctx.violated({
          code: 'insufficient_decrease',
          step: st.t,
          observed,
          bound,
          allowance: bound,
          ...ctx.margin(F.neg(rel)),
          message: `step ${st.t} decreased L by ${F.toString(actual)}, less than η(1 − ηL/2)‖∇L‖² = ${F.toString(promised)} (L = ${instance.smoothness}, λ_max = ${F.toString(s.lambdaMax)})`,
          details: { etaL: F.toString(etaL) },
        });
      }
      if (best === undefined || bound - observed < best.bound - best.observed) best = { observed, bound, step: st.t, margin: F.neg(rel) };
    }
    const b = best ?? { observed: 0, bound: 0, step: 0 };
    return ctx.holds({
      code: 'sufficient_decrease',
      step: b.step,
      observed: b.observed,
      bound: b.bound,
      allowance: b.bound,
      ...(best !== undefined ? ctx.margin(best.margin) : { margin: Number.POSITIVE_INFINITY }),
      message: `every step decreased L by at least η(1 − ηL/2)‖∇L‖² (η·L = ${F.toString(etaL)}); tightest at step ${b.step}`,
      details: { etaL: F.toString(etaL) },
    });
  },
  negativeControl: {
    description: 'L = λ_max·(1 − s), s ∈ [0.15, 0.9], below the true curvature, from a start dominated by q_max: the promised decrease is too large',
    arbitrary: quadraticGdInstance({ kappa: [0, 2], start: 'top-dominant', steps: [1, 10], smoothness: 'under' }),
  },
  tolerance: ROUNDING_TOLERANCE,
  rationale: `${ROUNDING_RATIONALE} Along q_max with L = λ_max the inequality is an equality, so the instances shrink toward the tight case.`,
});
