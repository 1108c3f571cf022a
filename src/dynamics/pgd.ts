import { NonFiniteError, UsageError } from '../errors.js';
import type { BoundModel } from '../models/model.js';
import type { Field, Vec } from '../numerics/field.js';
import type { Precision } from '../numerics/precision.js';
import { unitRoundoff } from '../numerics/tolerance.js';
import { learningRate } from './_internals/scalar.js';
import { dot, norm2 } from '../numerics/linalg.js';
import type { Optimizer, OptimizerState, ProjectionReport, Scalar } from './optimizer.js';
import { type PointInfo, pointInfo } from './pointInfo.js';
import { OPTIMIZER_DEFAULTS } from '../settings.js';

/** Default relative feasibility tolerance of the projection: 1e-12 in f64, 10^−(N−10) at N digits. */
export function projectionTolerance(p: Precision): number {
  return p.kind === 'f64' ? 1e-12 : Number(`1e-${Math.max(12, p.digits - 10)}`);
}

export interface ProjectionOptions {
  /** Linearised projection steps before giving up (default 50; the authors use 3). */
  readonly maxIterations?: number;
  /** Relative feasibility tolerance (default projectionTolerance of the field's precision). */
  readonly tol?: number;
  /**
   * Take the Newton step along u first and the sharpness correction from the point it reaches (default: both
   * from the same point). Where |u·∇S| ≫ ‖∇S⊥‖, S − 2/η at a displaced point is mostly (u·∇S)·(u·Δθ), which the
   * Newton step removes: read at the same point, the ∇S⊥ correction overshoots by a factor ≈ |u·∇S|/‖∇S⊥‖.
   */
  readonly newtonFirst?: boolean;
}

/**
 * Projects θ onto DNL's stable set M = {θ : S(θ) ≤ 2/η and ∇L(θ)·u(θ) = 0} (docs/claims/damian.md) the
 * way the authors do (`taylor.py`), iterated to convergence: at the current point,
 *   θ ← θ − max(0, S − 2/η)·∇S⊥/‖∇S⊥‖² − u(u·∇L)/S,
 * then recompute S, u, ∇S⊥ (dense eigendecomposition) and repeat until the point is feasible, or
 * `maxIterations` steps.
 *
 * Feasible means, with ε the unit roundoff, p = dim θ and the computed quantities inflated by
 * their rounding uncertainty (S by p·ε·‖H‖_F; u by the angle c·ε·‖H‖_F/(λ₁ − λ₂), c = p in f64 and
 * 1e5 in decimal, from eigSym's documented accuracy):
 * - S ≤ (2/η)(1 + tol), and
 * - |∇L·u| ≤ tol·‖∇L‖; or, where ∇L itself vanishes to working precision (a squared-loss model
 *   whose M is made of minimizers), the Newton correction is below the resolution of θ:
 *   |∇L·u|/S ≤ 100·p·ε·‖θ‖. The report then says `atResolution: true` (the relative residual of a
 *   gradient made of rounding errors is meaningless).
 * On failure the last (finite) iterate is returned with `projected: false`, its residuals and the
 * reason (∇S⊥ = 0 while S > 2/η; S ≤ 0 so the Newton step is undefined; a top eigenvalue too close to
 * the next for u to be determined; iterates that blow up, as when M is empty nearby; no convergence).
 * A non-finite input is a NonFiniteError. It never reports an infeasible point as projected.
 *
 * Caveat (docs/claims/damian.md): this linearised projection is not the Euclidean projection onto a
 * curved M. On the cubic toy at x = 0, M ∩ {x = 0} is a half-space in z and it is exact.
 */
export function projectOntoStableSet<T>(
  model: BoundModel<T>,
  theta: Vec<T>,
  lr: T,
  options: ProjectionOptions = {},
): { theta: Vec<T>; report: ProjectionReport<T> } {
  const F = model.F;
  const maxIterations = options.maxIterations ?? OPTIMIZER_DEFAULTS.maxProjections;
  const tol = options.tol ?? projectionTolerance(F.precision);
  const eps = unitRoundoff(F.precision);
  const edge = F.div(F.int(2), lr);
  const edgeN = F.toNumber(edge);
  let th = theta.slice();
  let P = pointInfo(model, th);
  for (let k = 0; ; k++) {
    // u first: it needs the full eigendecomposition, whose values then give S (asked first, S alone
    // would be computed without vectors and then again with them).
    const u = P.top();
    const S = P.sharpness();
    const g = P.grad();
    const gn = P.gradNorm();
    const ug = dot(F, u, g);
    const p = th.length;
    // Rounding uncertainty of S and of u (as doubles: they only widen the tests).
    const hNorm = Math.sqrt(P.hessian().reduce((s, row) => s + row.reduce((t, x) => t + F.toNumber(x) ** 2, 0), 0));
    const gap = P.eigengap();
    const gapN = gap === null ? Infinity : F.toNumber(gap);
    const sErr = p * eps * hNorm;
    // eigSym's documented eigenvector accuracy: n·ε·‖A‖/gap for f64 QL; Jacobi (decimal) stops at an
    // off-diagonal mass of 1e5·u·‖A‖_F, so its vectors are good to about 1e5·u·‖A‖/gap.
    const vecErr = (F.precision.kind === 'f64' ? p : Math.max(p, 1e5)) * eps * hNorm;
    const uErr = gapN > 0 ? Math.min(1, vecErr / gapN) : 1;
    const excess = F.div(F.sub(S, edge), edge);
    const newton = F.sign(gn) === 0 ? F.zero : F.div(F.abs(ug), gn);
    const gnN = F.toNumber(gn);
    const SN = F.toNumber(S);
    const thetaN = Math.max(F.toNumber(norm2(F, th)), Number.MIN_VALUE);
    const distance = SN > 0 ? (Math.abs(F.toNumber(ug)) + uErr * gnN) / SN / thetaN : Infinity;
    const report = (projected: boolean, extra: { reason?: string; atResolution?: boolean } = {}) => ({
      theta: th,
      report: { projected, iterations: k, sharpness: S, sharpnessExcess: excess, newtonResidual: newton, ...extra },
    });
    const sharpOk = F.toNumber(excess) + sErr / edgeN <= tol;
    const relOk = gnN !== 0 && F.toNumber(newton) + uErr <= tol;
    const resOk = distance <= 100 * p * eps;
    if (sharpOk && (relOk || resOk)) return report(true, relOk ? {} : { atResolution: true });
    if (k >= maxIterations) {
      const why =
        uErr >= tol && !relOk
          ? `the top eigenvalue is not separated (λ₁ − λ₂ = ${gapN.toExponential(3)}): u, hence ∇L·u, is undetermined`
          : `not feasible after ${maxIterations} projection steps`;
      return report(false, { reason: why });
    }
    if (options.newtonFirst === true) {
      const moved = newtonFirstStep(model, P, th, edge);
      if (typeof moved === 'string') return report(false, { reason: moved });
      th = moved.theta;
      P = moved.P;
      continue;
    }
    let next = th;
    if (F.sign(F.sub(S, edge)) > 0) {
      const dSp = P.sharpnessGradientPerp();
      const b = dot(F, dSp, dSp);
      if (F.sign(b) === 0) return report(false, { reason: 'S > 2/η but ∇S⊥ = 0: the sharpness cannot be lowered' });
      const c = F.div(F.sub(S, edge), b);
      next = next.map((x, i) => F.sub(x, F.mul(c, dSp[i])));
    }
    if (F.sign(S) > 0) {
      const c = F.div(ug, S);
      next = next.map((x, i) => F.sub(x, F.mul(c, u[i])));
    } else if (!(relOk || resOk)) {
      return report(false, { reason: 'S ≤ 0: the Newton step −u(u·∇L)/S is undefined' });
    }
    // An iterate the projection itself made non-finite: the linearisation has no feasible point
    // to go to (e.g. M is empty nearby). Report the failure at the last finite iterate.
    const nextP = finitePoint(model, next);
    if (nextP === undefined) return report(false, { reason: `the projection iterates blew up after ${k + 1} steps (no feasible point nearby?)` });
    th = next;
    P = nextP;
  }
}

/**
 * One iteration of the Newton-first projection: θ ← θ − u(u·∇L)/S, then from there θ ← θ − max(0, S − 2/η)·∇S⊥/‖∇S⊥‖²
 * with S and ∇S⊥ read at the new point. Returns the point and its evaluation, or why it cannot step.
 */
function newtonFirstStep<T>(model: BoundModel<T>, P: PointInfo<T>, th: Vec<T>, edge: T): { theta: Vec<T>; P: PointInfo<T> } | string {
  const F = model.F;
  const S = P.sharpness();
  if (F.sign(S) <= 0) return 'S ≤ 0: the Newton step −u(u·∇L)/S is undefined';
  const c = F.div(dot(F, P.top(), P.grad()), S);
  let next = th.map((x, i) => F.sub(x, F.mul(c, P.top()[i])));
  let Q = finitePoint(model, next);
  if (Q === undefined) return 'the projection iterates blew up after a Newton step (no feasible point nearby?)';
  const S2 = Q.sharpness();
  if (F.sign(F.sub(S2, edge)) > 0) {
    const dSp = Q.sharpnessGradientPerp();
    const b = dot(F, dSp, dSp);
    if (F.sign(b) === 0) return 'S > 2/η but ∇S⊥ = 0: the sharpness cannot be lowered';
    const k = F.div(F.sub(S2, edge), b);
    next = next.map((x, i) => F.sub(x, F.mul(k, dSp[i])));
    Q = finitePoint(model, next);
    if (Q === undefined) return 'the projection iterates blew up after a sharpness step (no feasible point nearby?)';
  }
  return { theta: next, P: Q };
}

/** The evaluation of θ, or undefined where its spectrum or gradient is not finite. */
function finitePoint<T>(model: BoundModel<T>, theta: Vec<T>): PointInfo<T> | undefined {
  const P = pointInfo(model, theta);
  try {
    P.eig();
    P.gradNorm();
  } catch (e) {
    if (!(e instanceof NonFiniteError)) throw e;
    return undefined;
  }
  return P;
}

/**
 * One step of projected GD from θ with its gradient g at θ (a caller that holds it passes it; pgd's step
 * evaluates it): proj_M(θ − η·g), projectOntoStableSet's iterated linearised projection.
 */
export function projectedGdStep<T>(
  model: BoundModel<T>,
  theta: Vec<T>,
  lr: T,
  g: Vec<T>,
  options: ProjectionOptions = {},
): { theta: Vec<T>; report: ProjectionReport<T> } {
  const F = model.F;
  return projectOntoStableSet(
    model,
    theta.map((x, i) => F.sub(x, F.mul(lr, g[i]))),
    lr,
    options,
  );
}

/**
 * Projected gradient descent onto DNL's stable set, the "constrained trajectory" θ† of
 * self-stabilization (docs/claims/damian.md): θ†⁺ = proj_M(θ† − η∇L(θ†)), with proj_M the iterated
 * linearised projection of projectOntoStableSet. `init` projects θ₀ too. Each state carries the
 * projection's report; `projected: false` marks an infeasible point (never silently).
 */
export function pgd<T>(model: BoundModel<T>, options: { readonly lr: Scalar } & ProjectionOptions): Optimizer<T> {
  const F: Field<T> = model.F;
  const lr = learningRate(F, options.lr);
  if (options.maxIterations !== undefined && !(Number.isInteger(options.maxIterations) && options.maxIterations >= 1)) {
    throw new UsageError(`the number of projection steps must be a positive integer, got ${options.maxIterations}`, 'maxProjections');
  }
  if (options.tol !== undefined && !(options.tol > 0 && options.tol < 1)) {
    throw new UsageError(`the projection tolerance must be in (0, 1), got ${options.tol}`, 'projectionTol');
  }
  const proj: ProjectionOptions = { maxIterations: options.maxIterations, tol: options.tol };
  const params: Record<string, string> = {};
  if (options.maxIterations !== undefined) params.maxProjections = String(options.maxIterations);
  if (options.tol !== undefined) params.projectionTol = String(options.tol);
  return Object.freeze({
    id: 'pgd' as const,
    model,
    F,
    lr,
    params: Object.freeze(params),
    init(theta: Vec<T>): OptimizerState<T> {
      const r = projectOntoStableSet(model, theta, lr, proj);
      return { t: 0, theta: r.theta, projection: r.report };
    },
    step(state: OptimizerState<T>): OptimizerState<T> {
      const r = projectedGdStep(model, state.theta, lr, model.grad(state.theta), proj);
      return { t: state.t + 1, theta: r.theta, projection: r.report };
    },
  });
}
