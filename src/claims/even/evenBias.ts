import { decimalCtor } from '../../numerics/decimalField.js';
import type { Field } from '../../numerics/field.js';
import type { CheckContext, Outcome } from '../claim.js';
import { type DlnProblem, type DlnRunOptions, type DlnRunResult, dlnGd } from '../../dynamics/dlnGd.js';

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

/**
 * GD on the DLN (dynamics/dlnGd.ts) at the context's precision, each step counted against the
 * check's budget.
 */
export function dlnRun<T>(ctx: CheckContext<T>, problem: DlnProblem<T>, gamma: T, o: DlnRunOptions<T>): DlnRunResult<T> {
  return dlnGd(ctx.F, problem, gamma, o, (k) => ctx.count(k));
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
