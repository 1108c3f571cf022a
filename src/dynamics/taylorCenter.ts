import { lanczos } from '../spectral/lanczos.js';
import { dotF64 } from '../numerics/dotF64.js';

/**
 * The stable-set pipeline of self-stabilization for models too large for a dense Hessian (the
 * float64 networks): the authors' `taylor_center` and `linear_project` (repository adamian98/EOS,
 * taylor.py) on Lanczos eigenpairs over exact HVPs and ∇³L[u,u]. pgd.ts is the dense version.
 */

/** A model given by its passes over Float64Arrays (the float64 MLP has them): what the pipeline reads. */
export interface MatrixFreeModel {
  readonly dim: number;
  /** Writes ∇L(θ) into `out` and returns L(θ). */
  lossAndGrad(theta: Float64Array, out: Float64Array): number;
  /** ∇²L(θ)·v (into `out` when given). */
  hvp(theta: Float64Array, v: Float64Array, out?: Float64Array): Float64Array;
  /** ∇³L(θ)[u,u]. */
  third(theta: Float64Array, u: Float64Array): Float64Array;
}

/** Lanczos' relative residual for the pipeline's eigenpairs. */
export const CENTER_LANCZOS_TOL = 1e-8;

/** The top k eigenpairs of ∇²L(θ) by Lanczos over the exact HVP, warm-started; every HVP counted. */
export function topPairs(net: MatrixFreeModel, theta: Float64Array, start: readonly number[] | undefined, count: () => void, k = 1) {
  const v = new Float64Array(net.dim);
  const out = new Float64Array(net.dim);
  return lanczos(
    (x) => {
      count();
      v.set(x);
      return Array.from(net.hvp(theta, v, out));
    },
    net.dim,
    { k, tol: CENTER_LANCZOS_TOL, seed: 0, maxIter: 200, ...(start !== undefined ? { start } : {}) },
  );
}

/** What taylor.py's `taylor_center` holds at a point: L, ∇L, S, u (aligned with the previous u), ∇S⊥ (∇S = ∇³L[u,u]). */
export interface Center {
  readonly p: Float64Array;
  readonly L: number;
  readonly dL: Float64Array;
  readonly S: number;
  readonly u: Float64Array;
  readonly dSperp: Float64Array;
}

/** taylor.py's `taylor_center` at θ: u is the Lanczos top vector warm-started from `ref` and signed to agree with it. */
export function taylorCenter(net: MatrixFreeModel, th: Float64Array, ref: ArrayLike<number>, count: () => void = () => {}): Center {
  const p = net.dim;
  const dL = new Float64Array(p);
  count();
  const L = net.lossAndGrad(th, dL);
  const r = topPairs(net, th, Array.from(ref), count);
  let u = Float64Array.from(r.vectors[0]);
  if (dotF64(u, ref) < 0) u = u.map((x) => -x);
  count();
  const dS = net.third(th, u);
  const c = dotF64(u, dS);
  return { p: th, L, dL, S: r.values[0], u, dSperp: dS.map((x, i) => x - c * u[i]) };
}

/**
 * taylor.py's `linear_project` onto the stable set {S ≤ 2/η, ∇L·u = 0}: the sharpness excess along ∇S⊥,
 * −max(0, S − 2/η)·∇S⊥/‖∇S⊥‖², and a Newton step along u, −u(u·∇L)/S; then re-centred.
 */
export function linearProject(net: MatrixFreeModel, c: Center, edge: number, count: () => void = () => {}): Center {
  const b = dotF64(c.dSperp, c.dSperp);
  const s = Math.max(0, c.S - edge) / b;
  const nw = dotF64(c.u, c.dL) / c.S;
  return taylorCenter(
    net,
    c.p.map((x, i) => x - s * c.dSperp[i] - nw * c.u[i]),
    c.u,
    count,
  );
}
