import { EoscheckError, NonFiniteError } from '../errors.js';
import { eigSymF64, type EigSym } from './eigSymF64.js';
import type { Field } from './field.js';
import { assertSymmetric, dot, norm2, squareSize } from './linalg.js';
import { unitRoundoff } from './tolerance.js';

/** Options of {@link eigSymJacobi}. */
export interface JacobiOptions {
  /**
   * Stop when the off-diagonal Frobenius norm is below tol·‖A‖_F. Default 10⁵·u, u the unit
   * roundoff of the field (≈ 10^(5−N) for N digits): the floor that rounding leaves is about n·u,
   * so this is reached for any n up to ~10⁵. What remains off the diagonal perturbs eigenvalues
   * by at most (tol·‖A‖)²/gap and eigenvectors and residuals by tol·‖A‖(/gap): in practice the
   * last (quadratically convergent) sweep lands far below tol, and a caller that needs residuals
   * at the rounding floor (eigEnclosure) runs with guard digits.
   */
  readonly tol?: number;
  /** Sweeps before giving up (default 60; cyclic Jacobi converges quadratically, ~10 sweeps). */
  readonly maxSweeps?: number;
  /**
   * Start from the float64 eigenvectors (orthonormalised in the field) instead of the identity.
   * Default: true for `dec:N`, false otherwise. It saves most sweeps and never costs accuracy.
   */
  readonly warmStart?: boolean;
}

/**
 * All eigenpairs of a symmetric matrix by the cyclic Jacobi method, in any field: the
 * high-precision path (decimal.js) for which no library routine is usable (mathjs's BigNumber
 * `eigs` returns wrong eigenvalues beyond 2×2). Rotations are chosen by the classical stable
 * formulas, t = sign(θ)/(|θ| + √(θ² + 1)) with θ = (a_qq − a_pp)/(2a_pq), and accumulated into
 * the eigenvectors, so the result is orthonormal to the field's precision.
 *
 * Accuracy: eigenvalues to about n·u·‖A‖ (u the unit roundoff), eigenvectors to about
 * max(n·u, tol)·‖A‖/gap (see `tol`).
 * Cost: about 8n³ operations per sweep. For decimals it starts from the float64 eigenvectors
 * (see `warmStart`), which leaves two or three sweeps instead of eight to ten.
 *
 * Returns eigenvalues in descending order with row i of `vectors` the unit eigenvector of
 * values[i]. The input must be finite and symmetric to within √u relative (a RangeError
 * otherwise; the symmetric part is what is decomposed). When
 * the off-diagonal mass does not fall below tol within maxSweeps, throws an EoscheckError with
 * code EOSCHECK_NO_CONVERGENCE.
 */
export function eigSymJacobi<T>(F: Field<T>, A: readonly (readonly T[])[], options: JacobiOptions = {}): EigSym<T> {
  const n = squareSize(A, 'eigSymJacobi');
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (!F.isFinite(A[i][j])) throw new NonFiniteError(`eigSymJacobi: entry (${i}, ${j})`, 'is not a finite number');
    }
  }
  const u = unitRoundoff(F.precision);
  assertSymmetric(F, A, Math.sqrt(u), 'eigSymJacobi: matrix');
  const tol = options.tol ?? 1e5 * u;
  const maxSweeps = options.maxSweeps ?? 60;
  if (n === 0) return { values: [], vectors: [] };

  // The symmetric part; s[i][j] and s[j][i] hold the same (immutable) value.
  const two = F.int(2);
  const S: T[][] = Array.from({ length: n }, () => new Array<T>(n));
  for (let i = 0; i < n; i++) {
    S[i][i] = A[i][i];
    for (let j = i + 1; j < n; j++) S[i][j] = S[j][i] = F.div(F.add(A[i][j], A[j][i]), two);
  }
  let normSq = F.zero;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) normSq = F.add(normSq, F.mul(S[i][j], S[i][j]));

  const Q = (options.warmStart ?? F.precision.kind === 'dec') ? f64Basis(F, S) : undefined;
  const a = Q === undefined ? S.map((row) => row.slice()) : congruence(F, Q, S);
  const { values, W } = sweep(F, a, normSq, tol, maxSweeps);
  // With a warm start the rotations act in the basis Q: eigenvector k of A is Σⱼ W[k][j]·Q[j].
  const vectors =
    Q === undefined
      ? W
      : W.map((w) =>
          Q[0].map((_, c) => {
            let acc = F.zero;
            for (let j = 0; j < n; j++) acc = F.add(acc, F.mul(w[j], Q[j][c]));
            return acc;
          }),
        );
  const order = values.map((_, i) => i).sort((i, j) => (F.lt(values[i], values[j]) ? 1 : F.lt(values[j], values[i]) ? -1 : 0));
  return { values: order.map((i) => values[i]), vectors: order.map((i) => vectors[i]) };
}

/**
 * An orthonormal basis (rows) from the float64 eigenvectors of S, orthonormalised in F by
 * modified Gram–Schmidt (twice, so it is orthonormal to F's precision whatever float64 gave).
 * In this basis S is diagonal to ~1e-16, so Jacobi needs two or three sweeps instead of eight or
 * ten. It is only a starting point: any orthonormal basis gives the same result, so an inaccurate
 * float64 answer costs sweeps, never accuracy. Undefined when float64 cannot represent S.
 */
function f64Basis<T>(F: Field<T>, S: T[][]): T[][] | undefined {
  const n = S.length;
  let m = F.zero;
  for (const row of S) for (const x of row) m = F.max(m, F.abs(x));
  if (F.sign(m) === 0) return undefined;
  // Scaled by the largest entry so that huge or tiny decimals still fit in a double.
  const Sf = S.map((row) => row.map((x) => F.toNumber(F.div(x, m))));
  let V: number[][];
  try {
    V = eigSymF64(Sf).vectors;
  } catch {
    return undefined;
  }
  const Q: T[][] = [];
  for (const v of V) {
    let q = v.map((x) => F.from(x));
    for (let pass = 0; pass < 2; pass++) {
      for (const p of Q) {
        const c = dot(F, q, p);
        q = q.map((x, k) => F.sub(x, F.mul(c, p[k])));
      }
    }
    const len = norm2(F, q);
    if (F.sign(len) === 0) return undefined;
    Q.push(q.map((x) => F.div(x, len)));
  }
  return n === Q.length ? Q : undefined;
}

/** Q S Qᵀ for Q with orthonormal rows: S in the basis Q, exactly symmetric. */
function congruence<T>(F: Field<T>, Q: T[][], S: T[][]): T[][] {
  const n = S.length;
  const SQt = S.map((row) => Q.map((q) => dot(F, row, q)));
  const B: T[][] = Array.from({ length: n }, () => new Array<T>(n));
  for (let k = 0; k < n; k++) {
    for (let l = k; l < n; l++) {
      let acc = F.zero;
      for (let i = 0; i < n; i++) acc = F.add(acc, F.mul(Q[k][i], SQt[i][l]));
      B[k][l] = B[l][k] = acc;
    }
  }
  return B;
}

/** Cyclic sweeps on a (modified in place) until off(a)² ≤ tol²·normSq; W = accumulated rotations (rows). */
function sweep<T>(F: Field<T>, a: T[][], normSq: T, tol: number, maxSweeps: number): { values: T[]; W: T[][] } {
  const n = a.length;
  const W: T[][] = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? F.one : F.zero)));
  // off² ≤ tol²·‖A‖²_F, compared squared to avoid square roots.
  const tolT = F.from(tol.toExponential(3));
  const threshold = F.mul(F.mul(tolT, tolT), normSq);
  const offSq = (): T => {
    let s = F.zero;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) s = F.add(s, F.mul(a[p][q], a[p][q]));
    return F.add(s, s);
  };
  let sweeps = 0;
  for (;;) {
    const off = offSq();
    if (!F.lt(threshold, off)) break;
    if (sweeps >= maxSweeps) {
      throw new EoscheckError(
        'EOSCHECK_NO_CONVERGENCE',
        `eigSymJacobi: ${n}×${n} matrix did not converge in ${maxSweeps} sweeps ` +
          `(off-diagonal norm ${Math.sqrt(F.toNumber(off)).toExponential(3)}, target ${Math.sqrt(F.toNumber(threshold)).toExponential(3)}); ` +
          'the tolerance may be below what the precision can reach (rounding leaves about n·u·‖A‖)',
      );
    }
    sweeps++;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) rotate(F, a, W, p, q, n);
    }
  }
  return { values: a.map((row, i) => row[i]), W };
}

/** One Jacobi rotation annihilating a[p][q] (Numerical Recipes' update with τ = s/(1 + c)). */
function rotate<T>(F: Field<T>, a: T[][], W: T[][], p: number, q: number, n: number): void {
  const apq = a[p][q];
  if (F.sign(apq) === 0) return;
  const theta = F.div(F.sub(a[q][q], a[p][p]), F.add(apq, apq));
  // t = sign(θ)/(|θ| + √(θ² + 1)): the smaller root, so the rotation angle is at most π/4.
  const absTheta = F.abs(theta);
  let t = F.div(F.one, F.add(absTheta, F.sqrt(F.add(F.mul(theta, theta), F.one))));
  if (F.sign(theta) < 0) t = F.neg(t);
  const c = F.div(F.one, F.sqrt(F.add(F.mul(t, t), F.one)));
  const s = F.mul(t, c);
  const tau = F.div(s, F.add(F.one, c));
  const tapq = F.mul(t, apq);
  a[p][p] = F.sub(a[p][p], tapq);
  a[q][q] = F.add(a[q][q], tapq);
  a[p][q] = F.zero;
  a[q][p] = F.zero;
  for (let r = 0; r < n; r++) {
    if (r === p || r === q) continue;
    const arp = a[r][p];
    const arq = a[r][q];
    const nrp = F.sub(arp, F.mul(s, F.add(arq, F.mul(tau, arp))));
    const nrq = F.add(arq, F.mul(s, F.sub(arp, F.mul(tau, arq))));
    a[r][p] = nrp;
    a[p][r] = nrp;
    a[r][q] = nrq;
    a[q][r] = nrq;
  }
  const wp = W[p];
  const wq = W[q];
  for (let k = 0; k < n; k++) {
    const x = wp[k];
    const y = wq[k];
    wp[k] = F.sub(x, F.mul(s, F.add(y, F.mul(tau, x))));
    wq[k] = F.add(y, F.mul(s, F.sub(x, F.mul(tau, y))));
  }
}
