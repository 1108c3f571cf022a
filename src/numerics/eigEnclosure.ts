import { Decimal } from 'decimal.js';
import { EoscheckError, NonFiniteError } from '../errors.js';
import { decimalCtor, decimalField } from './decimalField.js';
import { eigSymJacobi } from './eigSymJacobi.js';
import type { Field } from './field.js';
import { Interval, upperDouble } from './interval.js';
import { dot, matVec, squareSize } from './linalg.js';

const GUARD = 10;

/** Certified eigenvalue enclosures of a symmetric interval matrix (see {@link eigEnclosure}). */
export interface EigEnclosure {
  /**
   * DESCENDING: values[i] contains the i-th largest eigenvalue of EVERY symmetric matrix whose
   * entries lie in the interval matrix.
   */
  readonly values: Interval[];
  /** Approximate unit eigenvectors (rows, row i ↔ values[i]): Jacobi at N digits on the midpoint matrix. */
  readonly vectors: Decimal[][];
  /**
   * vectorErrorBound[i] ≥ ‖uᵢ − ũᵢ‖₂ for every symmetric Â in the interval matrix, where ũᵢ is
   * vectors[i] and uᵢ the unit eigenvector of Â's i-th eigenvalue with the sign that makes
   * uᵢ·ũᵢ ≥ 0. Infinity when values[i] overlaps another enclosure: the eigenvalue may be
   * multiple and its eigenvector is then not defined.
   */
  readonly vectorErrorBound: number[];
  /** The common half-width ε of the enclosures before outward rounding (a double rounded up). */
  readonly radius: number;
  /** Upper bounds of ‖Âxᵢ − λ̃ᵢxᵢ‖₂ over all Â in the interval matrix. */
  readonly residuals: number[];
  /** Upper bound of ‖XᵀX − I‖_F, the departure of the approximate eigenvectors from orthonormality. */
  readonly orthogonalityDefect: number;
}

/**
 * Certified enclosures of the eigenvalues of a symmetric interval matrix A (entries in
 * `intervalField(N)`), in the spirit of verified eigenvalue computations (Rump):
 *
 * 1. Approximate: X, Λ̃ = eigSymJacobi on the midpoint matrix (symmetrised), at N + 10 digits
 *    rounded to N. Nothing below depends on how good X and Λ̃ are: a poor approximation gives
 *    a wide enclosure, never a wrong one.
 * 2. Bound, in outward-rounded interval arithmetic: R = AX − XΛ̃ (with the interval A this
 *    encloses ÂX − XΛ̃ for every Â ∈ A at once) and G = XᵀX − I; then r = ‖R‖_F ≥ ‖R‖₂ and
 *    g = ‖G‖_F ≥ ‖G‖₂, and σ_min(X) ≥ √(1 − g) because XᵀX has eigenvalues in [1 − g, 1 + g].
 * 3. ε = min(√2·r, r + 2g·max|λ̃|) / √(1 − g), and values[i] = [λ̃ᵢ − ε, λ̃ᵢ + ε].
 *
 * Why ε is valid (for each symmetric Â ∈ A, eigenvalues sorted descending on both sides):
 * - Kahan's theorem (1967; see Cao, Xie & Li, "A sharp version of Kahan's theorem on clustered
 *   eigenvalues", LAA 1996): for Hermitian Â, full-rank X and Hermitian H, the eigenvalues μⱼ of H
 *   and some eigenvalues λⱼ of Â, both sorted, satisfy max|μⱼ − λⱼ| ≤ c·‖ÂX − XH‖₂/σ_min(X) with
 *   c ≤ √2 (Kahan), c = 1 (Cao–Xie–Li). With square X all eigenvalues of Â take part, and
 *   H = Λ̃ gives the first term with the conservative c = √2.
 * - An elementary bound, derived here so it stands on its own: write X = QP (polar, Q orthogonal,
 *   P = (XᵀX)^½). From ÂX = XΛ̃ + R, QᵀÂQ = PΛ̃P⁻¹ + QᵀRP⁻¹, and QᵀÂQ − Λ̃ is symmetric, so by
 *   Weyl |λᵢ(Â) − λ̃ᵢ| ≤ ‖QᵀÂQ − Λ̃‖₂ ≤ ‖(PΛ̃ − Λ̃P)P⁻¹‖₂ + ‖R‖₂‖P⁻¹‖₂. With ‖P⁻¹‖₂ = 1/σ_min(X)
 *   ≤ 1/√(1 − g), PΛ̃ − Λ̃P = (P − I)Λ̃ − Λ̃(P − I) and ‖P − I‖₂ = maxᵢ|√σᵢ − 1| ≤ g (σᵢ the
 *   eigenvalues of XᵀX), this is at most (r + 2g‖Λ̃‖₂)/√(1 − g).
 * Both are valid, so their minimum is.
 *
 * Eigenvector bound (Davis–Kahan sin θ for one vector): for unit x̂ = x/‖x‖ and μ = λ̃ᵢ, write
 * x̂ = cos θ·uᵢ + sin θ·w with w ⊥ uᵢ in the span of the other eigenvectors of Â; then
 * ‖(Â − μ)x̂‖² ≥ sin²θ·δᵢ², where δᵢ ≤ min_{j≠i}|λⱼ(Â) − μ| is read off the other enclosures. So
 * sin θ ≤ ‖rᵢ‖/(‖xᵢ‖δᵢ), and with uᵢ sign-aligned (θ ≤ π/2) ‖uᵢ − x̂‖ = 2 sin(θ/2) ≤ √2 sin θ (and
 * ≤ √2 always), while |‖xᵢ‖ − 1| ≤ |Gᵢᵢ|. We require values[i] to be disjoint from every other
 * enclosure, so that λᵢ(Â) is simple and uᵢ is defined; otherwise the bound is Infinity.
 *
 * The input must be a square matrix of finite intervals in which a symmetric matrix exists
 * (Aᵢⱼ ∩ Aⱼᵢ non-empty); otherwise a RangeError. Throws EoscheckError EOSCHECK_NO_CONVERGENCE
 * (from Jacobi) or EOSCHECK_NOT_CERTIFIED if g ≥ 1 (never seen: Jacobi vectors are orthonormal to
 * ~10^-N).
 */
export function eigEnclosure(F: Field<Interval>, A: readonly (readonly Interval[])[]): EigEnclosure {
  if (F.precision.kind !== 'interval') {
    throw new RangeError(`eigEnclosure needs an interval field (intervalField(N)), got precision kind "${F.precision.kind}"`);
  }
  const N = F.precision.digits;
  const n = squareSize(A, 'eigEnclosure');
  const Down = decimalCtor(N, Decimal.ROUND_FLOOR);
  const Up = decimalCtor(N, Decimal.ROUND_CEIL);
  const Near = decimalCtor(N);
  const D = decimalField(N);

  // 1. Midpoint of the symmetric part: Âᵢⱼ = Âⱼᵢ ∈ Aᵢⱼ ∩ Aⱼᵢ.
  const M: Decimal[][] = Array.from({ length: n }, () => new Array<Decimal>(n));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const a = A[i][j];
      const b = A[j][i];
      if (!F.isFinite(a) || !F.isFinite(b)) throw new NonFiniteError(`eigEnclosure: entry (${i}, ${j})`, `is not a finite interval: ${a.toString()}`);
      const lo = Decimal.max(a.lo, b.lo);
      const hi = Decimal.min(a.hi, b.hi);
      if (lo.gt(hi)) {
        throw new RangeError(`eigEnclosure: no symmetric matrix in A: entries (${i}, ${j}) ${a.toString()} and (${j}, ${i}) ${b.toString()} are disjoint`);
      }
      M[i][j] = M[j][i] = new Near(lo).plus(hi).div(2);
    }
  }
  if (n === 0) return { values: [], vectors: [], vectorErrorBound: [], radius: 0, residuals: [], orthogonalityDefect: 0 };
  // Jacobi with 10 guard digits: its stopping test leaves off-diagonal mass up to 10^(5−digits)·‖A‖,
  // which enters the residual linearly; with guard digits that is far below N-digit rounding, so
  // the certified radius is set by the interval rounding alone (about n·10^-N·‖A‖).
  const G = decimalField(N + GUARD);
  const approx = eigSymJacobi(
    G,
    M.map((row) => row.map((x) => G.from(x.toString()))),
  );
  const lam = approx.values.map((x) => D.from(x.toString()));
  const X = approx.vectors.map((row) => row.map((x) => D.from(x.toString())));

  // 2. Rigorous bounds. Points of N digits are exact as degenerate intervals.
  const pt = (x: Decimal) => new Interval(x, x);
  const mag = (a: Interval): Decimal => Decimal.max(a.lo.abs(), a.hi.abs());
  const sumSqUp = (xs: readonly Decimal[]): Decimal => xs.reduce((s, x) => s.plus(new Up(x).times(x)), new Up(0));
  const Xi = X.map((row) => row.map(pt));
  const rNormSq: Decimal[] = Xi.map((x, i) => {
    const Ax = matVec(F, A, x);
    const l = pt(lam[i]);
    return sumSqUp(Ax.map((y, k) => mag(F.sub(y, F.mul(l, x[k])))));
  });
  let gSq = new Up(0);
  const gDiag: Decimal[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const gij = mag(F.sub(dot(F, Xi[i], Xi[j]), i === j ? F.one : F.zero));
      if (i === j) gDiag.push(gij);
      gSq = gSq.plus(new Up(gij).times(gij).times(i === j ? 1 : 2));
    }
  }
  const g = gSq.sqrt();
  if (!g.lt(1)) {
    throw new EoscheckError(
      'EOSCHECK_NOT_CERTIFIED',
      `eigEnclosure: approximate eigenvectors are not orthonormal enough to certify (‖XᵀX − I‖_F ≤ ${g.toString()})`,
    );
  }
  const r = rNormSq.reduce((acc, x) => acc.plus(x), new Up(0)).sqrt();
  const lamMax = lam.reduce((m, x) => Decimal.max(m, x.abs()), new Up(0));
  const kahan = new Up(2).sqrt().times(r);
  const elementary = new Up(g).times(lamMax).times(2).plus(r);
  const sigmaMin = new Down(1).minus(g).sqrt();
  const eps = new Up(Decimal.min(kahan, elementary)).div(sigmaMin);

  const values = lam.map((l) => new Interval(new Down(l).minus(eps), new Up(l).plus(eps)));

  // 3. Eigenvector bounds.
  const sqrt2 = new Up(2).sqrt();
  const vectorErrorBound = lam.map((l, i) => {
    let delta: Decimal | undefined;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const v = values[j];
      if (!(v.hi.lt(values[i].lo) || v.lo.gt(values[i].hi))) return Infinity;
      const d = v.lo.gt(l) ? new Down(v.lo).minus(l) : new Down(l).minus(v.hi);
      delta = delta === undefined ? d : Decimal.min(delta, d);
    }
    const sinTheta =
      delta === undefined
        ? new Up(0) // n = 1: x̂ is ±e₁ = u exactly, up to normalisation.
        : new Up(rNormSq[i]).sqrt().div(new Down(1).minus(gDiag[i]).sqrt().times(delta));
    // new Up(...) so that the final sum rounds up (Decimal.min returns a global-Decimal value).
    return upperDouble(new Up(Decimal.min(new Up(sqrt2).times(sinTheta), sqrt2)).plus(gDiag[i]));
  });

  return {
    values,
    vectors: X,
    vectorErrorBound,
    radius: upperDouble(eps),
    residuals: rNormSq.map((x) => upperDouble(new Up(x).sqrt())),
    orthogonalityDefect: upperDouble(g),
  };
}
