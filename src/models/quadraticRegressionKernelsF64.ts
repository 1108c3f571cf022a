import type { KernelsF64 } from './kernelsF64.js';

/**
 * The f64 kernels of quadratic-regression, L = ½Σᵢ rᵢ² with rᵢ = θ·(Jᵢ + ½Qᵢθ) − yᵢ and ∇L =
 * Σᵢ rᵢ(Jᵢ + Qᵢθ). The same operations in the same order as quadratic-regression's bind(f64) (each
 * Qᵢθ and each dot product summed from 0 in index order, ∇L accumulated example by example), so the
 * values are bit-identical.
 */
export function quadraticRegressionKernelsF64(
  J: readonly (readonly number[])[],
  Q: readonly (readonly (readonly number[])[])[],
  y: readonly number[],
): KernelsF64 {
  const n = J.length;
  const p = J[0].length;
  const Jf = Float64Array.from(J.flat());
  const Qf = Float64Array.from(Q.flat(2));
  const Y = Float64Array.from(y);
  const Qt = new Float64Array(p);
  const r = new Float64Array(n);
  /** Qᵢθ into Qt and rᵢ; returns nothing (the Jacobian row is Jᵢ + Qt). */
  const example = (t: Float64Array, i: number): void => {
    const qo = i * p * p;
    for (let k = 0; k < p; k++) {
      let s = 0;
      const o = qo + k * p;
      for (let j = 0; j < p; j++) s += Qf[o + j] * t[j];
      Qt[k] = s;
    }
    let f = 0;
    const jo = i * p;
    for (let k = 0; k < p; k++) f += t[k] * (Jf[jo + k] + Qt[k] / 2);
    r[i] = f - Y[i];
  };
  return {
    lossF64(t) {
      for (let i = 0; i < n; i++) example(t, i);
      let s = 0;
      for (let i = 0; i < n; i++) s += r[i] * r[i];
      return s / 2;
    },
    gradF64(t, out) {
      out.fill(0);
      for (let i = 0; i < n; i++) {
        example(t, i);
        const jo = i * p;
        for (let k = 0; k < p; k++) out[k] += r[i] * (Jf[jo + k] + Qt[k]);
      }
    },
  };
}
