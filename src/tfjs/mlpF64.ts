import { rng, type Rng } from '../numerics/rng.js';

/**
 * A float64 reference for fully connected networks on flat Float64Arrays: loss, exact gradient by
 * backpropagation and exact Hessian-vector product by Pearlmutter's R-operator (forward-over-reverse
 * in closed form). It has no tfjs import: it is the oracle the tfjs core is checked against, and the
 * engine of the float64 network claims (docs/claims/cohen.md M-MLP).
 *
 * Network: x ∈ Rᵈ → h₁ = σ(W₁x + b₁) → … → h_D = σ(W_D h_{D−1} + b_D) → f = W_out·h_D + b_out ∈ Rᵏ
 * (k = `outputDim`, default 1).
 * Loss: L(θ) = (1/2n)·Σᵢ ‖f(xᵢ) − yᵢ‖² (½·mean of squared residuals, as in Cohen et al.'s code), or
 * with `loss: 'cross-entropy'` (k ≥ 2, yᵢ one-hot or any probability vector) the softmax cross-entropy
 * L(θ) = (1/n)·Σᵢ (log Σⱼ exp fⱼ(xᵢ) − yᵢ·f(xᵢ)).
 *
 * Parameter layout of θ (flat): for each layer in order (hidden layers, then the output layer),
 * its weight matrix row-major (out × in), then its bias (out). So θ = [W₁, b₁, …, W_D, b_D, w_out, b_out].
 */

export type Activation = 'tanh' | 'relu' | 'softplus' | 'linear' | 'sigmoid';

export const ACTIVATIONS: readonly Activation[] = Object.freeze(['tanh', 'relu', 'softplus', 'linear', 'sigmoid']);

export interface MlpSpec {
  /** Input dimension d ≥ 1. */
  readonly inputDim: number;
  /** Hidden widths, one per hidden layer (depth ≥ 1). */
  readonly widths: readonly number[];
  readonly activation: Activation;
  /** Output units k (default 1). */
  readonly outputDim?: number;
  /** Default 'mse'; 'cross-entropy' needs outputDim ≥ 2. */
  readonly loss?: 'mse' | 'cross-entropy';
}

/** A data set: n inputs row-major (n × d) and n labels (row-major n × k for k outputs; scalars for k = 1). */
export interface MlpData {
  readonly n: number;
  readonly inputDim: number;
  readonly x: Float64Array;
  readonly y: Float64Array;
}

/** The network bound to a data set. Every method reads θ (and v) without modifying them. */
export interface MlpF64 {
  readonly spec: MlpSpec;
  readonly data: MlpData;
  /** Number of parameters p. */
  readonly dim: number;
  loss(theta: Float64Array): number;
  /** Writes ∇L(θ) into `out` (allocated when omitted) and returns L(θ). */
  lossAndGrad(theta: Float64Array, out: Float64Array): number;
  grad(theta: Float64Array, out?: Float64Array): Float64Array;
  /** ∇²L(θ)·v, exact (R-operator), into `out` (allocated when omitted). */
  hvp(theta: Float64Array, v: Float64Array, out?: Float64Array): Float64Array;
  /** Network outputs f(xᵢ), i = 0..n−1 (row-major n × k when outputDim k > 1). */
  outputs(theta: Float64Array, out?: Float64Array): Float64Array;
}

interface Layer {
  readonly fanIn: number;
  readonly fanOut: number;
  /** Offset of W (fanOut × fanIn, row-major) in θ; the bias follows at w + fanIn·fanOut. */
  readonly w: number;
  readonly b: number;
}

function checkSpec(spec: MlpSpec): void {
  const posInt = (k: number) => Number.isInteger(k) && k >= 1;
  if (!posInt(spec.inputDim)) throw new RangeError(`mlpF64: inputDim must be a positive integer, got ${spec.inputDim}`);
  if (!Array.isArray(spec.widths) || spec.widths.length < 1 || !spec.widths.every(posInt)) {
    throw new RangeError(`mlpF64: widths must list at least one positive integer width, got ${JSON.stringify(spec.widths)}`);
  }
  if (!ACTIVATIONS.includes(spec.activation)) throw new RangeError(`mlpF64: activation must be one of ${ACTIVATIONS.join(', ')}, got ${String(spec.activation)}`);
  if (spec.outputDim !== undefined && !posInt(spec.outputDim)) throw new RangeError(`mlpF64: outputDim must be a positive integer, got ${spec.outputDim}`);
  if (spec.loss !== undefined && spec.loss !== 'mse' && spec.loss !== 'cross-entropy') throw new RangeError(`mlpF64: loss must be 'mse' or 'cross-entropy', got ${String(spec.loss)}`);
  if (spec.loss === 'cross-entropy' && (spec.outputDim ?? 1) < 2) throw new RangeError('mlpF64: cross-entropy needs outputDim ≥ 2 (one output per class)');
}

function layersOf(spec: MlpSpec): Layer[] {
  checkSpec(spec);
  const sizes = [spec.inputDim, ...spec.widths, spec.outputDim ?? 1];
  const layers: Layer[] = [];
  let off = 0;
  for (let l = 1; l < sizes.length; l++) {
    const fanIn = sizes[l - 1];
    const fanOut = sizes[l];
    layers.push({ fanIn, fanOut, w: off, b: off + fanIn * fanOut });
    off += fanIn * fanOut + fanOut;
  }
  return layers;
}

/** Number of parameters: Σ over layers of (fan_in + 1)·fan_out. 8-32-1 has 321. */
export function mlpParamCount(spec: MlpSpec): number {
  const L = layersOf(spec);
  const last = L[L.length - 1];
  return last.b + last.fanOut;
}

/**
 * σ, σ′ and σ″ at z into the three slots of `out` (σ″ is needed by the R-operator; ReLU's is 0
 * away from the kink, and its σ′(0) is taken as 0).
 */
type Act = (z: number, out: Float64Array) => void;

function activationOf(a: Activation): Act {
  switch (a) {
    case 'tanh':
      return (z, o) => {
        const t = Math.tanh(z);
        const d = 1 - t * t;
        o[0] = t;
        o[1] = d;
        o[2] = -2 * t * d;
      };
    case 'relu':
      return (z, o) => {
        o[0] = z > 0 ? z : 0;
        o[1] = z > 0 ? 1 : 0;
        o[2] = 0;
      };
    case 'softplus':
      return (z, o) => {
        // log(1 + eᶻ) without overflow; σ′ = sigmoid(z), σ″ = s(1 − s).
        const e = Math.exp(-Math.abs(z));
        o[0] = Math.max(z, 0) + Math.log1p(e);
        const s = z >= 0 ? 1 / (1 + e) : e / (1 + e);
        o[1] = s;
        o[2] = s * (1 - s);
      };
    case 'linear':
      return (z, o) => {
        o[0] = z;
        o[1] = 1;
        o[2] = 0;
      };
    case 'sigmoid':
      return (z, o) => {
        // s = 1/(1 + e⁻ᶻ) without overflow; σ′ = s(1 − s), σ″ = s(1 − s)(1 − 2s).
        const e = Math.exp(-Math.abs(z));
        const s = z >= 0 ? 1 / (1 + e) : e / (1 + e);
        o[0] = s;
        o[1] = s * (1 - s);
        o[2] = s * (1 - s) * (1 - 2 * s);
      };
  }
}

/**
 * Binds a network to a data set. All work buffers are allocated here, once: loss, gradient and HVP
 * allocate nothing unless `out` is omitted. Activations are stored feature-major (unit j of every
 * sample contiguous), so every inner loop runs over the n samples. The forward pass (z, σ(z), σ′,
 * σ″) is cached against a copy of θ, so the HVPs of a Lanczos run at one point pay for it once.
 */
export function createMlpF64(spec: MlpSpec, data: MlpData): MlpF64 {
  const layers = layersOf(spec);
  const p = mlpParamCount(spec);
  const D = layers.length; // hidden layers + output layer
  if (data.inputDim !== spec.inputDim) throw new RangeError(`mlpF64: the data has inputDim ${data.inputDim}, the network ${spec.inputDim}`);
  const k = spec.outputDim ?? 1;
  const ce = spec.loss === 'cross-entropy';
  if (!(Number.isInteger(data.n) && data.n >= 1) || data.x.length !== data.n * data.inputDim || data.y.length !== data.n * k) {
    throw new RangeError(`mlpF64: data must have n ≥ 1 rows: x of length n·d = ${data.n * data.inputDim} and y of length n${k > 1 ? '·k' : ''} = ${data.n * k}`);
  }
  const act = activationOf(spec.activation);
  const n = data.n;
  const d = spec.inputDim;
  // A[l]: input of layer l, feature-major (fanIn × n); A[0] is the data transposed. For hidden
  // layer l: Z[l] pre-activations, S1[l] = σ′(Z[l]), S2[l] = σ″(Z[l]) (fanOut × n), and A[l + 1] = σ(Z[l]).
  // RA/RZ: their R-images along v; DL/RDL: ∂ℓ/∂z and its R-image, with ℓ the per-sample loss
  // summed (δ already carries the 1/n).
  const A: Float64Array[] = [new Float64Array(d * n)];
  for (let i = 0; i < n; i++) for (let k = 0; k < d; k++) A[0][k * n + i] = data.x[i * d + k];
  const RA: Float64Array[] = [new Float64Array(0)];
  const Z: Float64Array[] = [];
  const RZ: Float64Array[] = [];
  const S1: Float64Array[] = [];
  const S2: Float64Array[] = [];
  const DL: Float64Array[] = [];
  const RDL: Float64Array[] = [];
  for (let l = 0; l < D; l++) {
    const size = layers[l].fanOut * n;
    Z.push(new Float64Array(size));
    RZ.push(new Float64Array(size));
    S1.push(new Float64Array(l < D - 1 ? size : 0));
    S2.push(new Float64Array(l < D - 1 ? size : 0));
    DL.push(new Float64Array(size));
    RDL.push(new Float64Array(size));
    if (l < D - 1) {
      A.push(new Float64Array(size));
      RA.push(new Float64Array(size));
    }
  }
  const tmp = new Float64Array(3);
  const cached = new Float64Array(p);
  let valid = false;

  const checkTheta = (theta: Float64Array, what = 'θ'): void => {
    if (theta.length !== p) throw new RangeError(`mlpF64: ${what} has ${theta.length} entries, expected ${p}`);
  };

  /** Z = W·A + b for layer l (over all samples), from weights `w` (θ or v) into `out`, adding when `add`. */
  const affine = (src: Float64Array, l: number, ain: Float64Array, out: Float64Array, add: boolean, withBias: boolean): void => {
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
  };

  /** The forward pass at θ (skipped when θ is the cached point). */
  const forward = (theta: Float64Array): void => {
    if (valid) {
      let same = true;
      for (let k = 0; k < p; k++) {
        if (cached[k] !== theta[k]) {
          same = false;
          break;
        }
      }
      if (same) return;
    }
    valid = false;
    for (let l = 0; l < D; l++) {
      affine(theta, l, A[l], Z[l], false, true);
      if (l < D - 1) {
        const z = Z[l];
        const a = A[l + 1];
        const s1 = S1[l];
        const s2 = S2[l];
        for (let q = 0; q < z.length; q++) {
          act(z[q], tmp);
          a[q] = tmp[0];
          s1[q] = tmp[1];
          s2[q] = tmp[2];
        }
      }
    }
    cached.set(theta);
    valid = true;
  };

  /** Wᵀ·δ_l (fanIn × n) into `out`, from weights `src` (θ or v); adding when `add`. */
  const backMul = (src: Float64Array, l: number, dl: Float64Array, out: Float64Array, add: boolean): void => {
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
  };

  /** Accumulates into g the parameter gradient of layer l: g_W[j,k] += Σᵢ δ[j,i]·A[k,i], g_b[j] += Σᵢ δ[j,i]. */
  const outer = (g: Float64Array, l: number, dl: Float64Array, ain: Float64Array): void => {
    const { fanIn, fanOut, w, b } = layers[l];
    for (let j = 0; j < fanOut; j++) {
      const o = j * n;
      let sb = 0;
      for (let i = 0; i < n; i++) sb += dl[o + i];
      g[b + j] += sb;
      const row = w + j * fanIn;
      for (let k = 0; k < fanIn; k++) {
        const a0 = k * n;
        let s = 0;
        for (let i = 0; i < n; i++) s += dl[o + i] * ain[a0 + i];
        g[row + k] += s;
      }
    }
  };

  /** Outputs row-major (n × k); for k = 1 the n outputs. */
  const outputs = (theta: Float64Array, out = new Float64Array(n * k)): Float64Array => {
    checkTheta(theta);
    forward(theta);
    const f = Z[D - 1];
    for (let i = 0; i < n; i++) for (let j = 0; j < k; j++) out[i * k + j] = f[j * n + i];
    return out;
  };

  // Softmax of the outputs (k × n, feature-major), for cross-entropy.
  const P = new Float64Array(ce ? k * n : 0);

  /** The loss at the cached forward pass; for cross-entropy also fills P. */
  const residualLoss = (): number => {
    const f = Z[D - 1];
    const y = data.y;
    let s = 0;
    if (!ce) {
      for (let j = 0; j < k; j++) {
        for (let i = 0; i < n; i++) {
          const r = f[j * n + i] - y[i * k + j];
          s += r * r;
        }
      }
      return s / (2 * n);
    }
    for (let i = 0; i < n; i++) {
      let m = -Infinity;
      for (let j = 0; j < k; j++) m = Math.max(m, f[j * n + i]);
      let e = 0;
      for (let j = 0; j < k; j++) {
        const q = Math.exp(f[j * n + i] - m);
        P[j * n + i] = q;
        e += q;
      }
      let yf = 0;
      for (let j = 0; j < k; j++) {
        P[j * n + i] /= e;
        yf += y[i * k + j] * f[j * n + i];
      }
      s += m + Math.log(e) - yf;
    }
    return s / n;
  };

  /** ∂ℓ/∂f (k × n) into `top`: (f − y)/n for MSE, (softmax(f) − y)/n for cross-entropy (P filled by residualLoss). */
  const topDelta = (top: Float64Array): void => {
    const f = Z[D - 1];
    const y = data.y;
    const src = ce ? P : f;
    for (let j = 0; j < k; j++) for (let i = 0; i < n; i++) top[j * n + i] = (src[j * n + i] - y[i * k + j]) / n;
  };

  const loss = (theta: Float64Array): number => {
    checkTheta(theta);
    forward(theta);
    return residualLoss();
  };

  const lossAndGrad = (theta: Float64Array, out: Float64Array): number => {
    checkTheta(theta);
    checkTheta(out, 'the gradient buffer');
    forward(theta);
    out.fill(0);
    const L = residualLoss();
    topDelta(DL[D - 1]);
    for (let l = D - 1; l >= 0; l--) {
      outer(out, l, DL[l], A[l]);
      if (l > 0) {
        // δ_{l−1} = σ′(z_{l−1}) ⊙ Wᵀδ_l
        const dp = DL[l - 1];
        backMul(theta, l, DL[l], dp, false);
        const s1 = S1[l - 1];
        for (let q = 0; q < dp.length; q++) dp[q] *= s1[q];
      }
    }
    return L;
  };

  const hvp = (theta: Float64Array, v: Float64Array, out = new Float64Array(p)): Float64Array => {
    checkTheta(theta);
    checkTheta(v, 'v');
    checkTheta(out, 'the output buffer');
    forward(theta);
    // R-forward: R(z_l) = V_l·a_l + W_l·R(a_l) + R(b_l), R(a_{l+1}) = σ′(z_l) ⊙ R(z_l); R(a₀) = 0.
    for (let l = 0; l < D; l++) {
      affine(v, l, A[l], RZ[l], false, true);
      if (l > 0) affine(theta, l, RA[l], RZ[l], true, false);
      if (l < D - 1) {
        const rz = RZ[l];
        const ra = RA[l + 1];
        const s1 = S1[l];
        for (let q = 0; q < rz.length; q++) ra[q] = s1[q] * rz[q];
      }
    }
    // Backward with its R-image. MSE: ℓ = Σᵢ‖rᵢ‖²/(2n), so δ_out = r/n and R(δ_out) = R(f)/n.
    // Cross-entropy: δ_out = (p − y)/n and R(δ_out) = (diag(p) − ppᵀ)·R(f)/n per sample.
    residualLoss();
    topDelta(DL[D - 1]);
    const rtop = RDL[D - 1];
    const rf = RZ[D - 1];
    if (!ce) {
      for (let q = 0; q < k * n; q++) rtop[q] = rf[q] / n;
    } else {
      for (let i = 0; i < n; i++) {
        let pr = 0;
        for (let j = 0; j < k; j++) pr += P[j * n + i] * rf[j * n + i];
        for (let j = 0; j < k; j++) rtop[j * n + i] = (P[j * n + i] * (rf[j * n + i] - pr)) / n;
      }
    }
    out.fill(0);
    for (let l = D - 1; l >= 0; l--) {
      // R(∂ℓ/∂W_l) = Rδ_l·a_lᵀ + δ_l·R(a_l)ᵀ, R(∂ℓ/∂b_l) = Σᵢ Rδ_l.
      outer(out, l, RDL[l], A[l]);
      if (l > 0) {
        const { fanIn, fanOut, w } = layers[l];
        const dl = DL[l];
        const ra = RA[l];
        for (let j = 0; j < fanOut; j++) {
          const o = j * n;
          const row = w + j * fanIn;
          for (let k = 0; k < fanIn; k++) {
            const a0 = k * n;
            let s = 0;
            for (let i = 0; i < n; i++) s += dl[o + i] * ra[a0 + i];
            out[row + k] += s;
          }
        }
        // δ_{l−1} = σ′ ⊙ Wᵀδ;  Rδ_{l−1} = σ″ ⊙ R(z) ⊙ Wᵀδ + σ′ ⊙ (Vᵀδ + WᵀRδ).
        const dp = DL[l - 1];
        const rdp = RDL[l - 1];
        backMul(theta, l, dl, dp, false);
        backMul(v, l, dl, rdp, false);
        backMul(theta, l, RDL[l], rdp, true);
        const s1 = S1[l - 1];
        const s2 = S2[l - 1];
        const rz = RZ[l - 1];
        for (let q = 0; q < dp.length; q++) {
          const wd = dp[q];
          rdp[q] = s2[q] * rz[q] * wd + s1[q] * rdp[q];
          dp[q] = s1[q] * wd;
        }
      }
    }
    return out;
  };

  return {
    spec: Object.freeze({
      inputDim: spec.inputDim, widths: Object.freeze([...spec.widths]), activation: spec.activation,
      ...(spec.outputDim !== undefined ? { outputDim: spec.outputDim } : {}), ...(spec.loss !== undefined ? { loss: spec.loss } : {}),
    }),
    data,
    dim: p,
    loss,
    lossAndGrad,
    grad: (theta, out = new Float64Array(p)) => (lossAndGrad(theta, out), out),
    hvp,
    outputs,
  };
}

/** Seeded initialisation (docs/claims/cohen.md): every weight ~ N(0, 1/fan_in), every bias 0. */
export function initMlpF64(spec: MlpSpec, seed: number): Float64Array {
  const layers = layersOf(spec);
  const theta = new Float64Array(mlpParamCount(spec));
  const r = rng(seed);
  for (const { fanIn, fanOut, w } of layers) {
    const sd = 1 / Math.sqrt(fanIn);
    for (let k = 0; k < fanIn * fanOut; k++) theta[w + k] = sd * r.normal();
  }
  return theta;
}

function gaussianInputs(r: Rng, n: number, d: number): Float64Array {
  const x = new Float64Array(n * d);
  for (let k = 0; k < n * d; k++) x[k] = r.normal();
  return x;
}

function checkSize(n: number, d: number): void {
  if (!(Number.isInteger(n) && n >= 1)) throw new RangeError(`mlpF64: n must be a positive integer, got ${n}`);
  if (!(Number.isInteger(d) && d >= 1)) throw new RangeError(`mlpF64: inputDim must be a positive integer, got ${d}`);
}

/** n standard Gaussian inputs in Rᵈ with independent N(0, 1) labels (a task with nothing to learn but memorisation). */
export function randomLabelData(inputDim: number, n: number, seed: number): MlpData {
  checkSize(n, inputDim);
  const r = rng(seed);
  const x = gaussianInputs(r, n, inputDim);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) y[i] = r.normal();
  return { n, inputDim, x, y };
}

/**
 * n standard Gaussian inputs labelled by a teacher network (the given spec, initialised by
 * initMlpF64 with `teacherSeed`): an easy, realisable task.
 */
export function teacherData(teacher: MlpSpec, n: number, seed: number, teacherSeed: number): MlpData {
  checkSize(n, teacher.inputDim);
  const r = rng(seed);
  const x = gaussianInputs(r, n, teacher.inputDim);
  const data: MlpData = { n, inputDim: teacher.inputDim, x, y: new Float64Array(n) };
  const net = createMlpF64(teacher, data);
  net.outputs(initMlpF64(teacher, teacherSeed), data.y);
  return data;
}
