import { decimalCtor } from '../../numerics/decimalField.js';
import type { Field } from '../../numerics/field.js';
import type { CheckContext, Outcome } from '../claim.js';
import { diagonalGdRule } from '../../dynamics/diagonalGd.js';
import { DIVERGENCE_BOUND } from '../../settings.js';
import { stepper } from '../../dynamics/stepper.js';

/**
 * Even, Pesme, Gunasekar, Flammarion (docs/claims/even.md): what GD with a finite step size does to
 * the implicit bias of a diagonal linear network β = u⊙v, L = (1/2n)‖X(u⊙v) − y‖², beyond the two
 * exact identities of even.ts (c = u² − v² is multiplied by 1 − γ²g², s = ½·arcsinh(2β/c) moves by
 * −artanh(γg)). Three measured claims:
 * - `even.dln.implicit-bias`: the KKT residual ρ = ‖P_N s_∞‖/‖s_∞‖ of the mirror-descent problem is
 *   O(γ²), not 0 (artanh(γg) − γg ∉ range(Xᵀ));
 * - `even.dln.large-steps-hurt-gd-sparsity`: past the edge (γ·S_GF > 2), a larger step lands on a
 *   less sparse interpolator, farther from the sparse β* (statistical over a batch of problems);
 * - `even.dln.eos-final-sharpness`: past the edge, GD converges with γ·S_∞ just below 2.
 * Theorem numbers are recalled [R] (docs/claims/even.md, open item 6); every constant below is measured
 * on this file's generators ([E]: measured), not taken from the paper.
 */

/** 60 digits: y = Xβ* of 2-place decimals is exact. */
export const D = decimalCtor(60);


/* ------------------------------------------------------------------------------------------------ */
/* The GD kernel                                                                                    */
/* ------------------------------------------------------------------------------------------------ */

/** How a DLN GD run stops. */
interface RunOptions<T> {
  readonly maxSteps: number;
  /**
   * `grad`: stop once γ·‖g‖_∞ < `tol` (claim 1: the last steps move s by less than that);
   * `loss`: stop once L < `tol` for 5 consecutive steps, or on a period-2 orbit (claims 2, 3).
   */
  readonly stop: 'grad' | 'loss';
  readonly tol: T;
}

interface RunResult<T> {
  readonly status: 'converged' | 'two-cycle' | 'steps' | 'diverged';
  readonly steps: number;
  readonly u: T[];
  readonly v: T[];
  /** Steps whose loss exceeded the previous one's. */
  readonly increases: number;
  /** max over steps and coordinates of |γg_k| (the hyperbolic parameterization needs < 1). */
  readonly maxGammaG: number;
}

/**
 * GD on the DLN, fused: per step the residual Xβ − y, the loss, g = Xᵀres/n and the update
 * u⁺ = u − γv⊙g, v⁺ = v − γu⊙g (the model's ∇L, docs/claims/even.md). One `ctx.count()` per step.
 */
export function dlnRun<T>(ctx: CheckContext<T>, X: readonly (readonly T[])[], Y: readonly T[], u0: readonly T[], v0: readonly T[], gamma: T, o: RunOptions<T>): RunResult<T> {
  const { F } = ctx;
  if (F.precision.kind === 'f64') {
    // T is number here (the f64 field is the only one of kind 'f64'): the same loop on Float64Arrays, ~6× faster.
    const r = dlnRunF64(ctx as unknown as CheckContext<number>, X as unknown as number[][], Y as unknown as number[], u0 as unknown as number[], v0 as unknown as number[],
      gamma as unknown as number, o as unknown as RunOptions<number>);
    return r as unknown as RunResult<T>;
  }
  const n = X.length;
  const d = u0.length;
  const N = F.int(n);
  const twoN = F.int(2 * n);
  const huge = F.from('1e10');
  let u = [...u0];
  let v = [...v0];
  let g: T[] = [];
  const run = stepper(diagonalGdRule(F, gamma, () => g), [...u0, ...v0]);
  let prev: T | undefined;
  let prev2: T | undefined;
  let inside = 0;
  let cycle = 0;
  let increases = 0;
  let maxGammaG = 0;
  const res: T[] = new Array<T>(n);
  for (let k = 0; k < o.maxSteps; k++) {
    let L = F.zero;
    for (let i = 0; i < n; i++) {
      let s = F.neg(Y[i]);
      const row = X[i];
      for (let j = 0; j < d; j++) s = F.add(s, F.mul(row[j], F.mul(u[j], v[j])));
      res[i] = s;
      L = F.add(L, F.mul(s, s));
    }
    L = F.div(L, twoN);
    if (!F.isFinite(L) || F.lt(huge, L)) return { status: 'diverged', steps: k, u, v, increases, maxGammaG };
    if (prev !== undefined && F.lt(prev, L)) increases++;
    if (o.stop === 'loss') {
      inside = F.lt(L, o.tol) ? inside + 1 : 0;
      if (inside >= 5) return { status: 'converged', steps: k, u, v, increases, maxGammaG };
      // A period-2 orbit: L_k = L_{k−2} to 1e-10 while L_k ≠ L_{k−1} by 1e-3, for 50 steps.
      const c = prev2 !== undefined && prev !== undefined
        && F.toNumber(F.abs(F.sub(L, prev2))) <= 1e-10 * F.toNumber(L) && F.toNumber(F.abs(F.sub(L, prev))) > 1e-3 * F.toNumber(L);
      cycle = c ? cycle + 1 : 0;
      if (cycle >= 50) return { status: 'two-cycle', steps: k, u, v, increases, maxGammaG };
    }
    prev2 = prev;
    prev = L;
    g = new Array<T>(d);
    let gMax = F.zero;
    for (let j = 0; j < d; j++) {
      let s = F.zero;
      for (let i = 0; i < n; i++) s = F.add(s, F.mul(X[i][j], res[i]));
      g[j] = F.div(s, N);
      gMax = F.max(gMax, F.abs(g[j]));
    }
    const gg = F.mul(gamma, gMax);
    maxGammaG = Math.max(maxGammaG, F.toNumber(gg));
    if (o.stop === 'grad' && F.lt(gg, o.tol)) return { status: 'converged', steps: k, u, v, increases, maxGammaG };
    ctx.count();
    const stepped = run.step();
    u = run.theta.slice(0, d);
    v = run.theta.slice(d);
    if (!stepped) return { status: 'diverged', steps: k + 1, u, v, increases, maxGammaG };
  }
  return { status: 'steps', steps: o.maxSteps, u, v, increases, maxGammaG };
}

/** {@link dlnRun} in plain doubles, operation for operation (same sums in the same order). */
function dlnRunF64(ctx: CheckContext<number>, X: readonly (readonly number[])[], Y: readonly number[], u0: readonly number[], v0: readonly number[], gamma: number, o: RunOptions<number>): RunResult<number> {
  const n = X.length;
  const d = u0.length;
  const u = Float64Array.from(u0);
  const v = Float64Array.from(v0);
  const res = new Float64Array(n);
  const g = new Float64Array(d);
  let prev = Number.NaN;
  let prev2 = Number.NaN;
  let inside = 0;
  let cycle = 0;
  let increases = 0;
  let maxGammaG = 0;
  let pending = 0;
  const out = (status: RunResult<number>['status'], steps: number): RunResult<number> => {
    if (pending > 0) ctx.count(pending);
    return { status, steps, u: Array.from(u), v: Array.from(v), increases, maxGammaG };
  };
  for (let k = 0; k < o.maxSteps; k++) {
    let L = 0;
    for (let i = 0; i < n; i++) {
      let s = -Y[i];
      const row = X[i];
      for (let j = 0; j < d; j++) s += row[j] * (u[j] * v[j]);
      res[i] = s;
      L += s * s;
    }
    L /= 2 * n;
    if (!Number.isFinite(L) || L > 1e10) return out('diverged', k);
    if (L > prev) increases++;
    if (o.stop === 'loss') {
      inside = L < o.tol ? inside + 1 : 0;
      if (inside >= 5) return out('converged', k);
      cycle = Math.abs(L - prev2) <= 1e-10 * L && Math.abs(L - prev) > 1e-3 * L ? cycle + 1 : 0;
      if (cycle >= 50) return out('two-cycle', k);
    }
    prev2 = prev;
    prev = L;
    let gMax = 0;
    for (let j = 0; j < d; j++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += X[i][j] * res[i];
      g[j] = s / n;
      gMax = Math.max(gMax, Math.abs(g[j]));
    }
    const gg = gamma * gMax;
    maxGammaG = Math.max(maxGammaG, gg);
    if (o.stop === 'grad' && gg < o.tol) return out('converged', k);
    if (++pending === 256) {
      ctx.count(pending);
      pending = 0;
    }
    let ok = true;
    for (let j = 0; j < d; j++) {
      const gj = gamma * g[j];
      const a = u[j];
      const b = v[j];
      u[j] = a - gj * b;
      v[j] = b - gj * a;
      if (!(Math.abs(u[j]) <= DIVERGENCE_BOUND && Math.abs(v[j]) <= DIVERGENCE_BOUND)) ok = false;
    }
    if (!ok) return out('diverged', k + 1);
  }
  return out('steps', o.maxSteps);
}

/** Solves the small SPD system A z = b by Gaussian elimination with partial pivoting; null if a pivot is below `minPivot`·max|A|. */
export function solveSmall<T>(F: Field<T>, A: readonly (readonly T[])[], b: readonly T[], minPivot: number): T[] | null {
  const n = b.length;
  const M = A.map((row, i) => [...row, b[i]]);
  let scale = 0;
  for (const row of A) for (const x of row) scale = Math.max(scale, Math.abs(F.toNumber(x)));
  for (let i = 0; i < n; i++) {
    let p = i;
    for (let r = i + 1; r < n; r++) if (F.lt(F.abs(M[p][i]), F.abs(M[r][i]))) p = r;
    [M[i], M[p]] = [M[p], M[i]];
    if (!(Math.abs(F.toNumber(M[i][i])) > minPivot * scale)) return null;
    for (let r = i + 1; r < n; r++) {
      const f = F.div(M[r][i], M[i][i]);
      for (let c = i; c <= n; c++) M[r][c] = F.sub(M[r][c], F.mul(f, M[i][c]));
    }
  }
  const z: T[] = new Array<T>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = M[i][n];
    for (let c = i + 1; c < n; c++) s = F.sub(s, F.mul(M[i][c], z[c]));
    z[i] = F.div(s, M[i][i]);
  }
  return z;
}

/**
 * A hypothesis the measurement itself needs (a converged run, a defined ρ): `inconclusive` in both
 * modes — `ctx.assume` stops a claim-mode check, and a negative control gets an `uncertain` outcome
 * (inconclusive once the ladder is exhausted) rather than a verdict computed from no limit.
 */
export function unmet<T>(ctx: CheckContext<T>, code: string, message: string): Outcome {
  ctx.assume(false, code, message);
  return ctx.uncertain({ code, message, observed: Number.NaN, bound: Number.NaN, margin: Number.NaN });
}

export const norm = <T>(F: Field<T>, a: readonly T[]): T => F.sqrt(a.reduce((s, x) => F.add(s, F.mul(x, x)), F.zero));
