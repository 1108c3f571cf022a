import type { BoundModel } from './model.js';

/**
 * A model's closed forms over Float64Array, writing into caller buffers: what the f64 fast path of
 * runTrajectory calls every step, with no allocation and no Field indirection.
 *
 * A kernel that performs the same IEEE operations in the same order as `bind(f64)` gives
 * bit-identical values (V8 never contracts a·b + c into a fused multiply-add), so a run is the
 * same with or without it; the built-in kernels are written that way and tested for it.
 */
export interface KernelsF64 {
  /** L(θ). */
  lossF64(theta: Float64Array): number;
  /** ∇L(θ) into `out` (length dim; never the same array as θ). */
  gradF64(theta: Float64Array, out: Float64Array): void;
  /**
   * Optional fused descent step, θᵢ ← θᵢ − η·(∇L(θ))ᵢ in place (the gradient as gradF64 computes
   * it), returning true when every new θᵢ satisfies |θᵢ| ≤ bound (false for NaN and ±Infinity).
   * gd and sqrt-gd use it when present: one pass instead of a gradient buffer written and read.
   */
  descendF64?(theta: Float64Array, eta: number, bound: number): boolean;
}

/**
 * The f64 kernels of a model's f64 binding: its own when it provides them (`BoundModel.kernelsF64`),
 * else the generic ones over its closed forms.
 */
export function kernelsF64(b: BoundModel<number>): KernelsF64 {
  return b.kernelsF64?.() ?? genericKernelsF64(b);
}

/**
 * The kernels any bound f64 model has: its closed forms, copied in and out of Float64Array (a fresh
 * number[] per call: a model may cache by θ's identity).
 */
export function genericKernelsF64(b: BoundModel<number>): KernelsF64 {
  return {
    lossF64: (theta) => b.loss(Array.from(theta)),
    gradF64(theta, out) {
      const g = b.grad(Array.from(theta));
      for (let i = 0; i < out.length; i++) out[i] = g[i];
    },
  };
}
