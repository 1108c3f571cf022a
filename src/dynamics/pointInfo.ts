import type { BoundModel } from '../models/model.js';
import { eigSym } from '../numerics/eigSym.js';
import { eigValuesSymF64 } from '../numerics/eigSymF64.js';
import { eigTopRefined } from '../numerics/eigTopRefined.js';
import { unitRoundoff } from '../numerics/tolerance.js';
import type { Field, Mat, Vec } from '../numerics/field.js';
import { dot, norm2 } from '../numerics/linalg.js';
import { allFinite } from './_internals/vec.js';
import { NonFiniteError } from '../errors.js';
import { topEigenpairs } from '../spectral/sharpness.js';

/**
 * Everything the update rules and observers ask about one point θ, computed lazily and at most
 * once: the loss, the gradient, the dense Hessian and its eigendecomposition (the models here are
 * small), the sharpness S = λ_max, its eigenvector u and ∇S = ∇³L[u,u].
 *
 * Every accessor checks that what it returns is finite and throws NonFiniteError otherwise (so an
 * eigensolver is never handed NaN).
 */
export interface PointInfo<T> {
  readonly F: Field<T>;
  readonly model: BoundModel<T>;
  readonly theta: Vec<T>;
  loss(): T;
  grad(): Vec<T>;
  /** ‖∇L‖₂. */
  gradNorm(): T;
  hessian(): Mat<T>;
  /** Eigenvalues descending; row i of `vectors` is the unit eigenvector of values[i]. */
  eig(): { readonly values: readonly T[]; readonly vectors: readonly (readonly T[])[] };
  /** S = λ_max(∇²L). */
  sharpness(): T;
  /**
   * The top unit eigenvector u. Its sign is normalised so that its entry of largest magnitude
   * (the first one on ties) is positive; observers that need continuity align it to the previous
   * step themselves (docs/claims/wang-roberts.md).
   */
  top(): Vec<T>;
  /** λ₁ − λ₂, or null when dim = 1. */
  eigengap(): T | null;
  /** ∇S = ∇³L[u,u] (the gradient of S when λ_max is simple; sign-independent). */
  sharpnessGradient(): Vec<T>;
  /** ∇S⊥ = ∇S − u(u·∇S) (DNL's `dS_perp`). */
  sharpnessGradientPerp(): Vec<T>;
}

function once<R>(f: () => R): () => R {
  let done = false;
  let value: R;
  return () => {
    if (!done) {
      value = f();
      done = true;
    }
    return value;
  };
}

function checked<T>(F: Field<T>, what: string, xs: readonly T[]): void {
  if (!allFinite(F, xs)) throw new NonFiniteError(what);
}

/** The lazy PointInfo of θ under `model`. θ must not be mutated afterwards. */
export function pointInfo<T>(model: BoundModel<T>, theta: Vec<T>): PointInfo<T> {
  const F = model.F;
  const loss = once(() => {
    const l = model.loss(theta);
    checked(F, 'loss', [l]);
    return l;
  });
  const grad = once(() => {
    const g = model.grad(theta);
    checked(F, 'gradient', g);
    return g;
  });
  const gradNorm = once(() => {
    const n = norm2(F, grad());
    checked(F, '‖∇L‖', [n]);
    return n;
  });
  const hessian = once(() => {
    const H = model.hessian(theta);
    for (const row of H) checked(F, 'Hessian', row);
    return H;
  });
  let eigDone = false;
  const eig = once(() => {
    // In interval arithmetic every pair comes certified from topEigenpairs (eigSym does not run on intervals).
    const H = hessian();
    const r = F.precision.kind === 'interval' ? topEigenpairs(F, H, H.length) : eigSym(F, H);
    checked(F, 'Hessian eigenvalues', r.values);
    eigDone = true;
    return r;
  });
  // f64: the values alone (the same bits as eig's, O(n²) a sweep instead of O(n³)) when a caller asks
  // for S or λ₁ − λ₂ before anything needs a vector; once eig has run its values serve.
  const values = once((): readonly T[] => {
    if (eigDone || F.precision.kind !== 'f64') return eig().values;
    const v = eigValuesSymF64(hessian() as unknown as number[][]) as unknown as T[];
    checked(F, 'Hessian eigenvalues', v);
    return v;
  });
  // Decimal: the top pairs by Rayleigh-quotient refinement of the f64 ones (eigTopRefined), several
  // times cheaper than a full Jacobi, which then runs only when asked for (rotation) or when f64
  // cannot separate the eigenvalues. Refined to ~1e4 units of roundoff: every digit is kept.
  const refined = (k: number) => {
    if (F.precision.kind !== 'dec') return undefined;
    const r = eigTopRefined(F, hessian(), k, unitRoundoff(F.precision) * 1e4);
    if (r !== undefined) checked(F, 'Hessian eigenvalues', r.values);
    return r;
  };
  const top1 = once(() => {
    const r = refined(1);
    return r !== undefined ? { value: r.values[0], vector: r.vectors[0] } : { value: eig().values[0], vector: eig().vectors[0] };
  });
  /** S: the refined or full pair's value when it has been computed, else the values alone. */
  const sharpness = once(() => (F.precision.kind === 'dec' || eigDone ? top1().value : values()[0]));
  const gap = once(() => {
    if (hessian().length < 2) return null;
    const r = refined(2);
    const v = r !== undefined ? r.values : values();
    return F.sub(v[0], v[1]);
  });
  const top = once(() => {
    const u = top1().vector.slice();
    let k = 0;
    for (let i = 1; i < u.length; i++) if (F.lt(F.abs(u[k]), F.abs(u[i]))) k = i;
    return F.sign(u[k]) < 0 ? u.map((x) => F.neg(x)) : u;
  });
  const dS = once(() => {
    const d = model.third(theta, top());
    checked(F, '∇S', d);
    return d;
  });
  const dSperp = once(() => {
    const u = top();
    const d = dS();
    const c = dot(F, u, d);
    return d.map((x, i) => F.sub(x, F.mul(c, u[i])));
  });
  return {
    F,
    model,
    theta,
    loss,
    grad,
    gradNorm,
    hessian,
    eig,
    sharpness,
    top,
    eigengap: gap,
    sharpnessGradient: dS,
    sharpnessGradientPerp: dSperp,
  };
}
