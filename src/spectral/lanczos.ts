import { eigSymF64 } from '../numerics/eigSymF64.js';
import { rng } from '../numerics/rng.js';
import { LANCZOS_DEFAULTS } from '../settings.js';
import { dotF64 } from '../numerics/dotF64.js';

/** Options of {@link lanczos}. */
export interface LanczosOptions {
  /** Number of top (algebraically largest) eigenpairs wanted, at most n (larger k is clamped). Default 1. */
  readonly k?: number;
  /** Maximum Lanczos steps, i.e. Hessian-vector products before the final check. Default min(n, 300). */
  readonly maxIter?: number;
  /**
   * A Ritz pair (θ, y) is converged when ‖Hy − θy‖ ≤ tol·max(|θ|, ‖T‖), ‖T‖ the largest Ritz
   * value in magnitude (a lower bound on ‖H‖₂): residuals below roundoff·‖H‖ cannot be asked of
   * small eigenvalues. Default 1e-10.
   */
  readonly tol?: number;
  /** Seed of the random start vector (and of restarts). Default 0. */
  readonly seed?: number;
  /** Warm start, e.g. the previous step's top eigenvector. */
  readonly start?: readonly number[];
  /**
   * Relative size of a seeded random component added to `start` (default 1e-6). An exact
   * eigenvector, or a vector orthogonal to the top one, would otherwise hide the rest of the
   * spectrum from the Krylov space; the component is small enough to keep the warm start's head
   * start. Set 0 to use `start` exactly.
   */
  readonly startNoise?: number;
}

/** Result of {@link lanczos}: the top-k Ritz pairs, descending. */
export interface LanczosResult {
  readonly values: number[];
  /** Unit Ritz vectors, row i ↔ values[i]. */
  readonly vectors: number[][];
  /** ‖Hvᵢ − λᵢvᵢ‖ measured with one extra HVP per pair (not the recurrence's estimate). */
  readonly residuals: number[];
  /** Every residual within tolerance (see LanczosOptions.tol). */
  readonly converged: boolean;
  /** Lanczos steps taken. */
  readonly iterations: number;
  /** Calls to the HVP closure, including the k residual checks. */
  readonly matvecs: number;
}

function normalizeInPlace(v: Float64Array): number {
  const len = Math.sqrt(dotF64(v, v));
  if (len > 0) for (let i = 0; i < v.length; i++) v[i] /= len;
  return len;
}

/** v ← v − Σ (v·q)q over the basis, twice (classical Gram–Schmidt twice is orthogonal to roundoff). */
function orthogonalize(v: Float64Array, basis: readonly Float64Array[]): void {
  for (let pass = 0; pass < 2; pass++) {
    for (const q of basis) {
      const c = dotF64(v, q);
      for (let i = 0; i < v.length; i++) v[i] -= c * q[i];
    }
  }
}

/**
 * Top-k eigenpairs of a symmetric operator known only through its products v ↦ Hv (a Hessian-vector
 * product), by the Lanczos method with FULL re-orthogonalisation: every new Krylov vector is
 * orthogonalised twice against all previous ones, so there are no spurious copies of converged
 * eigenvalues and the Ritz values are those of an exactly orthonormal basis. Memory is
 * maxIter·n doubles; each step costs one HVP plus O(j·n).
 *
 * The tridiagonal T_j is diagonalised with eigSymF64 every step up to 64 steps, then every j/16
 * steps; the loop stops when the top-k residual estimates |β_j·s_{j,i}| meet the tolerance, when
 * the Krylov space is exhausted (n steps), or at maxIter. The reported residuals are then
 * measured with k more HVPs. On an invariant subspace (β_j ≈ 0) the iteration continues with a
 * fresh random vector orthogonal to the basis, which finds further copies of repeated eigenvalues.
 *
 * Limits (inherent to Krylov methods): a start vector without a component along an eigenvector
 * cannot find it (hence `startNoise`); copies of a repeated top eigenvalue are found only after the
 * space of the first copy is exhausted, so with k > 1 on a repeated top eigenvalue prefer a dense
 * solver. Deterministic for a given seed.
 */
export function lanczos(hvp: (v: number[]) => number[], n: number, options: LanczosOptions = {}): LanczosResult {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`lanczos: dimension must be a positive integer, got ${n}`);
  const k = Math.min(options.k ?? LANCZOS_DEFAULTS.k, n);
  if (!(Number.isInteger(k) && k >= 1)) throw new RangeError(`lanczos: k must be a positive integer, got ${options.k}`);
  const maxIter = Math.min(n, Math.max(k, options.maxIter ?? LANCZOS_DEFAULTS.maxIter));
  const tol = options.tol ?? LANCZOS_DEFAULTS.tol;
  const random = rng(options.seed ?? 0);
  let matvecs = 0;
  const apply = (v: Float64Array): Float64Array => {
    const w = hvp(Array.from(v));
    matvecs++;
    if (w.length !== n) throw new RangeError(`lanczos: the HVP returned ${w.length} entries, expected ${n}`);
    const out = Float64Array.from(w);
    for (let i = 0; i < n; i++) if (!Number.isFinite(out[i])) throw new RangeError(`lanczos: the HVP returned a non-finite entry at ${i}`);
    return out;
  };

  // Start vector: the warm start plus a small seeded component, or a seeded Gaussian.
  let q: Float64Array = Float64Array.from(random.normalVector(n));
  if (options.start !== undefined) {
    const s = options.start;
    if (s.length !== n) throw new RangeError(`lanczos: start has ${s.length} entries, expected ${n}`);
    const sn = Math.sqrt(s.reduce((acc, x) => acc + x * x, 0));
    if (!(sn > 0 && Number.isFinite(sn))) throw new RangeError('lanczos: start must be finite and non-zero');
    const noise = options.startNoise ?? LANCZOS_DEFAULTS.startNoise;
    const rn = Math.sqrt(dotF64(q, q));
    q = Float64Array.from(s, (x, i) => x / sn + (noise * q[i]) / rn);
  }
  normalizeInPlace(q);

  const Q: Float64Array[] = [];
  const alpha: number[] = [];
  const beta: number[] = []; // beta[j] couples steps j and j + 1
  let ritz: { values: number[]; vectors: number[][] } = { values: [], vectors: [] };
  let lastBeta = 0;

  const solveT = () => {
    const m = alpha.length;
    const T = Array.from({ length: m }, (_, i) =>
      Array.from({ length: m }, (_, j) => (i === j ? alpha[i] : j === i + 1 ? beta[i] : i === j + 1 ? beta[j] : 0)),
    );
    return eigSymF64(T);
  };
  const estimatesConverged = (): boolean => {
    const m = alpha.length;
    const scale = Math.max(...ritz.values.map(Math.abs));
    for (let i = 0; i < Math.min(k, m); i++) {
      // The residual of the Ritz pair i is |β_m|·|last component of its T-eigenvector|.
      const est = Math.abs(lastBeta * ritz.vectors[i][m - 1]);
      if (est > tol * Math.max(Math.abs(ritz.values[i]), scale)) return false;
    }
    return m >= k;
  };

  for (let j = 0; j < maxIter; j++) {
    Q.push(q);
    const w = apply(q);
    const a = dotF64(w, q);
    alpha.push(a);
    for (let i = 0; i < n; i++) w[i] -= a * q[i] + (j > 0 ? beta[j - 1] * Q[j - 1][i] : 0);
    orthogonalize(w, Q);
    let b = Math.sqrt(dotF64(w, w));
    const m = j + 1;
    const scaleT = Math.max(...alpha.map(Math.abs), ...beta.map(Math.abs), b);
    // β this small means span(Q) is invariant: restart from a random vector orthogonal to it.
    const breakdown = b <= 1e-13 * scaleT;
    lastBeta = breakdown ? 0 : b;
    const check = breakdown || m <= 64 || m % Math.ceil(m / 16) === 0;
    if ((check && m >= k) || m === maxIter || m === n) {
      ritz = solveT();
      if (m === n || estimatesConverged()) break;
    }
    if (m === maxIter) break;
    if (breakdown) {
      const r = Float64Array.from(random.normalVector(n));
      orthogonalize(r, Q);
      if (normalizeInPlace(r) === 0) break;
      q = r;
      b = 0;
    } else {
      for (let i = 0; i < n; i++) w[i] /= b;
      q = w;
    }
    beta.push(b);
  }

  // Ritz vectors y = Q s for the top k, and their true residuals.
  const m = alpha.length;
  const kk = Math.min(k, m);
  const values: number[] = [];
  const vectors: number[][] = [];
  const residuals: number[] = [];
  const scale = Math.max(...ritz.values.map(Math.abs));
  let converged = true;
  for (let i = 0; i < kk; i++) {
    const s = ritz.vectors[i];
    const y = new Float64Array(n);
    for (let j = 0; j < m; j++) {
      const c = s[j];
      const qj = Q[j];
      for (let t = 0; t < n; t++) y[t] += c * qj[t];
    }
    normalizeInPlace(y);
    const Hy = apply(y);
    // The Rayleigh quotient of the (normalised) Ritz vector: equal to θ in exact arithmetic.
    const lambda = dotF64(y, Hy);
    let r2 = 0;
    for (let t = 0; t < n; t++) r2 += (Hy[t] - lambda * y[t]) ** 2;
    const res = Math.sqrt(r2);
    if (!(res <= tol * Math.max(Math.abs(lambda), scale))) converged = false;
    values.push(lambda);
    vectors.push(Array.from(y));
    residuals.push(res);
  }
  return { values, vectors, residuals, converged: converged && kk === k, iterations: m, matvecs };
}
