import type { Layer, MlpData } from './mlpSpec.js';

/**
 * The three loops of the float64 MLP passes (forward, backward, parameter gradient), shared by the
 * gradient, the HVP and the third derivative. Activations are feature-major (unit j of every sample
 * contiguous: index j·n + i), so every inner loop runs over the n samples.
 */

/** Z = W·A + b for layer l (over all samples), from weights `src` (θ or a direction) into `out`, adding when `add`. */
export function affine(
  layers: readonly Layer[],
  n: number,
  src: Float64Array,
  l: number,
  ain: Float64Array,
  out: Float64Array,
  add: boolean,
  withBias: boolean,
): void {
  const { fanIn, fanOut, w, b } = layers[l];
  for (let j = 0; j < fanOut; j++) {
    const o = j * n;
    if (!add) {
      const bj = withBias ? src[b + j] : 0;
      for (let i = 0; i < n; i++) out[o + i] = bj;
    } else if (withBias) {
      const bj = src[b + j];
      for (let i = 0; i < n; i++) out[o + i] += bj;
    }
    const row = w + j * fanIn;
    for (let k = 0; k < fanIn; k++) {
      const wk = src[row + k];
      if (wk === 0) continue;
      const a0 = k * n;
      for (let i = 0; i < n; i++) out[o + i] += wk * ain[a0 + i];
    }
  }
}

/** Wᵀ·δ_l (fanIn × n) into `out`, from weights `src` (θ or a direction); adding when `add`. */
export function backMul(layers: readonly Layer[], n: number, src: Float64Array, l: number, dl: Float64Array, out: Float64Array, add: boolean): void {
  const { fanIn, fanOut, w } = layers[l];
  if (!add) out.fill(0);
  for (let j = 0; j < fanOut; j++) {
    const row = w + j * fanIn;
    const o = j * n;
    for (let k = 0; k < fanIn; k++) {
      const wk = src[row + k];
      if (wk === 0) continue;
      const a0 = k * n;
      for (let i = 0; i < n; i++) out[a0 + i] += wk * dl[o + i];
    }
  }
}

/**
 * Accumulates into g the parameter gradient of layer l: g_W[j,k] += Σᵢ δ[j,i]·A[k,i] and, when
 * `withBias`, g_b[j] += Σᵢ δ[j,i].
 */
export function outer(layers: readonly Layer[], n: number, g: Float64Array, l: number, dl: Float64Array, ain: Float64Array, withBias = true): void {
  const { fanIn, fanOut, w, b } = layers[l];
  for (let j = 0; j < fanOut; j++) {
    const o = j * n;
    if (withBias) {
      let sb = 0;
      for (let i = 0; i < n; i++) sb += dl[o + i];
      g[b + j] += sb;
    }
    const row = w + j * fanIn;
    for (let k = 0; k < fanIn; k++) {
      const a0 = k * n;
      let s = 0;
      for (let i = 0; i < n; i++) s += dl[o + i] * ain[a0 + i];
      g[row + k] += s;
    }
  }
}

/** The inputs feature-major (d × n: feature k of sample i at k·n + i), the layout of every pass. */
export function featureMajorInputs(data: MlpData): Float64Array {
  const { n, inputDim: d } = data;
  const out = new Float64Array(d * n);
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) out[k * n + i] = data.x[i * d + k];
  return out;
}
