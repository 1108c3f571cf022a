import type { KernelsF64 } from './kernelsF64.js';

/**
 * The f64 kernels of the quadratic ½θᵀAθ − bᵀθ, A stored row-major in one Float64Array. The same
 * operations in the same order as quadratic's bind(f64) (each row's dot product summed from 0, then
 * − bᵢ; the loss as Σᵢ θᵢ(½(Aθ)ᵢ − bᵢ)), so the values are bit-identical.
 */
export function quadraticKernelsF64(A: readonly (readonly number[])[], b: readonly number[]): KernelsF64 {
  const p = A.length;
  const flat = Float64Array.from(A.flat());
  const bb = Float64Array.from(b);
  const rowDot = (t: Float64Array, i: number): number => {
    let s = 0;
    const o = i * p;
    for (let j = 0; j < p; j++) s += flat[o + j] * t[j];
    return s;
  };
  return {
    lossF64(t) {
      let s = 0;
      for (let i = 0; i < p; i++) s += t[i] * (0.5 * rowDot(t, i) - bb[i]);
      return s;
    },
    gradF64(t, out) {
      for (let i = 0; i < p; i++) out[i] = rowDot(t, i) - bb[i];
    },
  };
}
