import type { KernelsF64 } from './kernelsF64.js';

/**
 * A model's closed forms in float64 over preallocated Float64Arrays (ModelImpl.closedFormsF64), what
 * `bind(f64)` of deep-linear, two-layer and diagonal-linear returns: the same IEEE operations in the same order as
 * the generic binding at `f64`, so the values are bit-identical, without a Field call or an array
 * allocation per operation. Arrays come back fresh (the caller may keep or change them).
 */
export interface ClosedFormsF64 {
  loss(t: ArrayLike<number>): number;
  grad(t: ArrayLike<number>): number[];
  hvp(t: ArrayLike<number>, e: ArrayLike<number>): number[];
  third(t: ArrayLike<number>, e: ArrayLike<number>): number[];
  hessian(t: ArrayLike<number>): number[][];
  /** The loss and gradient as KernelsF64, for the f64 fast path of runTrajectory. */
  kernels(): KernelsF64;
}
