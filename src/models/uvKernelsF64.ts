import type { KernelsF64 } from './kernelsF64.js';

/**
 * The f64 kernels of uv (width m, target y): r = vᵀu/√m − y, L = r²/2, ∇L = r·(v, u)/√m. The same
 * operations in the same order as uv's bind(f64) (the sum from 0, the division of each coordinate
 * by √m before the product with r), so the values are bit-identical.
 */
export function uvKernelsF64(m: number, y: number): KernelsF64 {
  const rootM = Math.sqrt(m);
  const residual = (t: Float64Array): number => {
    let s = 0;
    for (let i = 0; i < m; i++) s += t[i] * t[m + i];
    return s / rootM - y;
  };
  return {
    lossF64(t) {
      const r = residual(t);
      return (r * r) / 2;
    },
    gradF64(t, out) {
      const r = residual(t);
      for (let i = 0; i < m; i++) {
        const gu = t[m + i] / rootM;
        const gv = t[i] / rootM;
        out[i] = r * gu;
        out[m + i] = r * gv;
      }
    },
  };
}
