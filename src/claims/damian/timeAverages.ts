import type { Vec } from '../../numerics/field.js';
import { centeredGdRule } from '../../dynamics/centeredRule.js';
import { stepper } from '../../dynamics/stepper.js';
import type { CheckContext, Claim, Outcome } from '../claim.js';
import { defineClaim } from '../defineClaim.js';
import { DNL } from '../papers.js';
import { exactlyZero } from '../exactlyZero.js';
import { relativeMargin } from '../relativeMargin.js';
import { type ToyInstance, assumeExactToy, readToy, toyInstance } from './damian.js';
import { nonFinite } from '../diverged.js';

// ─── time averages ─────────────────────────────────────────────────────────────────────────────

/**
 * GD on a toy instance, through the model, yielding θ_t for t = 0..steps; at interval:N in centred
 * form (dynamics/centeredRule.ts), whose enclosure widens with the orbit's multipliers instead of
 * doubling a step. The stepper ends a run silently at its first non-finite iterate, so that step is
 * yielded as `theta: undefined`: a window cut short there would otherwise be averaged as if complete.
 */
function* gdOnToy<T>(instance: ToyInstance, ctx: CheckContext<T>): Generator<{ t: number; theta: Vec<T> | undefined }> {
  const { model, theta } = ctx.model(instance);
  const rule = centeredGdRule(
    ctx.F,
    (v) => model.grad(v),
    (v) => model.hessian(v),
    ctx.F.from(instance.lr),
  );
  const run = stepper(rule, theta, { divergenceBound: Number.POSITIVE_INFINITY });
  yield { t: 0, theta };
  for (const s of run.steps(instance.steps)) yield { t: s.t, theta: s.theta };
  if (run.diverged) yield { t: run.t + 1, theta: undefined };
}

export const timeAverageXSquared: Claim<ToyInstance> = defineClaim<ToyInstance>({
  id: 'damian.time-average.x-squared',
  title: 'Time average of x²: (1/T)Σx_t² = δ² − 2(ỹ_T − ỹ₀)/(ηβT) exactly, so ⟨x²⟩ → δ² while ỹ stays bounded',
  citation: {
    paper: DNL,
    where: '§4.1, equation (3) summed over t (docs/claims/damian.md, derived); DNL\'s "precise predictions for the loss" rest on ⟨x²⟩ ≈ δ²',
    recalled: true,
  },
  statement:
    'For GD on ½(a₀ + b·z)x² − c·z with ỹ = a₀ + b·z − 2/η, α = bc, β = b², δ² = 2α/β and any T ≥ 1: ' + '(1/T)·Σ_{t<T} x_t² = δ² − 2(ỹ_T − ỹ₀)/(ηβT).',
  kind: 'identity',
  hypotheses: ['the loss is exactly ½(a₀ + b·z)x² − c·z (C = 0)', 'b, c, η > 0'],
  arbitrary: toyInstance({ steps: [1, 1000], xMilli: [0, 1500], etaYMilli: [-30, 30] }),
  check<T>(instance: ToyInstance, ctx: CheckContext<T>): Outcome {
    const { F } = ctx;
    assumeExactToy(instance, ctx);
    const toy = readToy(instance, ctx);
    let sum = F.zero;
    let y0 = F.zero;
    let yT = F.zero;
    let zMax = F.zero;
    for (const { t, theta } of gdOnToy(instance, ctx)) {
      if (theta === undefined) return nonFinite(ctx, t, `GD left the finite numbers at step ${t}`);
      zMax = F.max(zMax, F.abs(theta[1]));
      if (t === 0) y0 = toy.y(theta[1]);
      if (t < instance.steps) sum = F.add(sum, F.mul(theta[0], theta[0]));
      else yT = toy.y(theta[1]);
    }
    const T = F.int(instance.steps);
    const lhs = F.div(sum, T);
    const rhs = F.sub(toy.delta2, F.div(F.mul(F.int(2), F.sub(yT, y0)), F.mul(F.mul(toy.eta, toy.beta), T)));
    const errF = F.abs(F.sub(lhs, rhs));
    const err = F.toNumber(errF);
    // z carries an error of a few ulps of max|z| + 2/η per step; the right side divides Σ of them by ηbT/2.
    const scale = F.add(F.add(F.abs(lhs), toy.delta2), F.div(F.mul(F.int(2), F.add(zMax, F.div(toy.edge, toy.b))), F.mul(toy.eta, toy.b)));
    const bound = F.toNumber(F.mul(F.from(ctx.tol.rel), scale));
    // tol − err/scale in the field: at interval:N (no slack) its enclosure certifies a failure.
    const m = ctx.margin(relativeMargin(F, ctx.tol.rel, errF, scale));
    const details = { mean: F.toString(lhs), predicted: F.toString(rhs), ratioToDelta2: F.toNumber(F.div(lhs, toy.delta2)) };
    if (!(err <= bound)) {
      return ctx.violated({
        code: 'identity_fails',
        observed: err,
        bound,
        ...m,
        details,
        message: `(1/T)Σx² = ${F.toString(lhs)} but δ² − 2Δỹ/(ηβT) = ${F.toString(rhs)} (T = ${instance.steps})`,
      });
    }
    return ctx.holds({
      code: 'identity_holds',
      observed: err,
      bound,
      ...m,
      details,
      message: `(1/T)Σx² = ${F.toString(lhs)} = δ² − 2Δỹ/(ηβT) to ${err.toExponential(2)} (T = ${instance.steps}; ⟨x²⟩/δ² = ${details.ratioToDelta2.toFixed(4)})`,
    });
  },
  negativeControl: {
    description: 'a curved sharpness s(z) = a₀ + b·z + C·z² (C ≠ 0, outside the hypothesis): ∇S⊥ = b + 2Cz is not b, and the identity with β = b² fails',
    arbitrary: toyInstance({ steps: [20, 300], xMilli: [300, 1500], etaYMilli: [-30, 30], perturb: 'curved' }),
  },
  tolerance: { ulps: 4096 },
  rationale:
    'An exact identity (docs/claims/damian.md): rounding only. The right side recovers Σx² from z_T − z₀, whose rounding error is a few ulps of ' +
    'max|z| + 2/η per step, summed over T steps and divided by ηbT/2; 4096 ulps of that scale (plus |lhs| + δ²) is the slack: 9e-13 relative in f64.',
});

export const timeAverageSharpness: Claim<ToyInstance> = defineClaim<ToyInstance>({
  id: 'damian.time-average.sharpness',
  title: 'Log identity: mean_t ln|1 + ηỹ_t| = ln|x_T/x₀|/T exactly (the time-averaged sharpness sits at 2/η only up to a boundary term)',
  citation: { paper: DNL, where: '§4.1, equation (3): x_T = x₀·Π(−(1 + ηỹ_t)) (docs/claims/damian.md, derived)', recalled: true },
  statement:
    'For GD on ½(a₀ + b·z)x² − c·z from x₀ ≠ 0, with ỹ_t = a₀ + b·z_t − 2/η and 1 + ηỹ_t ≠ 0: ' +
    '(1/T)Σ_{t<T} ln|1 + ηỹ_t| = ln|x_T/x₀|/T. Hence ⟨ln(1 + ηỹ)⟩ → 0 only while x stays bounded away from 0 and ∞; ' +
    'the naive second-order reading ⟨ỹ⟩ ≈ (η/2)⟨ỹ²⟩ fails over arbitrary windows, where the boundary term dominates.',
  kind: 'identity',
  hypotheses: ['the loss is exactly ½(a₀ + b·z)x² − c·z', 'x₀ ≠ 0', '1 + ηỹ_t ≠ 0 at every step'],
  arbitrary: toyInstance({ steps: [1, 1000], xMilli: [1, 1500], etaYMilli: [-30, 30] }),
  check<T>(instance: ToyInstance, ctx: CheckContext<T>): Outcome {
    const { F } = ctx;
    const toy = readToy(instance, ctx);
    const naive = instance.variant === 'naive-second-order';
    ctx.assume(!naive, 'naive_variant', 'the naive ⟨ỹ⟩ ≈ (η/2)⟨ỹ²⟩ reading is the negative control, not the claim');
    assumeExactToy(instance, ctx);
    ctx.assume(F.sign(F.from(instance.theta[0])) !== 0, 'x0_zero', 'x₀ must be non-zero');
    let sumLog = F.zero;
    let sumY = F.zero;
    let sumY2 = F.zero;
    let x0 = F.zero;
    let xT = F.zero;
    for (const { t, theta } of gdOnToy(instance, ctx)) {
      if (theta === undefined) return nonFinite(ctx, t, `GD left the finite numbers at step ${t}`);
      if (t === 0) x0 = theta[0];
      if (t === instance.steps) {
        xT = theta[0];
        break;
      }
      const y = toy.y(theta[1]);
      const m = F.abs(F.add(F.one, F.mul(toy.eta, y)));
      ctx.assume(!exactlyZero(F, m), 'multiplier_zero', `1 + ηỹ = 0 at step ${t}`);
      sumLog = F.add(sumLog, F.log(m));
      sumY = F.add(sumY, y);
      sumY2 = F.add(sumY2, F.mul(y, y));
    }
    const T = F.int(instance.steps);
    if (naive) {
      const meanYF = F.div(sumY, T);
      const predF = F.div(F.mul(toy.eta, sumY2), F.mul(F.int(2), T));
      const meanY = F.toNumber(meanYF);
      const pred = F.toNumber(predF);
      const ratio = pred > 0 ? meanY / pred : Number.NaN;
      const ok = ratio >= 0.5 && ratio <= 2;
      // The distance inside the factor-2 band, in the field: at interval:N its enclosure certifies.
      const ratioF = F.lt(F.zero, predF) ? F.div(meanYF, predF) : undefined;
      const band = ratioF !== undefined ? ctx.margin(F.min(F.sub(ratioF, F.from('0.5')), F.sub(F.int(2), ratioF))) : undefined;
      const e = {
        observed: meanY,
        bound: pred,
        margin: ok ? Math.min(ratio - 0.5, 2 - ratio) : -Math.abs(Math.log(Math.abs(ratio) || 1e-300)),
        ...band,
        details: { meanY: String(meanY), predicted: String(pred), boundaryTerm: F.toString(F.div(F.log(F.abs(F.div(xT, x0))), F.mul(toy.eta, T))) },
      };
      return ok
        ? ctx.holds({ code: 'naive_holds', message: `⟨ỹ⟩ = ${meanY} within a factor 2 of (η/2)⟨ỹ²⟩ = ${pred}`, ...e })
        : ctx.violated({
            code: 'naive_fails',
            message: `⟨ỹ⟩ = ${meanY} is not within a factor 2 of (η/2)⟨ỹ²⟩ = ${pred} over this window: the boundary term ln|x_T/x₀|/(ηT) = ${e.details.boundaryTerm} dominates`,
            ...e,
          });
    }
    const lhs = F.div(sumLog, T);
    const rhs = F.div(F.log(F.abs(F.div(xT, x0))), T);
    const errF = F.abs(F.sub(lhs, rhs));
    const err = F.toNumber(errF);
    // Per step: ln|1 + ηỹ| is good to a few ulps of 1 + η(|a₀| + |bz| + 2/η) (about 5), and x_T's relative error grows a few ulps a step.
    const bound = ctx.tol.rel * (8 + F.toNumber(F.abs(lhs)));
    // tol − err/(8 + |mean|) in the field: at interval:N its enclosure certifies a failure.
    const mF = ctx.margin(relativeMargin(F, ctx.tol.rel, errF, F.add(F.int(8), F.abs(lhs))));
    const details = { meanLog: F.toString(lhs), meanY: F.toString(F.div(sumY, T)) };
    if (!(err <= bound)) {
      return ctx.violated({
        code: 'identity_fails',
        observed: err,
        bound,
        ...mF,
        details,
        message: `mean ln|1 + ηỹ| = ${F.toString(lhs)} but ln|x_T/x₀|/T = ${F.toString(rhs)}`,
      });
    }
    return ctx.holds({
      code: 'identity_holds',
      observed: err,
      bound,
      ...mF,
      details,
      message: `mean ln|1 + ηỹ| = ln|x_T/x₀|/T = ${F.toString(lhs)} to ${err.toExponential(2)} (T = ${instance.steps})`,
    });
  },
  negativeControl: {
    description:
      'the naive second-order reading ⟨ỹ⟩ ≈ (η/2)⟨ỹ²⟩ (factor-2 band) over arbitrary windows (docs/claims/damian.md caveat): the boundary term ln|x_T/x₀|/(ηT) dominates',
    arbitrary: toyInstance({ steps: [50, 600], xMilli: [1, 1500], etaYMilli: [-30, 30], variant: 'naive-second-order' }),
  },
  tolerance: { ulps: 4096 },
  rationale:
    'An exact identity (docs/claims/damian.md): each ln|1 + ηỹ_t| carries a few ulps of the terms of ỹ times η (≈ 4 in all), x_T a few ulps per step; ' +
    'after dividing by T the error is a few ulps, so 4096 ulps of (8 + |mean|) (7e-12 in f64) leaves room, and shrinks as the ladder climbs.',
});
