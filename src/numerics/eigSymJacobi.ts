import type { Field, Mat, Vec } from './field.js';

/**
 * Cyclic Jacobi eigendecomposition of a symmetric matrix over any point field (decimal in
 * practice: mathjs's BigNumber `eigs` returns wrong eigenvalues beyond 2×2, see ecosystem §6).
 * Jacobi is slow (O(n³) per sweep, ~6–10 sweeps) but every rotation is accurate to the field's
 * precision, so eigenvalues come out with small relative error even for graded matrices.
 *
 * Converges when the off-diagonal Frobenius norm is below `tol`·‖A‖_F, with `tol` = 10^(5−digits)
 * for decimals (2^-50 otherwise). Returns eigenvalues in DESCENDING order and unit eigenvectors as
 * rows. Throws if `maxSweeps` sweeps do not converge (non-finite input).
 */
export function eigSymJacobi<T>(F: Field<T>, A0: Mat<T>, maxSweeps = 60): { values: Vec<T>; vectors: Mat<T> } {
  const n = A0.length;
  const A: T[][] = A0.map((row) => row.slice());
  // V starts as I; its columns become the eigenvectors.
  const V: T[][] = A0.map((_, i) => A0.map((__, j) => (i === j ? F.one : F.zero)));
  const p = F.precision;
  const tol = F.from(p.kind === 'f64' ? '8.9e-16' : `1e${5 - p.digits}`);
  let norm2 = F.zero;
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) norm2 = F.add(norm2, F.mul(A[i][j], A[i][j]));
  const stop = F.mul(F.mul(tol, tol), norm2);
  const two = F.int(2);
  for (let sweep = 0; ; sweep++) {
    let off = F.zero;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off = F.add(off, F.mul(A[i][j], A[i][j]));
    if (!F.lt(stop, F.add(off, off)) || F.sign(off) === 0) break;
    if (sweep >= maxSweeps) throw new Error(`eigSymJacobi: no convergence in ${maxSweeps} sweeps (non-finite input?)`);
    for (let a = 0; a < n - 1; a++) {
      for (let b = a + 1; b < n; b++) {
        const apq = A[a][b];
        if (F.sign(apq) === 0) continue;
        // Rotation that zeroes A[a][b] (Numerical Recipes §11.1 conventions).
        const theta = F.div(F.sub(A[b][b], A[a][a]), F.mul(two, apq));
        const r = F.sqrt(F.add(F.mul(theta, theta), F.one));
        const t = F.sign(theta) < 0 ? F.div(F.neg(F.one), F.sub(r, theta)) : F.div(F.one, F.add(theta, r));
        const c = F.div(F.one, F.sqrt(F.add(F.mul(t, t), F.one)));
        const s = F.mul(t, c);
        for (let k = 0; k < n; k++) {
          if (k === a || k === b) continue;
          const akp = A[k][a];
          const akq = A[k][b];
          const np = F.sub(F.mul(c, akp), F.mul(s, akq));
          const nq = F.add(F.mul(s, akp), F.mul(c, akq));
          A[k][a] = np;
          A[a][k] = np;
          A[k][b] = nq;
          A[b][k] = nq;
        }
        A[a][a] = F.sub(A[a][a], F.mul(t, apq));
        A[b][b] = F.add(A[b][b], F.mul(t, apq));
        A[a][b] = F.zero;
        A[b][a] = F.zero;
        for (let k = 0; k < n; k++) {
          const vkp = V[k][a];
          const vkq = V[k][b];
          V[k][a] = F.sub(F.mul(c, vkp), F.mul(s, vkq));
          V[k][b] = F.add(F.mul(s, vkp), F.mul(c, vkq));
        }
      }
    }
  }
  const d = A.map((row, i) => row[i]);
  const order = d.map((_, i) => i).sort((i, j) => (F.lt(d[i], d[j]) ? 1 : F.lt(d[j], d[i]) ? -1 : i - j));
  return { values: order.map((i) => d[i]), vectors: order.map((i) => V.map((row) => row[i])) };
}
