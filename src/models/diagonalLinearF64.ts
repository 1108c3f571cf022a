import type { ClosedFormsF64 } from './closedFormsF64.js';
import type { KernelsF64 } from './kernelsF64.js';

/**
 * The diagonal linear network's closed forms (diagonalLinear.ts), L = (1/2n)‖X(u⊙v) − y‖², in
 * float64 over preallocated Float64Arrays: with β = u⊙v, rᵢ = Σₖ Xᵢₖβₖ − yᵢ, g = Xᵀr/n and
 * K = XᵀX/n, the same IEEE operations in the same order as its generic binding at `f64` (every sum
 * from +0 in index order, then the division by n or 2n), so the values are bit-identical (tested),
 * without a Field call or an array allocation per operation. The edge runs evaluate the Hessian and
 * ∇³L[u,u] at every step; gradient descent calls the kernels.
 */
export type DiagonalLinearF64 = ClosedFormsF64;

/** X (n × d, rows as given) and y (n) already converted to doubles. */
export function diagonalLinearF64(X: readonly (readonly number[])[], y: readonly number[]): DiagonalLinearF64 {
  const n = X.length;
  const d = X[0].length;
  const dim = 2 * d;
  const N = n;
  const flat = Float64Array.from(X.flat());
  const Y = Float64Array.from(y);
  // K = XᵀX/n, once, as the generic binding builds it.
  const K = new Float64Array(d * d);
  for (let k = 0; k < d; k++) {
    for (let l = 0; l < d; l++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += flat[i * d + k] * flat[i * d + l];
      K[k * d + l] = s / N;
    }
  }
  const [res, z1, z2] = Array.from({ length: 3 }, () => new Float64Array(n));
  const [g, w, Kw, qx] = Array.from({ length: 4 }, () => new Float64Array(d));
  const Hf = new Float64Array(dim * dim);

  /** into = Xw (n entries). */
  const Xw = (src: Float64Array, into: Float64Array): void => {
    for (let i = 0; i < n; i++) {
      let s = 0;
      const o = i * d;
      for (let k = 0; k < d; k++) s += flat[o + k] * src[k];
      into[i] = s;
    }
  };
  /** into = Xᵀz/n (d entries). */
  const XTz = (z: Float64Array, into: Float64Array): void => {
    for (let k = 0; k < d; k++) {
      let s = 0;
      for (let i = 0; i < n; i++) s += flat[i * d + k] * z[i];
      into[k] = s / N;
    }
  };
  /** res = X(u⊙v) − y, then g = Xᵀres/n. */
  const residuals = (t: ArrayLike<number>): void => {
    for (let i = 0; i < n; i++) {
      let s = 0;
      const o = i * d;
      for (let k = 0; k < d; k++) s += flat[o + k] * (t[k] * t[d + k]);
      res[i] = s - Y[i];
    }
  };

  const loss = (t: ArrayLike<number>): number => {
    residuals(t);
    let s = 0;
    for (let i = 0; i < n; i++) s += res[i] * res[i];
    return s / (2 * N);
  };
  const gradInto = (t: ArrayLike<number>, out: { [i: number]: number }): void => {
    residuals(t);
    XTz(res, g);
    for (let k = 0; k < d; k++) {
      out[k] = t[d + k] * g[k];
      out[d + k] = t[k] * g[k];
    }
  };
  const grad = (t: ArrayLike<number>): number[] => {
    const out = new Array<number>(dim);
    gradInto(t, out);
    return out;
  };
  const hessian = (t: ArrayLike<number>): number[][] => {
    residuals(t);
    XTz(res, g);
    // Entry (i, j) at Hf[i·dim + j], rows built in order at the end (cheaper than filling arrays out of order).
    for (let k = 0; k < d; k++) {
      const uk = t[k];
      const vk = t[d + k];
      // Diagonal blocks computed once per pair and mirrored, so H is exactly symmetric.
      for (let l = k; l < d; l++) {
        const Kkl = K[k * d + l];
        Hf[k * dim + l] = Hf[l * dim + k] = vk * Kkl * t[d + l];
        Hf[(d + k) * dim + d + l] = Hf[(d + l) * dim + d + k] = uk * Kkl * t[l];
      }
      for (let l = 0; l < d; l++) {
        let uv = vk * K[k * d + l] * t[l];
        if (k === l) uv += g[k];
        Hf[k * dim + d + l] = uv;
        Hf[(d + l) * dim + k] = uv;
      }
    }
    const H: number[][] = [];
    for (let i = 0; i < dim; i++) {
      const row: number[] = [];
      for (let j = 0; j < dim; j++) row.push(Hf[i * dim + j]);
      H.push(row);
    }
    return H;
  };
  const hvp = (t: ArrayLike<number>, e: ArrayLike<number>): number[] => {
    residuals(t);
    XTz(res, g);
    // K(v⊙a + u⊙b) = Xᵀ X (v⊙a + u⊙b) / n
    for (let k = 0; k < d; k++) w[k] = t[d + k] * e[k] + t[k] * e[d + k];
    Xw(w, z1);
    XTz(z1, Kw);
    const out = new Array<number>(dim);
    for (let k = 0; k < d; k++) {
      out[k] = t[d + k] * Kw[k] + g[k] * e[d + k];
      out[d + k] = t[k] * Kw[k] + g[k] * e[k];
    }
    return out;
  };
  const third = (t: ArrayLike<number>, e: ArrayLike<number>): number[] => {
    // Per example: cᵢ = 2xᵢ·(v⊙a + u⊙b) and qᵢ = 2xᵢ·(a⊙b); then Σᵢ cᵢxᵢ/n (into Kw) and Σᵢ qᵢxᵢ/n.
    for (let k = 0; k < d; k++) w[k] = 2 * (t[d + k] * e[k] + t[k] * e[d + k]);
    Xw(w, z1);
    for (let k = 0; k < d; k++) w[k] = 2 * (e[k] * e[d + k]);
    Xw(w, z2);
    XTz(z1, Kw);
    XTz(z2, qx);
    const out = new Array<number>(dim);
    for (let k = 0; k < d; k++) {
      out[k] = Kw[k] * e[d + k] + qx[k] * t[d + k];
      out[d + k] = Kw[k] * e[k] + qx[k] * t[k];
    }
    return out;
  };
  const kernels = (): KernelsF64 => ({ lossF64: loss, gradF64: gradInto });
  return { loss, grad, hvp, third, hessian, kernels };
}
