import type { KernelsF64 } from './kernelsF64.js';

/**
 * The f64 kernels of diagonal-linear, L = (1/2n)‖X(u⊙v) − y‖², X n×d (rows as given): the residuals
 * rᵢ = Σₖ Xᵢₖ(uₖvₖ) − yᵢ, g = Xᵀr/n, ∇_u L = v⊙g, ∇_v L = u⊙g. The same operations in the same order
 * as diagonal-linear's bind(f64) (every sum from 0 in index order, then the division by n or 2n),
 * so the values are bit-identical.
 */
export function diagonalLinearKernelsF64(X: readonly (readonly number[])[], y: readonly number[]): KernelsF64 {
  const n = X.length;
  const d = X[0].length;
  const flat = Float64Array.from(X.flat());
  const Y = Float64Array.from(y);
  const res = new Float64Array(n);
  const residuals = (t: Float64Array): void => {
    for (let i = 0; i < n; i++) {
      let s = 0;
      const o = i * d;
      for (let k = 0; k < d; k++) s += flat[o + k] * (t[k] * t[d + k]);
      res[i] = s - Y[i];
    }
  };
  return {
    lossF64(t) {
      residuals(t);
      let s = 0;
      for (let i = 0; i < n; i++) s += res[i] * res[i];
      return s / (2 * n);
    },
    gradF64(t, out) {
      residuals(t);
      for (let k = 0; k < d; k++) {
        let s = 0;
        for (let i = 0; i < n; i++) s += flat[i * d + k] * res[i];
        const g = s / n;
        out[k] = t[d + k] * g;
        out[d + k] = t[k] * g;
      }
    },
  };
}
