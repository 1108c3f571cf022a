import { dotF64 } from '../numerics/dotF64.js';

/**
 * Angles between subspaces and between vectors, in float64: how far the top eigenvectors of the
 * Hessian rotate between steps. Both are computed so that SMALL angles keep their relative
 * accuracy (an arccos of a cosine near 1 loses everything below ~1e-8).
 */

function norm(v: ArrayLike<number>): number {
  // Scaled, so that vectors of huge or tiny entries neither overflow nor underflow.
  let m = 0;
  for (let i = 0; i < v.length; i++) m = Math.max(m, Math.abs(v[i]));
  if (m === 0 || !Number.isFinite(m)) return m;
  let s = 0;
  for (let i = 0; i < v.length; i++) s += (v[i] / m) ** 2;
  return m * Math.sqrt(s);
}

/**
 * An orthonormal basis of span(vectors) by modified Gram–Schmidt, applied twice ("twice is
 * enough": orthonormal to roundoff). A vector whose part outside the span of the previous ones is
 * below 1e-12 of its length makes the set rank-deficient: a RangeError, since the subspace then
 * has a smaller dimension than the caller thinks.
 */
function orthonormalRows(vectors: readonly (readonly number[])[], n: number, what: string): Float64Array[] {
  const Q: Float64Array[] = [];
  vectors.forEach((v, k) => {
    if (v.length !== n) throw new RangeError(`principalAngles: ${what}[${k}] has length ${v.length}, expected ${n}`);
    if (!v.every(Number.isFinite)) throw new RangeError(`principalAngles: ${what}[${k}] has a non-finite entry`);
    const q = Float64Array.from(v);
    const len0 = norm(q);
    for (let pass = 0; pass < 2; pass++) {
      for (const p of Q) {
        const c = dotF64(q, p);
        for (let i = 0; i < n; i++) q[i] -= c * p[i];
      }
    }
    const len = norm(q);
    if (!(len > 1e-12 * len0)) {
      throw new RangeError(`principalAngles: ${what}[${k}] is (numerically) in the span of the previous vectors: the set is rank-deficient`);
    }
    for (let i = 0; i < n; i++) q[i] /= len;
    Q.push(q);
  });
  return Q;
}

/**
 * Singular values of the matrix whose COLUMNS are `cols`, by one-sided Jacobi (Hestenes): plane
 * rotations orthogonalise the columns, whose norms are then the singular values. Accurate to
 * about ε·‖M‖ in absolute terms, including the small ones (forming MᵀM would square them and
 * lose everything below √ε ≈ 1e-8).
 */
function singularValues(cols: Float64Array[]): number[] {
  const k = cols.length;
  for (let sweep = 0; sweep < 60; sweep++) {
    let rotated = false;
    for (let p = 0; p < k - 1; p++) {
      for (let q = p + 1; q < k; q++) {
        const a = cols[p];
        const b = cols[q];
        const alpha = dotF64(a, a);
        const beta = dotF64(b, b);
        const gamma = dotF64(a, b);
        if (gamma === 0 || Math.abs(gamma) <= 1e-16 * Math.sqrt(alpha * beta)) continue;
        rotated = true;
        const zeta = (beta - alpha) / (2 * gamma);
        const t = (zeta >= 0 ? 1 : -1) / (Math.abs(zeta) + Math.sqrt(1 + zeta * zeta));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = c * t;
        for (let i = 0; i < a.length; i++) {
          const x = a[i];
          const y = b[i];
          a[i] = c * x - s * y;
          b[i] = s * x + c * y;
        }
      }
    }
    if (!rotated) break;
  }
  return cols.map(norm);
}

/**
 * Principal angles between span(A) and span(B), where A and B are lists of vectors of the same
 * length n (each set linearly independent). Returns min(|A|, |B|) angles in radians, ASCENDING,
 * each in [0, π/2].
 *
 * Method: orthonormal bases Qa, Qb (modified Gram–Schmidt, twice); with |B| ≤ |A| (else the roles
 * swap) the cosines are the singular values of QaᵀQb and the sines those of Qb − Qa(QaᵀQb), both
 * by one-sided Jacobi. Angles whose cosine² is at least ½ come from the sine (asin), the others
 * from the cosine (acos, clamped to [0, 1]), so that every angle is accurate to about 1e-16
 * absolute, small ones included (Björck–Golub, with Knyazev–Argentati's sine/cosine split).
 */
export function principalAngles(A: readonly (readonly number[])[], B: readonly (readonly number[])[]): number[] {
  if (A.length === 0 || B.length === 0) return [];
  const n = A[0].length;
  let Qa = orthonormalRows(A, n, 'A');
  let Qb = orthonormalRows(B, n, 'B');
  if (Qb.length > Qa.length) [Qa, Qb] = [Qb, Qa];
  // Column j of QaᵀQb (length |A|) and column j of Qb − Qa QaᵀQb (length n).
  const cosCols = Qb.map((b) => Float64Array.from(Qa, (a) => dotF64(a, b)));
  const sinCols = Qb.map((b, j) => {
    const w = Float64Array.from(b);
    // Projected twice, like the bases, so that w is orthogonal to span(Qa) to roundoff.
    for (let pass = 0; pass < 2; pass++) {
      Qa.forEach((a, r) => {
        const c = pass === 0 ? cosCols[j][r] : dotF64(a, w);
        for (let i = 0; i < n; i++) w[i] -= c * a[i];
      });
    }
    return w;
  });
  const cos = singularValues(cosCols).sort((x, y) => y - x);
  const sin = singularValues(sinCols).sort((x, y) => x - y);
  return cos.map((c, i) => (c * c >= 0.5 ? Math.asin(Math.min(1, sin[i])) : Math.acos(Math.min(1, c))));
}

/**
 * The angle between the LINES through u and v, in [0, π/2]: arccos(|u·v|/(‖u‖‖v‖)), insensitive
 * to the signs (and lengths) of u and v, as eigenvectors are defined only up to sign. Computed as
 * 2·atan2(‖û − sv̂‖, ‖û + sv̂‖) with s = sign(u·v), which is accurate for tiny angles too.
 * A zero or non-finite vector is a RangeError.
 */
export function vectorAngle(u: readonly number[], v: readonly number[]): number {
  if (u.length !== v.length) throw new RangeError(`vectorAngle: lengths ${u.length} and ${v.length} differ`);
  const nu = norm(u);
  const nv = norm(v);
  if (!(nu > 0 && nv > 0 && Number.isFinite(nu) && Number.isFinite(nv))) {
    throw new RangeError('vectorAngle: both vectors must be finite and non-zero');
  }
  const uh = u.map((x) => x / nu);
  const vh = v.map((x) => x / nv);
  const s = dotF64(uh, vh) < 0 ? -1 : 1;
  return 2 * Math.atan2(norm(uh.map((x, i) => x - s * vh[i])), norm(uh.map((x, i) => x + s * vh[i])));
}
