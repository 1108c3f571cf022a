import { eigSymF64 } from './eigSymF64.js';
import type { Field, Mat, Vec } from './field.js';
import { dot, matVec, norm2 } from './linalg.js';

/**
 * The k largest eigenpairs of a symmetric matrix in decimal arithmetic, by Rayleigh-quotient
 * iteration started from the float64 eigendecomposition: each step solves (H − μI)y = x once
 * (Gaussian elimination, n³/3 operations) and converges cubically, so two or three steps take an
 * f64 pair (16 digits) past 80 digits — several times cheaper than a full decimal Jacobi, which
 * is what the sharpness of a trajectory needs at every step.
 *
 * Returns undefined (the caller falls back to Jacobi) when float64 cannot tell which eigenvalue is
 * which: a wanted eigenvalue closer than `isolation`·‖H‖ to a neighbour, an all-zero matrix, or an
 * iteration that does not reach `tol`·‖H‖ or drifts away from its f64 start. Vectors keep the sign
 * of the f64 start (so results are deterministic), rows ↔ values, values descending; `f64Values`
 * are all n eigenvalues in float64.
 */
export function eigTopRefined<T>(
  F: Field<T>,
  H: Mat<T>,
  k: number,
  tol: number,
  isolation = 1e-6,
): { values: T[]; vectors: Vec<T>[]; f64Values: number[] } | undefined {
  const n = H.length;
  const e = eigSymF64(H.map((row) => row.map((x) => F.toNumber(x))));
  const norm = Math.max(Math.abs(e.values[0]), Math.abs(e.values[n - 1]));
  if (!(norm > 0) || !Number.isFinite(norm)) return undefined;
  const values: T[] = [];
  const vectors: Vec<T>[] = [];
  for (let i = 0; i < k; i++) {
    const below = i + 1 < n ? e.values[i] - e.values[i + 1] : Infinity;
    const above = i > 0 ? e.values[i - 1] - e.values[i] : Infinity;
    if (!(Math.min(below, above) > isolation * norm)) return undefined;
    const start = e.vectors[i].map((x) => F.from(x));
    const pair = rayleighQuotientIteration(F, H, start, F.from(e.values[i]), tol * norm, norm);
    if (pair === undefined) return undefined;
    // Converged to another eigenvalue than the one f64 saw: let Jacobi decide.
    if (!(Math.abs(F.toNumber(pair.value) - e.values[i]) <= 1e-8 * norm)) return undefined;
    const x = F.sign(dot(F, pair.vector, start)) < 0 ? pair.vector.map((c) => F.neg(c)) : pair.vector;
    values.push(pair.value);
    vectors.push(x);
  }
  return { values, vectors, f64Values: e.values };
}

function rayleighQuotientIteration<T>(F: Field<T>, H: Mat<T>, x0: Vec<T>, mu0: T, tolAbs: number, norm: number): { value: T; vector: Vec<T> } | undefined {
  let x = normalize(F, x0);
  let mu = mu0;
  for (let it = 0; it < 8; it++) {
    let y = solveShifted(F, H, mu, x);
    // H − μI exactly singular (an f64 eigenvalue that is exact, e.g. 2.5): shift by 1e-20‖H‖, which
    // inverse iteration still amplifies by 1e20 per step toward the wanted vector.
    if (y === undefined) y = solveShifted(F, H, F.add(mu, F.from(norm * 1e-20)), x);
    if (y === undefined) return undefined;
    x = normalize(F, y);
    const Hx = matVec(F, H, x);
    mu = dot(F, x, Hx);
    const r = F.toNumber(
      norm2(
        F,
        Hx.map((v, j) => F.sub(v, F.mul(mu, x[j]))),
      ),
    );
    if (r <= tolAbs) return { value: mu, vector: x };
  }
  return undefined;
}

function normalize<T>(F: Field<T>, x: Vec<T>): Vec<T> {
  const len = norm2(F, x);
  return x.map((c) => F.div(c, len));
}

/** (H − μI)y = b by Gaussian elimination with partial pivoting; undefined when a pivot is exactly 0. */
function solveShifted<T>(F: Field<T>, H: Mat<T>, mu: T, b: Vec<T>): Vec<T> | undefined {
  const n = H.length;
  const A = H.map((row, i) => row.map((v, j) => (i === j ? F.sub(v, mu) : v)));
  const r = [...b];
  for (let c = 0; c < n; c++) {
    let p = c;
    let best = F.abs(A[c][c]);
    for (let i = c + 1; i < n; i++) {
      const v = F.abs(A[i][c]);
      if (F.lt(best, v)) {
        best = v;
        p = i;
      }
    }
    if (F.sign(best) === 0) return undefined;
    if (p !== c) {
      [A[p], A[c]] = [A[c], A[p]];
      [r[p], r[c]] = [r[c], r[p]];
    }
    const piv = A[c][c];
    for (let i = c + 1; i < n; i++) {
      if (F.sign(A[i][c]) === 0) continue;
      const m = F.div(A[i][c], piv);
      for (let j = c + 1; j < n; j++) A[i][j] = F.sub(A[i][j], F.mul(m, A[c][j]));
      r[i] = F.sub(r[i], F.mul(m, r[c]));
    }
  }
  const y: T[] = new Array<T>(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = r[i];
    for (let j = i + 1; j < n; j++) s = F.sub(s, F.mul(A[i][j], y[j]));
    y[i] = F.div(s, A[i][i]);
  }
  return y;
}
