import { gdToEdge } from '../../dynamics/gdToEdge.js';
import { projectOntoStableSet, projectedGdStep } from '../../dynamics/pgd.js';
import { type PointInfo, pointInfo } from '../../dynamics/pointInfo.js';
import { predictedDisplacement } from '../../dynamics/predictedDisplacement.js';
import { gdRule, stepper, type UpdateRule } from '../../dynamics/stepper.js';
import type { Vec } from '../../numerics/field.js';
import { dot } from '../../numerics/linalg.js';
import type { CheckContext, Instance, InstanceJson, Outcome } from '../claim.js';
import { nonFinite } from '../diverged.js';

/**
 * The negative controls: `no-cubic`, predicted dynamics without x²∇S⊥/2 + u·x·y; `no-energy`, the loss
 * prediction without x²/η; `no-y`, the sharpness prediction without y; `flow`, distances to gradient flow.
 */
export type EdgeVariant = 'no-cubic' | 'no-energy' | 'no-y' | 'flow';

/** What every edge family's rung carries: the ε it was built for, its step size and GD's start. */
export type EdgeRungBase = {
  /** The ε this rung was built for (the check measures its own, η√ᾱ along θ†). */
  readonly target: string;
  readonly lr: string;
  /** GD's start: on the edge, slightly displaced along the top eigenvector. */
  readonly theta: readonly string[];
};

/** An instance family at the edge of stability over a ladder of ε (edgeFamilyTwoLayer.ts, edgeFamilyDeepLinear.ts). */
export interface EdgeInstance<R extends EdgeRungBase = EdgeRungBase> extends Instance {
  readonly rungs: readonly R[];
  /** Slow (x, y) cycles to follow after the first crossing of 2/η (unread where the runs follow a horizon in slow time: EdgeRunOptions). */
  readonly cycles: number;
  readonly variant?: EdgeVariant;
}

/** What one rung measured over the slow cycles after the first crossing of 2/η (all errors relative, see fields). */
export interface RungRun {
  /** Model evaluations the run took: a claim reading the shared run counts them too, so a report does not depend on which claim ran first. */
  readonly evaluations: number;
  /** ε = η√ᾱ, ᾱ the mean of α = −∇L·∇S⊥ along θ†. */
  readonly eps: number;
  /** max_t ‖θ_t − θ†_t − v⋆_t‖/δ_t. */
  readonly err: number;
  /** The same with v⋆ driven without its cubic terms (the negative control). */
  readonly errNoCubic: number;
  /** max_t |L(θ_t) − L(θ†_t) − x_t²/η| / (δ_t²/η). */
  readonly lossErr: number;
  /** max_t |L(θ_t) − L(θ†_t)| / (δ_t²/η): the loss prediction without the oscillation's energy x²/η (control). */
  readonly lossErrNoEnergy: number;
  /**
   * max_t |S̄(θ)_t − S̄(θ† + y)_t| / (√β_t·δ_t), S̄ the mean over steps t − 1 and t: the sharpness prediction
   * S(θ_t) ≈ S(θ†_t) + y_t averaged over two steps (pointwise, a term x·(u·∇S) flips sign every step).
   */
  readonly sharpErr: number;
  /** The same without y_t (S(θ_t) ≈ S(θ†_t): the control), and pointwise with y_t. */
  readonly sharpErrNoY: number;
  readonly sharpErrPointwise: number;
  /** max_t ‖θ_t − θ†_t‖/δ_t. */
  readonly maxDagger: number;
  /** max_t ‖θ_t − θ_GF(t)‖/δ_t, and its value at the last step (θ_GF: gradient flow from the crossing, time ηt). */
  readonly maxFlow: number;
  readonly endFlow: number;
  /** Steps followed after the crossing, and the crossing's step. */
  readonly steps: number;
  readonly crossing: number;
  /** Extremes along θ†: min α/α₀, max ηλ₂/2, min η(λ₁ − λ₂). */
  readonly alphaMin: number;
  readonly lambda2Max: number;
  readonly gapMin: number;
  /** The hypotheses that failed along the run (a control runs past them), replayed on a shared run. */
  readonly failed: readonly { readonly code: string; readonly message: string }[];
}

/**
 * How a family's runs differ from the default (3 slow cycles counted on x, the linearised projection):
 * `slowTime`, follow ⌈slowTime/ε⌉ steps after the crossing (ε the rung's target) instead of counting
 * cycles, for a model on which GD shows no slow cycle to count; `newtonFirst`, project with the Newton step
 * along u first (pgd.ts), for a model with |u·∇S| ≫ ‖∇S⊥‖.
 */
export interface EdgeRunOptions {
  readonly slowTime?: number;
  readonly newtonFirst?: boolean;
}

/**
 * One period of the reduced dynamics of x/δ = e^ξ and ηy/ε = z in the slow time s = εt as ε → 0,
 * ξ' = z, z' = 1 − e^{2ξ} (x ↦ −(1 + ηy)x, ηy ↦ ηy + ε²(1 − x²/δ²) per step), from x₀ = δ/20 at rest:
 * the ε → 0 length of one slow cycle in steps is SLOW_PERIOD/ε (edgeRun.test.ts integrates it).
 */
export const SLOW_PERIOD = 6.278;

/** Steps allowed to reach the crossing, and after it (3 cycles at ε = 0.014 take ≈ 1600). */
export const EDGE_MAX_STEPS = 6000;
/** Gradient flow is integrated by Euler with η/GF_SUBSTEPS: its own error is O(η) per unit time, far below the δ-scale distances measured. */
const GF_SUBSTEPS = 4;

/**
 * The claims of edgeClaims.ts observe the same runs (GD, θ†, θ† + v⋆ with and
 * without cubic terms, gradient flow): a run is a deterministic function of the rung, so it is
 * computed once per process and shared.
 */
const memo = new Map<string, RungRun>();

/** Forgets the shared runs, so the next check computes its rungs afresh (a test of runRung itself, not of a replay). */
export function forgetRungRuns(): void {
  memo.clear();
}

/** An early outcome (divergence) in place of a run. */
export const isOutcome = <R extends object>(r: R | Outcome): r is Outcome => 'verdict' in r;

/**
 * GD from the rung's θ₀ until S(θ) ≥ 2/η (the authors' find_instability), then GD, θ† (projected GD,
 * pgd.ts), θ† + v⋆ and gradient flow side by side until x² − δ² has changed sign 4·cycles times
 * (a slow cycle crosses |x| = δ four times), or for ⌈slowTime/ε⌉ steps when `options` sets a horizon in slow
 * time. The hypotheses are checked at every θ†_t. `data` is the model's data on this rung (the family's labels
 * for its ε).
 */
export function runRung<T>(
  instance: EdgeInstance,
  rung: EdgeRungBase,
  data: InstanceJson,
  outer: CheckContext<T>,
  options: EdgeRunOptions = {},
): RungRun | Outcome {
  const key = JSON.stringify([instance.model, instance.params ?? null, data, rung, instance.cycles, options]);
  const hit = memo.get(key);
  if (hit !== undefined) {
    outer.count(hit.evaluations);
    for (const f of hit.failed) outer.assume(false, f.code, f.message);
    return hit;
  }
  const before = outer.evaluations;
  // The context records each failed hypothesis (a control runs past them) for the shared run to replay.
  const failed: { code: string; message: string }[] = [];
  const ctx: CheckContext<T> = Object.assign(Object.create(outer) as CheckContext<T>, {
    assume(cond: boolean, code: string, message: string): void {
      if (!cond && !failed.some((f) => f.code === code)) failed.push({ code, message });
      outer.assume(cond, code, message);
    },
  });
  const { F } = ctx;
  const { model, theta } = ctx.model({ ...instance, data, theta: rung.theta });
  const eta = F.from(rung.lr);
  const etaN = F.toNumber(eta);
  const num = (v: Vec<T>): number[] => v.map((x) => F.toNumber(x));
  // GD to its first crossing of 2/η at an iterate (the engine's edge search), then every trajectory
  // here is a gdRule stepper on the engine, with its divergence rule. GD's gradient at θ_t is the one
  // its point evaluation already holds (one evaluation a step); the flow's is fresh.
  const found = gdToEdge(model, theta, rung.lr, EDGE_MAX_STEPS, { at: 'iterate' });
  if (!found.reached) {
    if (found.cause === 'nonFinite') return nonFinite(ctx, found.t, `GD diverged before the crossing: ${found.reason}`);
    // Out of steps, or a fixed point below 2/η: GD never reaches the edge.
    return ctx.diverged({
      code: 'no_crossing',
      message: found.cause === 'steps' ? `S stayed below 2/η for ${EDGE_MAX_STEPS} steps` : found.reason,
      observed: found.cause === 'steps' ? EDGE_MAX_STEPS + 1 : found.t,
      bound: EDGE_MAX_STEPS,
      margin: Number.NaN,
    });
  }
  const crossing = found.t;
  // GD's point evaluation at θ_t, set at each step below.
  let Pth: PointInfo<T> | undefined;
  const gd = stepper(
    gdRule(F, (t) => (t === Pth?.theta ? Pth.grad() : model.grad(t)), eta),
    found.theta,
  );
  let th = gd.theta;
  const proj = options.newtonFirst === true ? { newtonFirst: true } : {};
  // A horizon fixed in slow time, when the family sets one: the steps the rung's ε gives it.
  const horizon = options.slowTime === undefined ? undefined : Math.ceil(options.slowTime / Number(rung.target));
  const first = projectOntoStableSet(model, th, eta, proj);
  ctx.assume(first.report.projected, 'projection_failed', `θ at the crossing could not be projected onto the stable set (${first.report.reason ?? ''})`);
  let dag = first.theta;
  let v = th.map((x, i) => F.sub(x, dag[i]));
  let vLin = v;
  const flow = stepper(
    gdRule(F, (t) => model.grad(t), F.div(eta, F.int(GF_SUBSTEPS))),
    th,
  );
  let err = 0,
    errNoCubic = 0,
    lossErr = 0,
    lossErrNoEnergy = 0,
    maxDagger = 0,
    maxFlow = 0,
    endFlow = 0;
  let sumAlpha = 0,
    alpha0 = 0,
    alphaMin = Infinity,
    lambda2Max = 0,
    gapMin = Infinity;
  let sharpErr = 0,
    sharpErrNoY = 0,
    sharpErrPointwise = 0;
  let last: { S: number; Sd: number; y: number } | undefined;
  let signChanges = 0,
    prev = 0,
    k = 0;
  for (; k < Math.max(EDGE_MAX_STEPS, (horizon ?? 0) + 1); k++) {
    const P = pointInfo(model, dag);
    const u = P.top();
    const dS = P.sharpnessGradientPerp();
    const alpha = -F.toNumber(dot(F, P.grad(), dS));
    const beta = F.toNumber(dot(F, dS, dS));
    ctx.assume(
      alpha > 0 && beta > 0,
      'alpha_positive',
      `α = ${alpha.toExponential(3)}, β = ${beta.toExponential(3)} at θ†_${k}: progressive sharpening (α > 0) fails`,
    );
    const ev = P.eig().values.map((x) => F.toNumber(x));
    ctx.assume(ev[1] < 1.9 / etaN, 'second_eigenvalue', `λ₂ = ${ev[1].toPrecision(4)} passed 1.9/η at θ†_${k}`);
    ctx.assume(ev[0] - ev[1] >= 0.1 / etaN, 'eigengap', `λ₁ − λ₂ = ${(ev[0] - ev[1]).toExponential(3)} < 0.1/η at θ†_${k}: no eigengap`);
    if (k === 0) alpha0 = alpha;
    sumAlpha += alpha;
    alphaMin = Math.min(alphaMin, alpha / alpha0);
    lambda2Max = Math.max(lambda2Max, (etaN * ev[1]) / 2);
    gapMin = Math.min(gapMin, etaN * (ev[0] - ev[1]));
    const d2 = (2 * alpha) / beta;
    const de = Math.sqrt(d2);
    // One evaluation at GD's point gives its loss, sharpness and the gradient of its next step.
    Pth = pointInfo(model, th);
    const thN = num(th);
    const w = thN.map((x, i) => x - F.toNumber(dag[i]));
    const dist = (ref: readonly number[]) => Math.hypot(...w.map((x, i) => x - ref[i])) / de;
    err = Math.max(err, dist(num(v)));
    errNoCubic = Math.max(errNoCubic, dist(num(vLin)));
    maxDagger = Math.max(maxDagger, Math.hypot(...w) / de);
    endFlow = Math.hypot(...thN.map((x, i) => x - F.toNumber(flow.theta[i]))) / de;
    maxFlow = Math.max(maxFlow, endFlow);
    const x = w.reduce((s, a, i) => s + a * F.toNumber(u[i]), 0);
    const dL = F.toNumber(Pth.loss()) - F.toNumber(P.loss());
    lossErr = Math.max(lossErr, Math.abs(dL - (x * x) / etaN) / (d2 / etaN));
    lossErrNoEnergy = Math.max(lossErrNoEnergy, Math.abs(dL) / (d2 / etaN));
    const y = w.reduce((s, a, i) => s + a * F.toNumber(dS[i]), 0);
    const S = F.toNumber(Pth.sharpness());
    const Sd = ev[0];
    const unitS = Math.sqrt(beta) * de;
    sharpErrPointwise = Math.max(sharpErrPointwise, Math.abs(S - Sd - y) / unitS);
    if (last !== undefined) {
      sharpErr = Math.max(sharpErr, Math.abs((S + last.S) / 2 - (Sd + y + last.Sd + last.y) / 2) / unitS);
      sharpErrNoY = Math.max(sharpErrNoY, Math.abs((S + last.S) / 2 - (Sd + last.Sd) / 2) / unitS);
    }
    last = { S, Sd, y };
    const sg = Math.sign(x * x - d2);
    if (prev !== 0 && sg !== 0 && sg !== prev) signChanges++;
    if (sg !== 0) prev = sg;
    if (horizon === undefined ? signChanges >= 4 * instance.cycles : k === horizon) break;
    const H = P.hessian();
    const frame = () => ({ hvp: (z: Vec<T>) => H.map((row) => dot(F, row, z)), top: u, sharpnessGradientPerp: dS, delta2: F.from(String(d2)) });
    const step = (rule: UpdateRule<T>, z: Vec<T>) => rule.step(rule.init(z)).theta;
    v = step(predictedDisplacement(F, eta, frame, true), v);
    vLin = step(predictedDisplacement(F, eta, frame, false), vLin);
    if (!gd.step()) return nonFinite(ctx, k, `GD diverged at step ${k}: ${gd.divergence}`);
    th = gd.theta;
    for (let j = 0; j < GF_SUBSTEPS; j++) if (!flow.step()) return nonFinite(ctx, k, `gradient flow diverged at step ${k}: ${flow.divergence}`);
    // Projected GD's step from θ†, with the gradient its point evaluation already holds.
    const pr = projectedGdStep(model, dag, eta, P.grad(), proj);
    ctx.assume(pr.report.projected, 'projection_failed', `θ† could not be projected at step ${k + 1} (${pr.report.reason ?? ''})`);
    dag = pr.theta;
  }
  if (horizon === undefined)
    ctx.assume(signChanges >= 4 * instance.cycles, 'too_few_cycles', `only ${signChanges / 4} slow cycles in ${EDGE_MAX_STEPS} steps after the crossing`);
  const run: RungRun = {
    eps: etaN * Math.sqrt(sumAlpha / (k + 1)),
    err,
    errNoCubic,
    lossErr,
    lossErrNoEnergy,
    sharpErr,
    sharpErrNoY,
    sharpErrPointwise,
    maxDagger,
    maxFlow,
    endFlow,
    steps: k + 1,
    crossing,
    alphaMin,
    lambda2Max,
    gapMin,
    failed,
    evaluations: outer.evaluations - before,
  };
  memo.set(key, run);
  return run;
}
