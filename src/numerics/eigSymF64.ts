import { NonFiniteError, NumericalError } from '../errors.js';
/** Eigenvalues in descending order; row i of `vectors` is the unit eigenvector of `values[i]`. */
export interface EigSym<T> {
  readonly values: T[];
  readonly vectors: T[][];
}

const EPS = 2 ** -52;

/** √(a² + b²) without overflow or destructive underflow (Math.hypot is several times slower). */
function hypot(a: number, b: number): number {
  const x = Math.abs(a);
  const y = Math.abs(b);
  const big = x > y ? x : y;
  const small = x > y ? y : x;
  if (big === 0) return 0;
  const r = small / big;
  return big * Math.sqrt(1 + r * r);
}

/**
 * All eigenpairs of a dense symmetric float64 matrix: Householder reduction to tridiagonal form,
 * then the implicit QL algorithm with Wilkinson-type shifts, accumulating the transformations
 * (the EISPACK routines tred2 and tql2, in the form JAMA popularised). O(n³): a 100×100 matrix
 * takes a few milliseconds, against hundreds for mathjs `eigs`.
 *
 * Guarantees (backward stability): the result is the exact decomposition of A + E with
 * ‖E‖ ≈ n·ε·‖A‖, so |λ̂ᵢ − λᵢ| ≲ n·ε·‖A‖₂ and the vectors are orthonormal to about n·ε. Vectors of
 * clustered eigenvalues are accurate only as a basis of the cluster's invariant subspace.
 *
 * The input must be square, finite (a non-finite entry is a NonFiniteError: the caller's quantity
 * overflowed) and symmetric to within √ε relative (beyond that the asymmetry is not roundoff and a
 * RangeError says so); the symmetric part (A + Aᵀ)/2 is what is decomposed.
 */
export function eigSymF64(A: readonly (readonly number[])[]): EigSym<number> {
  const n = A.length;
  const V = symmetricPart(A, n);
  if (n === 0) return { values: [], vectors: [] };
  const { d, e } = workspace(n);
  tred2(V, d, e, n, true);
  // tred2 leaves the transform transposed: tql2's rotations of its columns touch two contiguous rows.
  const W = V;
  tql2(W, d, e, n, true);

  const order = descendingOrder(d, n);
  // Plain loops: Array.from and map over a typed array cost more than the QL iteration at n ≤ 10.
  const values: number[] = [];
  const vectors: number[][] = [];
  for (const i of order) {
    values.push(d[i]);
    const w = W[i];
    const row: number[] = [];
    for (let k = 0; k < n; k++) row.push(w[k]);
    vectors.push(row);
  }
  return { values, vectors };
}

/**
 * The eigenvalues of eigSymF64(A), descending, bit for bit, without the eigenvectors: the same
 * reduction and QL iteration with the loops that only build the transform left out (neither
 * tred2's diagonal and subdiagonal nor tql2's shifts read it), so O(n²) work per QL sweep instead
 * of O(n³). The sharpness observed at every step (S = λ_max) needs no vector. Same input rules.
 */
export function eigValuesSymF64(A: readonly (readonly number[])[]): number[] {
  const n = A.length;
  const V = symmetricPart(A, n);
  if (n === 0) return [];
  const { d, e } = workspace(n);
  tred2(V, d, e, n, false);
  tql2(V, d, e, n, false);
  const values: number[] = [];
  for (const i of descendingOrder(d, n)) values.push(d[i]);
  return values;
}

/** The symmetric part (A + Aᵀ)/2 as rows, after checking A square, finite and symmetric to √ε relative. */
function symmetricPart(A: readonly (readonly number[])[], n: number): Float64Array[] {
  let maxAbs = 0;
  let asym = 0;
  for (let i = 0; i < n; i++) {
    if (A[i].length !== n) throw new RangeError(`eigSymF64: matrix must be square: row ${i} has ${A[i].length} entries, expected ${n}`);
    for (let j = 0; j < n; j++) {
      const x = A[i][j];
      if (!Number.isFinite(x)) throw new NonFiniteError(`eigSymF64: entry (${i}, ${j})`, 'is not a finite number');
      if (Math.abs(x) > maxAbs) maxAbs = Math.abs(x);
      if (j > i) asym = Math.max(asym, Math.abs(x - A[j][i]));
    }
  }
  if (asym > Math.sqrt(EPS) * maxAbs) {
    throw new RangeError(`eigSymF64: matrix is not symmetric: max|Aij − Aji| = ${asym} with max|Aij| = ${maxAbs}`);
  }
  // V holds the symmetric part; tred2 overwrites it with the accumulated Householder transform.
  const V = workspace(n).V;
  for (let i = 0; i < n; i++) {
    const row = V[i];
    for (let j = 0; j < n; j++) row[j] = i === j ? A[i][i] : 0.5 * (A[i][j] + A[j][i]);
  }
  return V;
}

/**
 * The work arrays of the last size decomposed, reused: the small matrices of the per-step
 * sharpness spent about a third of their time allocating n + 2 typed arrays. Every entry is written
 * before it is read (symmetricPart fills V; tred2 writes d and e before reading them), and the
 * results are copied out, so a call sees nothing of the one before.
 */
let work: { n: number; V: Float64Array[]; d: Float64Array; e: Float64Array } | undefined;
function workspace(n: number) {
  if (work === undefined || work.n !== n) {
    work = { n, V: Array.from({ length: n }, () => new Float64Array(n)), d: new Float64Array(n), e: new Float64Array(n) };
  }
  return work;
}

/**
 * Indices 0..n−1 ordered by d descending, ties in index order: what a stable sort by
 * (a, b) ⇒ d[b] − d[a] gives. Finite values take an insertion sort (the same stable order, without
 * the closure and the array builtins a small matrix pays more for than for its QL sweep); any
 * non-finite value keeps the built-in sort, whose treatment of NaN comparisons is its own.
 */
export function descendingOrder(d: Float64Array, n: number): number[] {
  const order: number[] = [];
  for (let i = 0; i < n; i++) order.push(i);
  for (let i = 0; i < n; i++) if (!Number.isFinite(d[i])) return order.sort((a, b) => d[b] - d[a]);
  for (let i = 1; i < n; i++) {
    const x = order[i];
    let j = i - 1;
    while (j >= 0 && d[order[j]] < d[x]) {
      order[j + 1] = order[j];
      j--;
    }
    order[j + 1] = x;
  }
  return order;
}

/**
 * Householder tridiagonalisation (EISPACK tred2): on exit d is the diagonal, e the subdiagonal in
 * e[1..], V the TRANSPOSED transform (its rows are the columns of EISPACK's V). EISPACK walks
 * columns in its inner loops; every index pair is swapped here so they walk contiguous rows (the
 * input is symmetric, so it is its own transpose), about three times faster at n = 300.
 */
function tred2(V: Float64Array[], d: Float64Array, e: Float64Array, n: number, vectors: boolean): void {
  for (let j = 0; j < n; j++) d[j] = V[j][n - 1];
  for (let i = n - 1; i > 0; i--) {
    // Scale the row to avoid under/overflow in the Householder vector.
    let scale = 0;
    let h = 0;
    for (let k = 0; k < i; k++) scale += Math.abs(d[k]);
    if (scale === 0) {
      e[i] = d[i - 1];
      for (let j = 0; j < i; j++) {
        d[j] = V[j][i - 1];
        V[j][i] = 0;
        V[i][j] = 0;
      }
    } else {
      for (let k = 0; k < i; k++) {
        d[k] /= scale;
        h += d[k] * d[k];
      }
      let f = d[i - 1];
      let g = Math.sqrt(h);
      if (f > 0) g = -g;
      e[i] = scale * g;
      h -= f * g;
      d[i - 1] = f - g;
      for (let j = 0; j < i; j++) e[j] = 0;
      // Apply the similarity transformation to the remaining columns.
      for (let j = 0; j < i; j++) {
        f = d[j];
        V[i][j] = f;
        g = e[j] + V[j][j] * f;
        for (let k = j + 1; k <= i - 1; k++) {
          g += V[j][k] * d[k];
          e[k] += V[j][k] * f;
        }
        e[j] = g;
      }
      f = 0;
      for (let j = 0; j < i; j++) {
        e[j] /= h;
        f += e[j] * d[j];
      }
      const hh = f / (h + h);
      for (let j = 0; j < i; j++) e[j] -= hh * d[j];
      for (let j = 0; j < i; j++) {
        f = d[j];
        g = e[j];
        for (let k = j; k <= i - 1; k++) V[j][k] -= f * e[k] + g * d[k];
        d[j] = V[j][i - 1];
        V[j][i] = 0;
      }
    }
    d[i] = h;
  }
  if (!vectors) {
    // The accumulation below copies V's diagonal into its last column before it overwrites anything
    // there, and d is then read from that column: the eigenvalue problem is the diagonal as it stands.
    for (let j = 0; j < n; j++) d[j] = V[j][j];
    e[0] = 0;
    return;
  }
  // Accumulate the transformations.
  for (let i = 0; i < n - 1; i++) {
    V[i][n - 1] = V[i][i];
    V[i][i] = 1;
    const h = d[i + 1];
    if (h !== 0) {
      for (let k = 0; k <= i; k++) d[k] = V[i + 1][k] / h;
      for (let j = 0; j <= i; j++) {
        let g = 0;
        for (let k = 0; k <= i; k++) g += V[i + 1][k] * V[j][k];
        for (let k = 0; k <= i; k++) V[j][k] -= g * d[k];
      }
    }
    for (let k = 0; k <= i; k++) V[i + 1][k] = 0;
  }
  for (let j = 0; j < n; j++) {
    d[j] = V[j][n - 1];
    V[j][n - 1] = 0;
  }
  V[n - 1][n - 1] = 1;
  e[0] = 0;
}

/** Implicit QL on the tridiagonal (d, e) (EISPACK tql2); W holds eigenvectors as ROWS. */
function tql2(W: Float64Array[], d: Float64Array, e: Float64Array, n: number, vectors: boolean): void {
  for (let i = 1; i < n; i++) e[i - 1] = e[i];
  e[n - 1] = 0;
  let f = 0;
  let tst1 = 0;
  const maxIter = 30 * n + 30;
  for (let l = 0; l < n; l++) {
    // Find a small subdiagonal element: the matrix splits there.
    tst1 = Math.max(tst1, Math.abs(d[l]) + Math.abs(e[l]));
    let m = l;
    while (m < n - 1 && Math.abs(e[m]) > EPS * tst1) m++;
    if (m > l) {
      let iter = 0;
      do {
        if (++iter > maxIter) throw new NumericalError(`eigSymF64: QL iteration did not converge for eigenvalue ${l} of ${n}`);
        // Shift from the leading 2×2 block.
        let g = d[l];
        let p = (d[l + 1] - g) / (2 * e[l]);
        let r = hypot(p, 1);
        if (p < 0) r = -r;
        d[l] = e[l] / (p + r);
        d[l + 1] = e[l] * (p + r);
        const dl1 = d[l + 1];
        let h = g - d[l];
        for (let i = l + 2; i < n; i++) d[i] -= h;
        f += h;
        // Implicit QL sweep from m up to l.
        p = d[m];
        let c = 1;
        let c2 = c;
        let c3 = c;
        const el1 = e[l + 1];
        let s = 0;
        let s2 = 0;
        for (let i = m - 1; i >= l; i--) {
          c3 = c2;
          c2 = c;
          s2 = s;
          g = c * e[i];
          h = c * p;
          r = hypot(p, e[i]);
          e[i + 1] = s * r;
          s = e[i] / r;
          c = p / r;
          p = c * d[i] - s * g;
          d[i + 1] = h + s * (c * g + s * d[i]);
          if (!vectors) continue;
          const wi = W[i];
          const wi1 = W[i + 1];
          for (let k = 0; k < n; k++) {
            const t = wi1[k];
            wi1[k] = s * wi[k] + c * t;
            wi[k] = c * wi[k] - s * t;
          }
        }
        p = (-s * s2 * c3 * el1 * e[l]) / dl1;
        e[l] = s * p;
        d[l] = c * p;
      } while (Math.abs(e[l]) > EPS * tst1);
    }
    d[l] += f;
    e[l] = 0;
  }
}
