import type { Layer, MlpData } from './mlpSpec.js';

/**
 * The three loops of the float64 MLP passes (forward, backward, parameter gradient), shared by the
 * gradient, the HVP and the third derivative. Activations are feature-major (unit j of every sample
 * contiguous: index j·n + i), so every inner loop runs over the n samples.
 *
 * Each loop takes four weights at a time, so an output element is loaded and stored once per four
 * products instead of once per product (the passes are bound by those loads and stores). The sums
 * are still formed one term at a time in the original order, ((o + w₀a₀) + w₁a₁) + …, so every
 * result is bit-for-bit the one of the term-by-term loop; a block holding a zero weight falls back
 * to that loop, which skips zero weights (0·∞ would otherwise turn an overflowed activation into NaN).
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
    let k = 0;
    for (; k + 4 <= fanIn; k += 4) {
      const w0 = src[row + k];
      const w1 = src[row + k + 1];
      const w2 = src[row + k + 2];
      const w3 = src[row + k + 3];
      if (w0 === 0 || w1 === 0 || w2 === 0 || w3 === 0) {
        for (let m = k; m < k + 4; m++) addScaled(out, o, src[row + m], ain, m * n, n);
        continue;
      }
      const a0 = k * n;
      const a1 = a0 + n;
      const a2 = a1 + n;
      const a3 = a2 + n;
      for (let i = 0; i < n; i++) out[o + i] = out[o + i] + w0 * ain[a0 + i] + w1 * ain[a1 + i] + w2 * ain[a2 + i] + w3 * ain[a3 + i];
    }
    for (; k < fanIn; k++) addScaled(out, o, src[row + k], ain, k * n, n);
  }
}

/** out[o + i] += c·x[x0 + i] for i < n, nothing when c = 0. */
function addScaled(out: Float64Array, o: number, c: number, x: Float64Array, x0: number, n: number): void {
  if (c === 0) return;
  for (let i = 0; i < n; i++) out[o + i] += c * x[x0 + i];
}

/** Wᵀ·δ_l (fanIn × n) into `out`, from weights `src` (θ or a direction); adding when `add`. */
export function backMul(layers: readonly Layer[], n: number, src: Float64Array, l: number, dl: Float64Array, out: Float64Array, add: boolean): void {
  const { fanIn, fanOut, w } = layers[l];
  if (!add) out.fill(0);
  // Row k of the output sums over the units j in increasing order, as a j-outer loop would.
  for (let k = 0; k < fanIn; k++) {
    const a0 = k * n;
    let j = 0;
    for (; j + 4 <= fanOut; j += 4) {
      const w0 = src[w + j * fanIn + k];
      const w1 = src[w + (j + 1) * fanIn + k];
      const w2 = src[w + (j + 2) * fanIn + k];
      const w3 = src[w + (j + 3) * fanIn + k];
      if (w0 === 0 || w1 === 0 || w2 === 0 || w3 === 0) {
        for (let m = j; m < j + 4; m++) addScaled(out, a0, src[w + m * fanIn + k], dl, m * n, n);
        continue;
      }
      const o0 = j * n;
      const o1 = o0 + n;
      const o2 = o1 + n;
      const o3 = o2 + n;
      for (let i = 0; i < n; i++) out[a0 + i] = out[a0 + i] + w0 * dl[o0 + i] + w1 * dl[o1 + i] + w2 * dl[o2 + i] + w3 * dl[o3 + i];
    }
    for (; j < fanOut; j++) addScaled(out, a0, src[w + j * fanIn + k], dl, j * n, n);
  }
}

/**
 * Accumulates into g the parameter gradient of layer l: g_W[j,k] += Σᵢ δ[j,i]·A[k,i] and, when
 * `withBias`, g_b[j] += Σᵢ δ[j,i]. Four k at a time share each load of δ; each sum still runs over i in order.
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
    let k = 0;
    for (; k + 4 <= fanIn; k += 4) {
      const a0 = k * n;
      const a1 = a0 + n;
      const a2 = a1 + n;
      const a3 = a2 + n;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      for (let i = 0; i < n; i++) {
        const d = dl[o + i];
        s0 += d * ain[a0 + i];
        s1 += d * ain[a1 + i];
        s2 += d * ain[a2 + i];
        s3 += d * ain[a3 + i];
      }
      g[row + k] += s0;
      g[row + k + 1] += s1;
      g[row + k + 2] += s2;
      g[row + k + 3] += s3;
    }
    for (; k < fanIn; k++) {
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

/**
 * One zeroed buffer of fanOut × n doubles per layer, in the layout of every pass: for `every` layer;
 * for the `hidden` ones (the output layer, which has no activation, gets an empty buffer); or for
 * the `inputs` of layers 1..D−1, the hidden layers' outputs (layer 0's input is the data).
 */
export function layerBuffers(layers: readonly Layer[], n: number, which: 'every' | 'hidden' | 'inputs'): Float64Array[] {
  const D = layers.length;
  const out: Float64Array[] = [];
  for (let l = 0; l < D; l++) {
    const hidden = l < D - 1;
    if (which === 'inputs' && !hidden) continue;
    out.push(new Float64Array(which === 'every' || hidden ? layers[l].fanOut * n : 0));
  }
  return out;
}
