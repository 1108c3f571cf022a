import { Decimal } from 'decimal.js';
import type { BoundModel } from '../models/model.js';
import { decimalCtor } from '../numerics/decimalField.js';
import { eigEnclosure } from '../numerics/eigEnclosure.js';
import { eigSym } from '../numerics/eigSym.js';
import { eigTopRefined } from '../numerics/eigTopRefined.js';
import type { Field, Mat, Vec } from '../numerics/field.js';
import { Interval, upperDouble } from '../numerics/interval.js';
import { matVec, norm2, squareSize } from '../numerics/linalg.js';
import { formatPrecision } from '../numerics/precision.js';
import { toleranceFor, unitRoundoff } from '../numerics/tolerance.js';

/** The top eigenpairs of a symmetric matrix with their quality (see {@link topEigenpairs}). */
export interface TopEigenpairs<T> {
  /** The k largest eigenvalues, descending (intervals: certified enclosures). */
  readonly values: T[];
  /** Unit eigenvectors, row i ↔ values[i] (intervals: boxes containing a true unit eigenvector). */
  readonly vectors: T[][];
  /** ‖Hvᵢ − λᵢvᵢ‖₂ as doubles (intervals: upper bounds for the approximate pair behind the box). */
  readonly residuals: number[];
  /** Every residual ≤ toleranceFor(precision).rel·‖H‖₂ (always true for intervals: the bounds are certified). */
  readonly converged: boolean;
  /** λ₁ − λ₂ as a double; Infinity for a 1×1 matrix. For intervals a certified lower bound (≤ 0 when the enclosures overlap). */
  readonly gap: number;
  /** ‖H‖₂ = max|λ| as a double (intervals: an upper bound): the scale for relative gaps and residuals. */
  readonly norm: number;
}

/**
 * The k largest eigenpairs of a dense symmetric matrix in field F: `eigSym` (QL in f64, Jacobi in
 * decimal) with measured residuals, or, in interval arithmetic, `eigEnclosure`'s certified
 * enclosures, with each eigenvector returned as the box ũ ± ε (clipped to [−1, 1]), ε the
 * certified bound on ‖u − ũ‖₂ (which bounds every component); a box of [−1, 1] where the
 * eigenvalue is not separated from the others.
 */
export function topEigenpairs<T>(F: Field<T>, H: Mat<T>, k = 1): TopEigenpairs<T> {
  const n = squareSize(H, 'topEigenpairs');
  if (n === 0) throw new RangeError('topEigenpairs: the matrix is empty');
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`topEigenpairs: k must be a positive integer, got ${k}`);
  const kk = Math.min(k, n);
  if (F.precision.kind === 'interval') {
    return intervalTop(F as unknown as Field<Interval>, H as unknown as Interval[][], kk) as unknown as TopEigenpairs<T>;
  }
  const tol = toleranceFor(F.precision).rel;
  // Decimal: refine the f64 top pairs (Rayleigh-quotient iteration) when f64 separates them, else full Jacobi.
  const fast = F.precision.kind === 'dec' ? refinedTop(F, H, kk, tol) : undefined;
  if (fast !== undefined) return fast;
  const { values, vectors } = eigSym(F, H);
  const norm = Math.max(Math.abs(F.toNumber(values[0])), Math.abs(F.toNumber(values[n - 1])));
  const residuals = residualsOf(F, H, values.slice(0, kk), vectors);
  return {
    values: values.slice(0, kk),
    vectors: vectors.slice(0, kk),
    residuals,
    converged: residuals.every((r) => r <= tol * norm),
    gap: n > 1 ? F.toNumber(F.sub(values[0], values[1])) : Infinity,
    norm,
  };
}

/**
 * The decimal fast path of {@link topEigenpairs}: the k top pairs refined from f64 to full precision
 * ({@link eigTopRefined}); λ₂ (for the gap) refined when k ≥ 2, else from f64, which is
 * accurate to ~1e-16‖H‖ and separated from λ₁ by more than 1e-6‖H‖ here. Undefined: use Jacobi.
 */
function refinedTop<T>(F: Field<T>, H: Mat<T>, k: number, tol: number): TopEigenpairs<T> | undefined {
  const n = H.length;
  // Near full precision (not just `tol`): the vectors feed ∇S = ∇³L[u,u], which is only as good as u.
  const r = eigTopRefined(F, H, k, Math.min(tol / 100, unitRoundoff(F.precision) * 1e4));
  if (r === undefined) return undefined;
  const norm = Math.max(Math.abs(F.toNumber(r.values[0])), Math.abs(r.f64Values[n - 1]));
  const residuals = residualsOf(F, H, r.values.slice(0, k), r.vectors);
  return {
    values: r.values.slice(0, k),
    vectors: r.vectors.slice(0, k),
    residuals,
    converged: residuals.every((x) => x <= tol * norm),
    gap: n > 1 ? (k > 1 ? F.toNumber(F.sub(r.values[0], r.values[1])) : F.toNumber(r.values[0]) - r.f64Values[1]) : Infinity,
    norm,
  };
}

/** ‖Hvᵢ − λᵢvᵢ‖₂ of each pair, as doubles. */
function residualsOf<T>(F: Field<T>, H: Mat<T>, values: readonly T[], vectors: readonly (readonly T[])[]): number[] {
  return values.map((l, i) => {
    const Hv = matVec(F, H, vectors[i]);
    return F.toNumber(
      norm2(
        F,
        Hv.map((x, j) => F.sub(x, F.mul(l, vectors[i][j]))),
      ),
    );
  });
}

/** The largest double ≤ x. */
const lowerDouble = (x: Decimal): number => -upperDouble(x.neg());

function intervalTop(F: Field<Interval>, H: Interval[][], k: number): TopEigenpairs<Interval> {
  if (F.precision.kind !== 'interval') throw new RangeError('intervalTop needs an interval field');
  const digits = F.precision.digits;
  const Down = decimalCtor(digits, Decimal.ROUND_FLOOR);
  const Up = decimalCtor(digits, Decimal.ROUND_CEIL);
  const enc = eigEnclosure(F, H);
  const n = enc.values.length;
  const vectors = enc.vectors.slice(0, k).map((x, i) => {
    const b = enc.vectorErrorBound[i];
    if (!Number.isFinite(b)) return x.map(() => new Interval(new Down(-1), new Up(1)));
    // A decimal ≥ the double b: its 21-digit text is within 1e-20 relative of the exact binary value.
    const B = new Up(b.toExponential(20)).times('1.0000000000000000001');
    return x.map((c) => new Interval(Decimal.max(new Down(c).minus(B), -1), Decimal.min(new Up(c).plus(B), 1)));
  });
  const top = enc.values[0];
  const bottom = enc.values[n - 1];
  return {
    values: enc.values.slice(0, k),
    vectors,
    residuals: enc.residuals.slice(0, k),
    converged: true,
    gap: n > 1 ? lowerDouble(new Down(top.lo).minus(enc.values[1].hi)) : Infinity,
    norm: upperDouble(Decimal.max(top.hi.abs(), top.lo.abs(), bottom.hi.abs(), bottom.lo.abs())),
  };
}

/** The sharpness S(θ) = λ_max(∇²L(θ)) (an enclosure in interval arithmetic). */
export function sharpness<T>(F: Field<T>, model: BoundModel<T>, theta: Vec<T>): T {
  return topEigenpairs(F, model.hessian(theta), 1).values[0];
}

/** ∇S(θ) with the information needed to trust it (see {@link sharpnessGradient}). */
export interface SharpnessGradient<T> {
  /** ∇³L(θ)[u, u] with u the top unit eigenvector of ∇²L(θ) (sign-free: quadratic in u). */
  readonly value: T[];
  /** Whether λ_max is simple at this precision; ∇S exists only then. */
  readonly simple: boolean;
  /** λ₁ − λ₂ as a double (see TopEigenpairs.gap). */
  readonly gap: number;
  /** Set when not simple: why ∇S is not defined and what `value` is instead. */
  readonly warning?: string;
}

/**
 * Whether λ_max is simple at F's precision, given λ₁ − λ₂ and ‖H‖₂ as doubles (see
 * sharpnessGradient for the rule); `why` explains a "no".
 */
export function isSimpleTop<T>(F: Field<T>, gap: number, norm: number): { simple: boolean; why: string } {
  const p = F.precision;
  if (gap === Infinity) return { simple: true, why: '' };
  if (p.kind === 'interval') {
    // Enclosures share one radius and are sorted, so λ₁'s is disjoint from all others iff from λ₂'s.
    return { simple: gap > 0, why: `the enclosure of λ₁ overlaps that of λ₂ (certified gap ≥ ${gap.toExponential(3)})` };
  }
  const threshold = unitRoundoff(p) / toleranceFor(p).rel;
  const relGap = norm > 0 ? gap / norm : 0;
  return {
    simple: relGap > threshold,
    why: `relative gap (λ₁ − λ₂)/‖H‖ = ${relGap.toExponential(3)} is not above ${threshold.toExponential(3)} (unit roundoff / tolerance at ${formatPrecision(p)})`,
  };
}

/**
 * The gradient of the sharpness, ∇S(θ) = ∇³L(θ)[u, u] (u the unit eigenvector of λ_max), which
 * exists where λ_max is simple.
 *
 * "Simple" is decided at the precision of F: in f64 and dec:N the relative gap (λ₁ − λ₂)/‖H‖₂
 * must exceed u/rel (u the unit roundoff, rel the tolerance of `toleranceFor`): below that, the
 * computed eigenvector — accurate to about u·‖H‖/gap — would miss the tolerance the claims are
 * checked to (f64: 1.1e-6; dec:50: 5e-20). In interval arithmetic λ_max's enclosure must be
 * disjoint from the others, and then `value` is a certified enclosure of ∇S. When not simple,
 * `value` is ∇³L[u, u] for the computed u (one vector of the top cluster: a one-sided directional
 * quantity, not a gradient) and `warning` says so.
 */
export function sharpnessGradient<T>(F: Field<T>, model: BoundModel<T>, theta: Vec<T>): SharpnessGradient<T> {
  const H = model.hessian(theta);
  const top = topEigenpairs(F, H, 1);
  const { simple, why } = isSimpleTop(F, top.gap, top.norm);
  const value = model.third(theta, top.vectors[0]);
  if (simple) return { value, simple, gap: top.gap };
  return {
    value,
    simple,
    gap: top.gap,
    warning: `top eigenvalue is not simple: ${why}, so ∇S = ∇³L[u,u] is not defined; the value uses one eigenvector of the top cluster`,
  };
}
