import type { ClosedFormsF64 } from './closedFormsF64.js';
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
export type TwoLayerF64 = ClosedFormsF64;

/** Width m, the activation, X (n × d) and y (n) already converted to doubles. */
export function twoLayerF64(m: number, activation: Activation, X: readonly (readonly number[])[], y: readonly number[]): TwoLayerF64 {
  const n = X.length;
  const d = X[0].length;
  const dim = m * (d + 1);
  const md = m * d;
  const N = n;
  const c = 1 / Math.sqrt(m);
  const Xf = Float64Array.from(X.flat());
  const Y = Float64Array.from(y);
  // The σ-jets of every (sample k, unit j) at entry k·m + j and the residuals r_k = f(x_k) − y_k, at
  // the point θ last asked about (kept in `th`): loss, gradient, Hessian and ∇³L at one θ, as a step
  // asks for them, compute the m·n activations once. They are functions of θ's bits alone, so
  // reusing them changes no value.
  const th = new Float64Array(dim);
  let fresh = false;
  const [S0, S1, S2, S3] = Array.from({ length: 4 }, () => new Float64Array(n * m));
  const R = new Float64Array(n);
  // The direction e, and per sample ζⱼ = ωⱼ·x and the per-unit factors that assemble() scales.
  const ev = new Float64Array(dim);
  const [zeta, gw, hw, ha, tw, ta] = Array.from({ length: 6 }, () => new Float64Array(m));
  const [out, g] = [new Float64Array(dim), new Float64Array(dim)];
  const H = new Float64Array(dim * dim);

  /** σ-jet at z into entry i of S0..S3, as activationJet at f64. */
  const sigmoidAt = (i: number, z: number): void => {
    const s = 1 / (1 + Math.exp(-z));
    const t1 = s * (1 - s);
    const w = 1 - 2 * s;
    const t2 = t1 * w;
    S0[i] = s;
    S1[i] = t1;
    S2[i] = t2;
    S3[i] = t2 * w - 2 * (t1 * t1);
  };
  const jet: (i: number, z: number) => void =
    activation === 'tanh'
      ? (i, z) => {
          const t = Math.tanh(z);
          const t2 = t * t;
          const a1 = 1 - t2;
          S0[i] = t;
          S1[i] = a1;
          S2[i] = -(2 * (t * a1));
          S3[i] = -(2 * (a1 * (a1 - 2 * t2)));
        }
      : activation === 'sigmoid'
        ? sigmoidAt
        : (i, z) => {
            sigmoidAt(i, z);
            S3[i] = S2[i];
            S2[i] = S1[i];
            S1[i] = S0[i];
            S0[i] = Math.max(z, 0) + Math.log(1 + Math.exp(-Math.abs(z)));
          };

  /** wⱼ·x_k for θ in `v` (or ωⱼ·x_k for a direction). */
  const proj = (v: Float64Array, j: number, k: number): number => {
    let s = 0;
    const o = j * d;
    const xo = k * d;
    for (let p = 0; p < d; p++) s += v[o + p] * Xf[xo + p];
    return s;
  };
  /** Makes th, S0..S3 and R those of θ = t, unless they already are (θ compared bit for bit: −0 ≠ +0, NaN never matches). */
  const at = (t: ArrayLike<number>): void => {
    if (fresh) {
      let same = true;
      for (let i = 0; i < dim && same; i++) {
        const a = t[i];
        const b = th[i];
        same = a === b && (a !== 0 || 1 / a === 1 / b);
      }
      if (same) return;
    }
    fresh = false;
    for (let i = 0; i < dim; i++) th[i] = t[i];
    for (let k = 0; k < n; k++) {
      const km = k * m;
      for (let j = 0; j < m; j++) jet(km + j, proj(th, j, k));
      let f = 0;
      for (let j = 0; j < m; j++) f += th[md + j] * S0[km + j];
      R[k] = c * f - Y[k];
    }
    fresh = true;
  };
  /** out += the θ-layout vector with wⱼ-blocks gwv[j]·x_k and a-entries gav[go + j], scaled by c·weight. */
  const assemble = (k: number, gwv: Float64Array, gav: Float64Array, go: number, weight: number): void => {
    const cw = c * weight;
    const xo = k * d;
    for (let j = 0; j < m; j++) {
      const q = cw * gwv[j];
      const o = j * d;
      for (let p = 0; p < d; p++) out[o + p] += q * Xf[xo + p];
      out[md + j] += cw * gav[go + j];
    }
  };
  /** out / N as a fresh array. */
  const scaled = (): number[] => {
    const r = new Array<number>(dim);
    for (let i = 0; i < dim; i++) r[i] = out[i] / N;
    return r;
  };

  const loss = (t: ArrayLike<number>): number => {
    at(t);
    let s = 0;
    for (let k = 0; k < n; k++) s += R[k] * R[k];
    return s / (2 * N);
  };
  /** Σₖ r∇f into out (not divided by n). */
  const gradSum = (t: ArrayLike<number>): void => {
    at(t);
    out.fill(0);
    for (let k = 0; k < n; k++) {
      const km = k * m;
      for (let j = 0; j < m; j++) gw[j] = th[md + j] * S1[km + j];
      assemble(k, gw, S0, km, R[k]);
    }
  };
  const grad = (t: ArrayLike<number>): number[] => {
    gradSum(t);
    return scaled();
  };
  /**
   * Sample k along ev (twoLayer's `directional`): ζ, gw (ga is S0 at k·m), hw, ha, and c·∇f·e and
   * c·eᵀ∇²f e as [ge, ehe].
   */
  const directional = (k: number): [number, number] => {
    const km = k * m;
    for (let j = 0; j < m; j++) zeta[j] = proj(ev, j, k);
    for (let j = 0; j < m; j++) gw[j] = th[md + j] * S1[km + j];
    let ge = 0;
    let ehe = 0;
    for (let j = 0; j < m; j++) {
      const a1 = S1[km + j];
      const aS2 = th[md + j] * S2[km + j];
      const alpha = ev[md + j];
      const z = zeta[j];
      ge += alpha * S0[km + j] + gw[j] * z;
      hw[j] = aS2 * z + a1 * alpha;
      ha[j] = a1 * z;
      ehe += aS2 * (z * z) + 2 * (a1 * alpha * z);
    }
    return [c * ge, c * ehe];
  };
  /** θ = t and e into ev. */
  const along = (t: ArrayLike<number>, e: ArrayLike<number>): void => {
    at(t);
    for (let i = 0; i < dim; i++) ev[i] = e[i];
    out.fill(0);
  };
  const hvp = (t: ArrayLike<number>, e: ArrayLike<number>): number[] => {
    along(t, e);
    for (let k = 0; k < n; k++) {
      const [ge] = directional(k);
      assemble(k, gw, S0, k * m, ge);
      assemble(k, hw, ha, 0, R[k]);
    }
    return scaled();
  };
  const third = (t: ArrayLike<number>, e: ArrayLike<number>): number[] => {
    along(t, e);
    for (let k = 0; k < n; k++) {
      const [ge, ehe] = directional(k);
      const km = k * m;
      assemble(k, hw, ha, 0, 2 * ge);
      assemble(k, gw, S0, km, ehe);
      // ∇³f[e,e]: wⱼ: aⱼσ‴ζ² + 2σ″αζ, aⱼ: σ″ζ².
      for (let j = 0; j < m; j++) {
        const z = zeta[j];
        const z2 = z * z;
        tw[j] = th[md + j] * S3[km + j] * z2 + 2 * (S2[km + j] * ev[md + j] * z);
        ta[j] = S2[km + j] * (z * z);
      }
      assemble(k, tw, ta, 0, R[k]);
    }
    return scaled();
  };
  const hessian = (t: ArrayLike<number>): number[][] => {
    at(t);
    H.fill(0);
    for (let k = 0; k < n; k++) {
      const km = k * m;
      const xo = k * d;
      const r = R[k];
      // ∇f for this sample (with c).
      for (let j = 0; j < m; j++) {
        const q = c * (th[md + j] * S1[km + j]);
        for (let p = 0; p < d; p++) g[j * d + p] = q * Xf[xo + p];
        g[md + j] = c * S0[km + j];
      }
      for (let i = 0; i < dim; i++) {
        const gi = g[i];
        const row = i * dim;
        for (let l = i; l < dim; l++) H[row + l] += gi * g[l];
      }
      // r∇²f: (wⱼ, wⱼ) = c aⱼσ″ⱼ xxᵀ, (wⱼ, aⱼ) = c σ′ⱼ x.
      for (let j = 0; j < m; j++) {
        const ww = r * (c * (th[md + j] * S2[km + j]));
        const wa = r * (c * S1[km + j]);
        for (let p = 0; p < d; p++) {
          const row = (j * d + p) * dim;
          const xp = Xf[xo + p];
          for (let q = p; q < d; q++) H[row + j * d + q] += ww * (xp * Xf[xo + q]);
          H[row + md + j] += wa * xp;
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
