import type { Field, Mat, Vec } from './field.js';

/**
 * Dense linear algebra written once over `Field<T>`: vectors are `T[]`, matrices are row-major
 * `T[][]`. Every function returns new arrays and never mutates its arguments. Sizes are checked:
 * a mismatch is a RangeError naming both sizes, because a silently truncated dot product would be
 * a wrong answer, not a crash.
 */

function sameLength(a: readonly unknown[], b: readonly unknown[], what: string): void {
  if (a.length !== b.length) throw new RangeError(`${what}: length mismatch ${a.length} != ${b.length}`);
}

/** Checks that A is n×n (rows of equal length n) and returns n. */
export function squareSize<T>(A: readonly (readonly T[])[], what = 'matrix'): number {
  const n = A.length;
  for (let i = 0; i < n; i++) {
    if (A[i].length !== n) throw new RangeError(`${what} must be square: row ${i} has ${A[i].length} entries, expected ${n}`);
  }
  return n;
}

/** Σ aᵢbᵢ. */
export function dot<T>(F: Field<T>, a: readonly T[], b: readonly T[]): T {
  sameLength(a, b, 'dot');
  let s = F.zero;
  for (let i = 0; i < a.length; i++) s = F.add(s, F.mul(a[i], b[i]));
  return s;
}

/**
 * The Euclidean norm √(Σ aᵢ²). Each square is `F.mul(x, x)` with the same object twice, which
 * interval arithmetic evaluates as a square (never negative).
 */
export function norm2<T>(F: Field<T>, a: readonly T[]): T {
  let s = F.zero;
  for (const x of a) s = F.add(s, F.mul(x, x));
  return F.sqrt(s);
}

/** αx + y. */
export function axpy<T>(F: Field<T>, alpha: T, x: readonly T[], y: readonly T[]): Vec<T> {
  sameLength(x, y, 'axpy');
  return x.map((xi, i) => F.add(F.mul(alpha, xi), y[i]));
}

/** αx. */
export function scale<T>(F: Field<T>, alpha: T, x: readonly T[]): Vec<T> {
  return x.map((xi) => F.mul(alpha, xi));
}

/** a − b. */
export function vecSub<T>(F: Field<T>, a: readonly T[], b: readonly T[]): Vec<T> {
  sameLength(a, b, 'vecSub');
  return a.map((x, i) => F.sub(x, b[i]));
}

/** Ax for A of m rows and x of A's column count. */
export function matVec<T>(F: Field<T>, A: readonly (readonly T[])[], x: readonly T[]): Vec<T> {
  return A.map((row) => dot(F, row, x));
}

/** AB for A m×k and B k×n. */
export function matMul<T>(F: Field<T>, A: readonly (readonly T[])[], B: readonly (readonly T[])[]): Mat<T> {
  const k = B.length;
  const n = k === 0 ? 0 : B[0].length;
  return A.map((row, i) => {
    if (row.length !== k) throw new RangeError(`matMul: row ${i} of A has ${row.length} entries, B has ${k} rows`);
    const out: T[] = new Array(n);
    for (let j = 0; j < n; j++) {
      let s = F.zero;
      for (let l = 0; l < k; l++) s = F.add(s, F.mul(row[l], B[l][j]));
      out[j] = s;
    }
    return out;
  });
}

/** Aᵀ (A m×n, rows of equal length). */
export function transpose<T>(A: readonly (readonly T[])[]): Mat<T> {
  const m = A.length;
  const n = m === 0 ? 0 : A[0].length;
  const out: T[][] = [];
  for (let j = 0; j < n; j++) {
    const row: T[] = new Array(m);
    for (let i = 0; i < m; i++) {
      if (A[i].length !== n) throw new RangeError(`transpose: row ${i} has ${A[i].length} entries, expected ${n}`);
      row[i] = A[i][j];
    }
    out.push(row);
  }
  return out;
}

/** The n×n identity. */
export function identity<T>(F: Field<T>, n: number): Mat<T> {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? F.one : F.zero)));
}

/**
 * Relative asymmetry max|Aᵢⱼ − Aⱼᵢ| / max|Aᵢⱼ| of a square matrix, as a double (0 for the zero
 * matrix). Callers compare it with a tolerance derived from their precision.
 */
export function symmetryDefect<T>(F: Field<T>, A: readonly (readonly T[])[]): number {
  const n = squareSize(A);
  let num = F.zero;
  let den = F.zero;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      den = F.max(den, F.abs(A[i][j]));
      if (j > i) num = F.max(num, F.abs(F.sub(A[i][j], A[j][i])));
    }
  }
  const d = F.toNumber(den);
  return d === 0 ? F.toNumber(num) : F.toNumber(num) / d;
}

/**
 * Throws a RangeError when A is not square or its relative asymmetry exceeds `relTol`: asymmetry
 * beyond roundoff is a bug upstream (a wrong Hessian), not something to average away silently.
 */
export function assertSymmetric<T>(F: Field<T>, A: readonly (readonly T[])[], relTol: number, what = 'matrix'): void {
  squareSize(A, what);
  const d = symmetryDefect(F, A);
  if (!(d <= relTol)) {
    throw new RangeError(`${what} is not symmetric: max|Aij − Aji|/max|Aij| = ${d.toExponential(3)} exceeds ${relTol.toExponential(3)}`);
  }
}
