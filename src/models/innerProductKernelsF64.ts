import type { KernelsF64 } from './kernelsF64.js';

/**
 * The f64 kernels of inner-product (ℓ(xᵀy) on θ = (x, y) ∈ ℝᵏ × ℝᵏ, target μ): s = xᵀy,
 * L = ℓ(s), ∇L = ℓ'(s)·(y, x). The same operations in the same order as innerProduct's bind(f64)
 * (the sum from +0, ½ as 1/2, ℓ written as scalarLoss writes it), so the values are bit-identical
 * (tested). The catapult and regularity runs take a step of this 2-parameter model hundreds of
 * thousands of times: through the generic kernels each step copied θ into an array and built the
 * swapped (y, x) twice.
 */
export function innerProductKernelsF64(loss: 'square' | 'logcosh' | 'quartic', k: number, mu: number): KernelsF64 {
  const half = 1 / 2;
  const dot = (t: Float64Array): number => {
    let acc = 0;
    for (let i = 0; i < k; i++) acc = acc + t[i] * t[k + i];
    return acc;
  };
  const ell = (s: number): number => {
    switch (loss) {
      case 'square': {
        const z = s - mu;
        return half * (z * z);
      }
      case 'logcosh': {
        const z = s - mu;
        const t = Math.tanh(z);
        const h = Math.sinh(z);
        return half * Math.asinh(half * (t * t + h * h));
      }
      case 'quartic': {
        const w = s * s - mu;
        return (w * w) / 4;
      }
    }
  };
  const d1 = (s: number): number => {
    switch (loss) {
      case 'square':
        return s - mu;
      case 'logcosh':
        return Math.tanh(s - mu);
      case 'quartic':
        return (s * s - mu) * s;
    }
  };
  return {
    lossF64: (t) => ell(dot(t)),
    gradF64(t, out) {
      const c = d1(dot(t));
      for (let i = 0; i < k; i++) {
        const gx = c * t[k + i];
        const gy = c * t[i];
        out[i] = gx;
        out[k + i] = gy;
      }
    },
  };
}
