import type { KernelsF64 } from './kernelsF64.js';

/** The activations of two-layer (twoLayer.ts), repeated here so that this file does not import its caller. */
type Activation = 'tanh' | 'softplus' | 'sigmoid';

/**
 * The two-layer network's closed forms (twoLayer.ts) in float64 over preallocated Float64Arrays:
 * the same IEEE operations in the same order as its generic binding at `f64` (every sum starts at
 * +0 and adds the same products in the same order, the division by n stays a division, σ through
 * Math.tanh/exp/log as f64Field does), so the values are bit-identical (tested), without a Field
 * call or an array allocation per sample. The edge runs evaluate a small network's Hessian and
 * ∇³L[u,u] at every step: this is where their time went.
 */
export interface TwoLayerF64 {
  loss(t: ArrayLike<number>): number;
  grad(t: ArrayLike<number>): number[];
  hvp(t: ArrayLike<number>, e: ArrayLike<number>): number[];
  third(t: ArrayLike<number>, e: ArrayLike<number>): number[];
  hessian(t: ArrayLike<number>): number[][];
  kernels(): KernelsF64;
}

/** Width m, the activation, X (n × d) and y (n) already converted to doubles. */
export function twoLayerF64(m: number, activation: Activation, X: readonly (readonly number[])[], y: readonly number[]): TwoLayerF64 {
  const n = X.length;
  const d = X[0].length;
  const dim = m * (d + 1);
  const md = m * d;
  const N = n;
  const c = 1 / Math.sqrt(m);
  // Per sample: σ and its three derivatives per unit, ζⱼ = ωⱼ·x, and the per-unit factors that assemble() scales.
  const s0 = new Float64Array(m);
  const s1 = new Float64Array(m);
  const s2 = new Float64Array(m);
  const s3 = new Float64Array(m);
  const zeta = new Float64Array(m);
  const gw = new Float64Array(m);
  const hw = new Float64Array(m);
  const ha = new Float64Array(m);
  const tw = new Float64Array(m);
  const ta = new Float64Array(m);
  const out = new Float64Array(dim);
  const g = new Float64Array(dim);
  const H = new Float64Array(dim * dim);

  /** σ-jet of unit j at z into s0..s3[j], as activationJet at f64. */
  const sigmoidAt = (j: number, z: number): void => {
    const s = 1 / (1 + Math.exp(-z));
    const t1 = s * (1 - s);
    const w = 1 - 2 * s;
    const t2 = t1 * w;
    s0[j] = s;
    s1[j] = t1;
    s2[j] = t2;
    s3[j] = t2 * w - 2 * (t1 * t1);
  };
  const jet: (j: number, z: number) => void =
    activation === 'tanh'
      ? (j, z) => {
          const t = Math.tanh(z);
          const t2 = t * t;
          const a1 = 1 - t2;
          s0[j] = t;
          s1[j] = a1;
          s2[j] = -(2 * (t * a1));
          s3[j] = -(2 * (a1 * (a1 - 2 * t2)));
        }
      : activation === 'sigmoid'
        ? sigmoidAt
        : (j, z) => {
            sigmoidAt(j, z);
            s3[j] = s2[j];
            s2[j] = s1[j];
            s1[j] = s0[j];
            s0[j] = Math.max(z, 0) + Math.log(1 + Math.exp(-Math.abs(z)));
          };

  /** wⱼ·x (or ωⱼ·x for a direction). */
  const proj = (t: ArrayLike<number>, j: number, x: readonly number[]): number => {
    let s = 0;
    const o = j * d;
    for (let p = 0; p < d; p++) s += t[o + p] * x[p];
    return s;
  };
  /** Sample k: the σ-jets into s0..s3 and the residual r = f − y. */
  const sample = (t: ArrayLike<number>, k: number): number => {
    const x = X[k];
    for (let j = 0; j < m; j++) jet(j, proj(t, j, x));
    let f = 0;
    for (let j = 0; j < m; j++) f += t[md + j] * s0[j];
    return c * f - y[k];
  };
  /** out += the θ-layout vector with wⱼ-blocks gwⱼ·x and a-entries gaⱼ, scaled by c·weight. */
  const assemble = (x: readonly number[], gwv: Float64Array, gav: Float64Array, weight: number): void => {
    const cw = c * weight;
    for (let j = 0; j < m; j++) {
      const q = cw * gwv[j];
      const o = j * d;
      for (let p = 0; p < d; p++) out[o + p] += q * x[p];
      out[md + j] += cw * gav[j];
    }
  };
  /** out / N as a fresh array. */
  const scaled = (): number[] => {
    const r = new Array<number>(dim);
    for (let i = 0; i < dim; i++) r[i] = out[i] / N;
    return r;
  };

  const loss = (t: ArrayLike<number>): number => {
    let s = 0;
    for (let k = 0; k < n; k++) {
      const r = sample(t, k);
      s += r * r;
    }
    return s / (2 * N);
  };
  /** Σₖ r∇f into out (not divided by n). */
  const gradSum = (t: ArrayLike<number>): void => {
    out.fill(0);
    for (let k = 0; k < n; k++) {
      const r = sample(t, k);
      for (let j = 0; j < m; j++) gw[j] = t[md + j] * s1[j];
      assemble(X[k], gw, s0, r);
    }
  };
  const grad = (t: ArrayLike<number>): number[] => {
    gradSum(t);
    return scaled();
  };
  /**
   * Sample k along e (twoLayer's `directional`): r, ζ, gw (ga is s0), hw, ha, and c·∇f·e and
   * c·eᵀ∇²f e as [ge, ehe].
   */
  const directional = (t: ArrayLike<number>, e: ArrayLike<number>, k: number): [number, number, number] => {
    const r = sample(t, k);
    const x = X[k];
    for (let j = 0; j < m; j++) zeta[j] = proj(e, j, x);
    for (let j = 0; j < m; j++) gw[j] = t[md + j] * s1[j];
    let ge = 0;
    let ehe = 0;
    for (let j = 0; j < m; j++) {
      const a1 = s1[j];
      const alpha = e[md + j];
      const z = zeta[j];
      ge += alpha * s0[j] + gw[j] * z;
      hw[j] = t[md + j] * s2[j] * z + a1 * alpha;
      ha[j] = a1 * z;
      ehe += t[md + j] * s2[j] * (z * z) + 2 * (a1 * alpha * z);
    }
    return [r, c * ge, c * ehe];
  };
  const hvp = (t: ArrayLike<number>, e: ArrayLike<number>): number[] => {
    out.fill(0);
    for (let k = 0; k < n; k++) {
      const [r, ge] = directional(t, e, k);
      assemble(X[k], gw, s0, ge);
      assemble(X[k], hw, ha, r);
    }
    return scaled();
  };
  const third = (t: ArrayLike<number>, e: ArrayLike<number>): number[] => {
    out.fill(0);
    for (let k = 0; k < n; k++) {
      const [r, ge, ehe] = directional(t, e, k);
      const x = X[k];
      assemble(x, hw, ha, 2 * ge);
      assemble(x, gw, s0, ehe);
      // ∇³f[e,e]: wⱼ: aⱼσ‴ζ² + 2σ″αζ, aⱼ: σ″ζ².
      for (let j = 0; j < m; j++) {
        const z = zeta[j];
        const z2 = z * z;
        tw[j] = t[md + j] * s3[j] * z2 + 2 * (s2[j] * e[md + j] * z);
        ta[j] = s2[j] * (z * z);
      }
      assemble(x, tw, ta, r);
    }
    return scaled();
  };
  const hessian = (t: ArrayLike<number>): number[][] => {
    H.fill(0);
    for (let k = 0; k < n; k++) {
      const r = sample(t, k);
      const x = X[k];
      // ∇f for this sample (with c).
      for (let j = 0; j < m; j++) {
        const q = c * (t[md + j] * s1[j]);
        for (let p = 0; p < d; p++) g[j * d + p] = q * x[p];
        g[md + j] = c * s0[j];
      }
      for (let i = 0; i < dim; i++) {
        const gi = g[i];
        const row = i * dim;
        for (let l = i; l < dim; l++) H[row + l] += gi * g[l];
      }
      // r∇²f: (wⱼ, wⱼ) = c aⱼσ″ⱼ xxᵀ, (wⱼ, aⱼ) = c σ′ⱼ x.
      for (let j = 0; j < m; j++) {
        const ww = r * (c * (t[md + j] * s2[j]));
        const wa = r * (c * s1[j]);
        for (let p = 0; p < d; p++) {
          const row = (j * d + p) * dim;
          for (let q = p; q < d; q++) H[row + j * d + q] += ww * (x[p] * x[q]);
          H[row + md + j] += wa * x[p];
        }
      }
    }
    // Divided by n, the upper triangle mirrored onto the lower one (as mirrorUpper does).
    const M: number[][] = [];
    for (let i = 0; i < dim; i++) {
      const row = new Array<number>(dim);
      for (let l = 0; l < i; l++) row[l] = M[l][i];
      for (let l = i; l < dim; l++) row[l] = H[i * dim + l] / N;
      M.push(row);
    }
    return M;
  };
  const kernels = (): KernelsF64 => ({
    lossF64: loss,
    gradF64(t, into) {
      gradSum(t);
      for (let i = 0; i < dim; i++) into[i] = out[i] / N;
    },
  });
  return { loss, grad, hvp, third, hessian, kernels };
}
