import type { ClosedFormsF64 } from './closedFormsF64.js';
import type { KernelsF64 } from './kernelsF64.js';
import { mirrorUpper } from './_internals/mirrorUpper.js';

/**
 * The deep linear network's closed forms (deepLinear.ts) in float64 over preallocated
 * Float64Arrays: the same Taylor pass, the same IEEE operations in the same order as its generic
 * binding at `f64` (every sum starts at +0 and adds the same products in the same order), so the
 * values are bit-identical (tested), without a Field call or an array allocation per operation.
 * The rotation and flattening runs evaluate a small network's Hessian at every step: this is
 * where their time went.
 */
export type DeepLinearF64 = ClosedFormsF64;

/**
 * `widths` d₀..d_D, `off[l]` the offset of W_{l+1} in θ (off[D] = dim), X (n × d₀) and Y (n × d_D)
 * already converted to doubles.
 */
export function deepLinearF64(
  widths: readonly number[],
  off: readonly number[],
  X: readonly (readonly number[])[],
  Y: readonly (readonly number[])[],
): DeepLinearF64 {
  const D = widths.length - 1;
  const n = X.length;
  const dim = off[D];
  const N = n;
  const wmax = Math.max(...widths);
  // a[l][c]: coefficient c of a_l (c = 0, 1, 2); b[c] and nb[c]: the backward coefficients, swapped per layer.
  const a = widths.map((w) => [new Float64Array(w), new Float64Array(w), new Float64Array(w)]);
  let b = [new Float64Array(wmax), new Float64Array(wmax), new Float64Array(wmax)];
  let nb = [new Float64Array(wmax), new Float64Array(wmax), new Float64Array(wmax)];
  const out = [new Float64Array(dim), new Float64Array(dim), new Float64Array(dim)];
  const unit = new Float64Array(dim);

  /** Σₖ b_l(t)a_{l−1}(t)ᵀ to order `order` along e into out[0..order] (not divided by n): deepLinear's taylorGrad. */
  const taylor = (t: ArrayLike<number>, e: ArrayLike<number>, order: 0 | 1 | 2): void => {
    for (let c = 0; c <= order; c++) out[c].fill(0);
    for (let k = 0; k < n; k++) {
      const x = X[k];
      const a00 = a[0][0];
      for (let j = 0; j < widths[0]; j++) a00[j] = x[j];
      a[0][1].fill(0);
      a[0][2].fill(0);
      for (let l = 1; l <= D; l++) {
        const rows = widths[l];
        const cols = widths[l - 1];
        const o = off[l - 1];
        const [p0, p1, p2] = a[l - 1];
        const [q0, q1, q2] = a[l];
        for (let i = 0; i < rows; i++) {
          const r = o + i * cols;
          let s = 0;
          for (let j = 0; j < cols; j++) s += t[r + j] * p0[j];
          q0[i] = s;
          if (order >= 1) {
            s = 0;
            for (let j = 0; j < cols; j++) s += t[r + j] * p1[j];
            for (let j = 0; j < cols; j++) s += e[r + j] * p0[j];
            q1[i] = s;
          }
          if (order >= 2) {
            s = 0;
            for (let j = 0; j < cols; j++) s += t[r + j] * p2[j];
            for (let j = 0; j < cols; j++) s += e[r + j] * p1[j];
            q2[i] = s;
          }
        }
      }
      const y = Y[k];
      const [aD0, aD1, aD2] = a[D];
      for (let i = 0; i < widths[D]; i++) {
        b[0][i] = aD0[i] - y[i];
        b[1][i] = aD1[i];
        b[2][i] = aD2[i];
      }
      for (let l = D; l >= 1; l--) {
        const rows = widths[l];
        const cols = widths[l - 1];
        const o = off[l - 1];
        const [p0, p1, p2] = a[l - 1];
        const [b0, b1, b2] = b;
        const [o0, o1, o2] = out;
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) {
            const idx = o + i * cols + j;
            // out[0] is read only by the gradient (order 0): HVPs and ∇³L skip its sums.
            if (order === 0) o0[idx] += b0[i] * p0[j];
            if (order >= 1) o1[idx] = o1[idx] + b1[i] * p0[j] + b0[i] * p1[j];
            if (order >= 2) o2[idx] = o2[idx] + b2[i] * p0[j] + b1[i] * p1[j] + b0[i] * p2[j];
          }
        }
        if (l > 1) {
          const [n0, n1, n2] = nb;
          for (let j = 0; j < cols; j++) {
            let s = 0;
            for (let i = 0; i < rows; i++) s += t[o + i * cols + j] * b0[i];
            n0[j] = s;
            if (order >= 1) {
              s = 0;
              for (let i = 0; i < rows; i++) s += t[o + i * cols + j] * b1[i];
              for (let i = 0; i < rows; i++) s += e[o + i * cols + j] * b0[i];
              n1[j] = s;
            }
            if (order >= 2) {
              s = 0;
              for (let i = 0; i < rows; i++) s += t[o + i * cols + j] * b2[i];
              for (let i = 0; i < rows; i++) s += e[o + i * cols + j] * b1[i];
              n2[j] = s;
            }
          }
          const swap = b;
          b = nb;
          nb = swap;
        }
      }
    }
  };

  const loss = (t: ArrayLike<number>): number => {
    let s = 0;
    for (let k = 0; k < n; k++) {
      let prev = a[0][0];
      const x = X[k];
      for (let j = 0; j < widths[0]; j++) prev[j] = x[j];
      for (let l = 1; l <= D; l++) {
        const rows = widths[l];
        const cols = widths[l - 1];
        const o = off[l - 1];
        const q = a[l][0];
        for (let i = 0; i < rows; i++) {
          let u = 0;
          for (let j = 0; j < cols; j++) u += t[o + i * cols + j] * prev[j];
          q[i] = u;
        }
        prev = q;
      }
      const y = Y[k];
      for (let i = 0; i < widths[D]; i++) {
        const r = prev[i] - y[i];
        s += r * r;
      }
    }
    return s / (2 * N);
  };
  const scaled = (c: 0 | 1, into?: Float64Array): number[] => {
    const src = out[c];
    const r = new Array<number>(dim);
    for (let i = 0; i < dim; i++) r[i] = src[i] / N;
    if (into !== undefined) for (let i = 0; i < dim; i++) into[i] = r[i];
    return r;
  };
  const grad = (t: ArrayLike<number>): number[] => {
    taylor(t, unit, 0);
    return scaled(0);
  };
  const hvp = (t: ArrayLike<number>, e: ArrayLike<number>): number[] => {
    taylor(t, e, 1);
    return scaled(1);
  };
  const third = (t: ArrayLike<number>, e: ArrayLike<number>): number[] => {
    taylor(t, e, 2);
    const src = out[2];
    const r = new Array<number>(dim);
    for (let i = 0; i < dim; i++) r[i] = (2 * src[i]) / N;
    return r;
  };
  // The Hessian is dim HVPs along the unit vectors at one θ: their order-0 passes (forward
  // activations, backward residual terms) do not depend on the direction, so they are computed
  // once per sample (A0, B0) and each HVP runs only its order-1 sums, the same sums in the same
  // order as taylor(t, e, 1), so every entry is bit-identical to hvp's (tested).
  const A0 = X.map(() => widths.map((w) => new Float64Array(w)));
  const B0 = X.map(() => widths.map((w) => new Float64Array(w)));
  let b1 = new Float64Array(wmax);
  let n1 = new Float64Array(wmax);
  const order0 = (t: ArrayLike<number>): void => {
    for (let k = 0; k < n; k++) {
      const x = X[k];
      const A = A0[k];
      for (let j = 0; j < widths[0]; j++) A[0][j] = x[j];
      for (let l = 1; l <= D; l++) {
        const cols = widths[l - 1];
        const o = off[l - 1];
        const p0 = A[l - 1];
        const q0 = A[l];
        for (let i = 0; i < widths[l]; i++) {
          const r = o + i * cols;
          let s = 0;
          for (let j = 0; j < cols; j++) s += t[r + j] * p0[j];
          q0[i] = s;
        }
      }
      const y = Y[k];
      const B = B0[k];
      for (let i = 0; i < widths[D]; i++) B[D][i] = A[D][i] - y[i];
      for (let l = D; l > 1; l--) {
        const rows = widths[l];
        const cols = widths[l - 1];
        const o = off[l - 1];
        for (let j = 0; j < cols; j++) {
          let s = 0;
          for (let i = 0; i < rows; i++) s += t[o + i * cols + j] * B[l][i];
          B[l - 1][j] = s;
        }
      }
    }
  };
  /** taylor(t, e, 1)'s out[1], from the order-0 terms order0 left in A0 and B0. */
  const taylor1 = (t: ArrayLike<number>, e: ArrayLike<number>): void => {
    const o1 = out[1];
    o1.fill(0);
    for (let k = 0; k < n; k++) {
      const A = A0[k];
      const B = B0[k];
      a[0][1].fill(0);
      for (let l = 1; l <= D; l++) {
        const cols = widths[l - 1];
        const o = off[l - 1];
        const p0 = A[l - 1];
        const p1 = a[l - 1][1];
        const q1 = a[l][1];
        for (let i = 0; i < widths[l]; i++) {
          const r = o + i * cols;
          let s = 0;
          for (let j = 0; j < cols; j++) s += t[r + j] * p1[j];
          for (let j = 0; j < cols; j++) s += e[r + j] * p0[j];
          q1[i] = s;
        }
      }
      const aD1 = a[D][1];
      for (let i = 0; i < widths[D]; i++) b1[i] = aD1[i];
      for (let l = D; l >= 1; l--) {
        const rows = widths[l];
        const cols = widths[l - 1];
        const o = off[l - 1];
        const p0 = A[l - 1];
        const p1 = a[l - 1][1];
        const b0 = B[l];
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) {
            const idx = o + i * cols + j;
            o1[idx] = o1[idx] + b1[i] * p0[j] + b0[i] * p1[j];
          }
        }
        if (l > 1) {
          for (let j = 0; j < cols; j++) {
            let s = 0;
            for (let i = 0; i < rows; i++) s += t[o + i * cols + j] * b1[i];
            for (let i = 0; i < rows; i++) s += e[o + i * cols + j] * b0[i];
            n1[j] = s;
          }
          const swap = b1;
          b1 = n1;
          n1 = swap;
        }
      }
    }
  };
  const hessian = (t: ArrayLike<number>): number[][] => {
    const H: number[][] = [];
    order0(t);
    for (let i = 0; i < dim; i++) {
      unit.fill(0);
      unit[i] = 1;
      taylor1(t, unit);
      H.push(scaled(1));
    }
    unit.fill(0);
    // Column i is row i by symmetry; the upper triangle is mirrored, as the generic binding does.
    return mirrorUpper(H);
  };
  const kernels = (): KernelsF64 => ({
    lossF64: loss,
    gradF64(t, into) {
      taylor(t, unit, 0);
      const src = out[0];
      for (let i = 0; i < dim; i++) into[i] = src[i] / N;
    },
  });
  return { loss, grad, hvp, third, hessian, kernels };
}
