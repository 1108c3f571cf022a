import { pointInfo } from '../../dynamics/pointInfo.js';
import { stepper } from '../../dynamics/stepper.js';
import type { Vec } from '../../numerics/field.js';
import { norm2, vecSub } from '../../numerics/linalg.js';
import { type OrderFit, orderFit } from '../../numerics/orderFit.js';
import type { CheckContext, Outcome } from '../claim.js';
import { judgeOrder } from '../judgeOrder.js';
import { type CodimInstance, type CodimShape, NGD_SHAPE, ruleName, runner, SQRT_SHAPE } from './codimTwoArb.js';
import { codimension, integrateLimitingFlow, type LimitingRule, phi } from './limitingFlow.js';
import { diverged } from '../diverged.js';

/**
 * One instance of the codimension ≥ 2 claims run over its ladder of η: Φ(x_init) by gradient flow,
 * the limiting flow X(t) of the instance's rule from there, and at every rung the iterates of the
 * rule actually run (plain GD in the controls) projected onto Γ at the sample times.
 */

/**
 * Why a failure of these claims is never certified (ClaimDef.notCertifiable): the margin is a
 * least-squares fit in doubles, and Φ's step sizes, P_T and λ₁ come from a double eigensolver.
 */
export const CODIM_NOT_CERTIFIABLE =
  'its margin is an order-of-convergence fit computed in doubles (claims/judgeOrder.ts) over projections, tangent spaces and λ₁ from a double eigensolver (eigSym), which interval arithmetic cannot enclose';

/** Stated order in η. */
const ORDER = 1;
/** λ₁(Φ(x_t)) is sampled at t_j = jT/SAMPLES, j = 0..SAMPLES. */
export const SAMPLES = 4;

/** What one instance measured: per rung, ‖Φ(x_N) − X(T)‖ and max_j |λ₁(Φ(x_{t_j})) − λ₁(X(t_j))|, and the λ₁ samples. */
export interface LadderRun {
  readonly lambdaFlow: readonly number[];
  readonly rungs: readonly { eta: number; dist: number; lamErr: number; lambdas: readonly number[] }[];
}

/**
 * Checks the hypotheses (Γ of codimension ≥ 2 at X(0), an eigengap (λ₁ − λ₂)/λ₁ ≥ 0.05 along the
 * flow, Φ reachable) and runs the flow (`flowSteps` RK4 steps, each retracted by Φ) and the ladder; an Outcome when it cannot.
 */
export function runLadder<T>(
  instance: CodimInstance,
  ctx: CheckContext<T>,
  o: {
    readonly everySample: boolean;
    readonly flowSteps: number;
    /** Φ stops at ‖∇L‖ ≤ gtol·(1 + λ₁‖θ‖). */
    readonly gtol: number;
    /** Where every rung starts (see {@link RungStart}). */
    readonly start: RungStart;
  },
): LadderRun | Outcome {
  const { F } = ctx;
  const { model, theta } = ctx.model(instance);
  const T = Number(instance.horizon);
  ctx.assume(instance.lrs.length >= 4, 'ladder', `the ladder needs at least 4 values of η, got ${instance.lrs.length}`);
  const x0 = phi(model, theta, o.gtol);
  if (x0 === null) return diverged(ctx, 'no_projection', `${instance.model}: gradient flow from x_init did not reach Γ`);
  const codim = codimension(model, x0, 1e-6);
  ctx.assume(codim >= 2, 'codimension', `Γ has codimension ${codim} at Φ(x_init): the claim is about codimension ≥ 2`);
  const fl = integrateLimitingFlow(model, x0, instance.rule, T, o.flowSteps, SAMPLES, { gtol: o.gtol, codim });
  if (fl === null) return diverged(ctx, 'no_projection', 'a retraction of the limiting flow onto Γ failed');
  ctx.assume(fl.minGap >= 0.05, 'eigengap', `(λ₁ − λ₂)/λ₁ fell to ${fl.minGap.toPrecision(3)} along the flow: λ₁ must stay simple (gap ≥ 0.05λ₁)`);
  const lam = (x: Vec<T>) => F.toNumber(pointInfo(model, x).sharpness());
  const lambdaFlow = fl.xs.map(lam);
  const rungs: { eta: number; dist: number; lamErr: number; lambdas: number[] }[] = [];
  const cycle = o.start === 'ngd-cycle';
  const u1 = cycle ? pointInfo(model, x0).eig().vectors[0] : [];
  for (const lr of instance.lrs) {
    const eta = Number(lr);
    const opt = runner(model, instance.run, lr);
    // NGD's symmetric two-cycle at X(0): ±η/2 along u₁, its step being η.
    const half = F.div(F.from(lr), F.int(2));
    const run = stepper(opt, cycle ? x0.map((x, i) => F.add(x, F.mul(half, u1[i]))) : theta);
    let st = run.state;
    const lambdas: number[] = [];
    let dist = 0;
    let lamErr = 0;
    // The distance needs Φ at the end only; the λ₁ samples need it at every t_j.
    for (let j = o.everySample ? 0 : SAMPLES; j <= SAMPLES; j++) {
      const N = Math.ceil((j * T) / SAMPLES / (eta * eta));
      while (st.t < N) {
        run.step();
        st = run.state;
        if (st.fixedPoint !== undefined || run.diverged) {
          return diverged(ctx, 'left_flow', `${ruleName(instance.run)} η = ${lr} stopped at step ${st.t} (${st.fixedPoint ?? run.divergence})`, st.t);
        }
      }
      // From x_init the projection X(0) = Φ(x_init) is already known; a start on the cycle is O(η²) off it.
      const p = j === 0 && !cycle ? x0 : phi(model, st.theta, o.gtol);
      if (p === null) return diverged(ctx, 'no_projection', `gradient flow from x_${N} (η = ${lr}) did not reach Γ`, N);
      const l = lam(p);
      lambdas.push(l);
      lamErr = Math.max(lamErr, Math.abs(l - lambdaFlow[j]));
      if (j === SAMPLES) dist = F.toNumber(norm2(F, vecSub(F, p, fl.xs[SAMPLES])));
    }
    rungs.push({ eta, dist, lamErr, lambdas });
  }
  return { lambdaFlow, rungs };
}

export const isOutcome = (r: LadderRun | Outcome): r is Outcome => 'verdict' in r;

/**
 * Where every rung of the ladder starts. `init`: at x_init itself, so the rung includes Phase I (the
 * fall from x_init into the rule's cycle around Γ). `ngd-cycle`: on NGD's symmetric two-cycle at X(0) =
 * Φ(x_init), X(0) ± (η/2)u₁ (u₁ the top unit eigenvector of ∇²L(X(0))), whose projection is X(0) + O(η²):
 * the rung measures the tracking of X alone. From x_init, 0.05 per coordinate off Γ (5–20 steps of η),
 * Phase I leaves Φ(x) offset by an amount that does not fall at first order on 0.08 … 0.01 (an offset
 * set in the first 100 steps: 6.9e-5 at η = 0.01, 2.7e-5 at η = 0.0025 on a deep-linear instance) and
 * the cycle at an arbitrary phase a ∈ (0, η) that changes erratically with η (a time lag of ±0.1η in t),
 * so the ladder shows noise, not an order (docs/claims/arora.md).
 */
export type RungStart = 'init' | 'ngd-cycle';

/** How one rule's tracking or sharpness claim on Γ of codimension ≥ 2 is run and judged. */
export interface CodimSetup {
  readonly rule: LimitingRule;
  readonly shape: CodimShape;
  /** RK4 steps for X on [0, T]. */
  readonly flowSteps: number;
  /** Φ's stopping tolerance (runLadder). */
  readonly gtol: number;
  /** Where each rung starts. */
  readonly start: RungStart;
  /** The error allowed at the smallest η. */
  readonly level: number;
  readonly runs: number;
}

/**
 * How each rule's ladder is run, the same for its tracking and its sharpness claim (same instances,
 * Φ and X): √L-GD's smaller η need fewer RK4 steps per unit of T and a looser Φ stop to stay cheap.
 */
export const NGD_RUN: Omit<CodimSetup, 'level'> = { rule: 'ngd', shape: NGD_SHAPE, flowSteps: 20, gtol: 1e-12, start: 'ngd-cycle', runs: 2 };
export const SQRT_RUN: Omit<CodimSetup, 'level'> = { rule: 'sqrt-gd', shape: SQRT_SHAPE, flowSteps: 8, gtol: 1e-10, start: 'init', runs: 1 };

/** The hypotheses the tracking and sharpness claims share. */
export const CODIM_HYPOTHESES: readonly string[] = [
  'model diagonal-linear (d ∈ {2, 3}, n = d + 1, y = X(u*⊙v*)) or deep-linear (widths [2, 2, 2], n = 3, Y = W₂*W₁*X); X of full column rank, L* = 0',
  'Γ of codimension ≥ 2 at Φ(x_init) (else inconclusive: codimension)',
  'λ₁ simple along the flow, (λ₁ − λ₂)/λ₁ ≥ 0.05 (else inconclusive: eigengap)',
];

/** The claim fields they share: f64 only (rounding is far below every error), never certified, their budget and runs. */
export function codimRunFields(s: CodimSetup) {
  return { tolerance: { rel: 0 }, ladder: ['f64' as const], notCertifiable: CODIM_NOT_CERTIFIABLE, budget: 5_000_000, runs: s.runs };
}

/** runLadder for an instance of the setup's own rule (`everySample` for the λ₁ samples at every t_j). */
export function runRuleLadder<T>(instance: CodimInstance, ctx: CheckContext<T>, s: CodimSetup, everySample: boolean): LadderRun | Outcome {
  ctx.assume(instance.rule === s.rule, 'wrong_rule', `the claim is about ${ruleName(s.rule)}`);
  return runLadder(instance, ctx, { everySample, flowSteps: s.flowSteps, gtol: s.gtol, start: s.start });
}

/**
 * The order in η of one error per rung (`what`, measured for the rule the instance runs), with λ₁ along
 * the flow in the details and, through `note`, in the message.
 */
export function judgeRungs<T>(
  ctx: CheckContext<T>,
  instance: CodimInstance,
  r: LadderRun,
  s: CodimSetup,
  what: string,
  error: (rung: LadderRun['rungs'][number]) => number,
  note: (from: string, to: string) => string,
): Outcome {
  const fit = orderFit(r.rungs.map((g) => ({ eps: g.eta, error: Math.max(error(g), Number.MIN_VALUE) })));
  const lf = r.lambdaFlow;
  return judgeOrderInEta(
    ctx,
    `${instance.model}, ${what} for ${ruleName(instance.run)}`,
    fit,
    s.level,
    { model: instance.model, lambdaFlowStart: lf[0], lambdaFlowEnd: lf[lf.length - 1] },
    note(lf[0].toPrecision(6), lf[lf.length - 1].toPrecision(6)),
  );
}

/** The order-of-convergence verdict in η (judgeOrder.ts): slope interval reaching order 1, error at the smallest η below `level`. */
export function judgeOrderInEta<T>(
  ctx: CheckContext<T>,
  what: string,
  fit: OrderFit,
  level: number,
  details: Record<string, string | number>,
  note: string,
): Outcome {
  return judgeOrder(ctx, { what, fit, symbol: 'η', order: ORDER, level, details, note });
}
