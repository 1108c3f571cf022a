import { rng, type Rng } from '../numerics/rng.js';
import { affine, backMul, featureMajorInputs, layerBuffers, outer } from './mlpKernels.js';
import { activationFillOf, layersOf, mlpParamCount, type MlpData, type MlpSpec } from './mlpSpec.js';
import { createMlpThird } from './mlpThird.js';

export { ACTIVATIONS, mlpParamCount, type Activation, type MlpData, type MlpSpec } from './mlpSpec.js';

/**
 * A float64 reference for fully connected networks on flat Float64Arrays: loss, exact gradient by
 * backpropagation, exact Hessian-vector product by Pearlmutter's R-operator (forward-over-reverse
 * in closed form) and exact ∇³L[u,u] (second-order Taylor coefficients, mlpThird.ts). It has no tfjs import: it is the oracle the tfjs core is checked against, and the
 * engine of the float64 network claims (docs/claims/cohen.md M-MLP).
 *
 * Network: x ∈ Rᵈ → h₁ = σ(W₁x + b₁) → … → h_D = σ(W_D h_{D−1} + b_D) → f = W_out·h_D + b_out ∈ Rᵏ
 * (k = `outputDim`, default 1).
 * Loss: L(θ) = (1/2n)·Σᵢ ‖f(xᵢ) − yᵢ‖² (½·mean of squared residuals, as in Cohen et al.'s code), or
 * with `loss: 'cross-entropy'` (k ≥ 2, yᵢ one-hot or any probability vector) the softmax cross-entropy
 * L(θ) = (1/n)·Σᵢ (log Σⱼ exp fⱼ(xᵢ) − yᵢ·f(xᵢ)).
 *
 * Parameter layout of θ (flat): see mlpSpec.ts.
 */

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
  /**
   * ∇³L(θ)[u,u] = ∇_θ(uᵀ∇²L(θ)u), exact, into `out` (allocated when omitted); for a simple top
   * eigenpair (λ, u) of ∇²L it is ∇λ. ReLU's σ″ and σ‴ are taken as 0 (exact away from the kinks).
   */
  third(theta: Float64Array, u: Float64Array, out?: Float64Array): Float64Array;
  /** Network outputs f(xᵢ), i = 0..n−1 (row-major n × k when outputDim k > 1). */
  outputs(theta: Float64Array, out?: Float64Array): Float64Array;
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
    throw new RangeError(
      `mlpF64: data must have n ≥ 1 rows: x of length n·d = ${data.n * data.inputDim} and y of length n${k > 1 ? '·k' : ''} = ${data.n * k}`,
    );
  }
  const fill = activationFillOf(spec.activation);
  const n = data.n;
  // A[l]: input of layer l, feature-major (fanIn × n); A[0] is the data transposed. For hidden
  // layer l: Z[l] pre-activations, S1[l] = σ′(Z[l]), S2[l] = σ″(Z[l]) (fanOut × n), and A[l + 1] = σ(Z[l]).
  // RA/RZ: their R-images along v; DL/RDL: ∂ℓ/∂z and its R-image, with ℓ the per-sample loss
  // summed (δ already carries the 1/n).
  const A = [featureMajorInputs(data), ...layerBuffers(layers, n, 'inputs')];
  const RA = [new Float64Array(0), ...layerBuffers(layers, n, 'inputs')];
  const [Z, RZ, DL, RDL] = [0, 1, 2, 3].map(() => layerBuffers(layers, n, 'every'));
  const [S1, S2] = [0, 1].map(() => layerBuffers(layers, n, 'hidden'));
  const cached = new Float64Array(p);
  let valid = false;

  const checkTheta = (theta: Float64Array, what = 'θ'): void => {
    if (theta.length !== p) throw new RangeError(`mlpF64: ${what} has ${theta.length} entries, expected ${p}`);
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
      affine(layers, n, theta, l, A[l], Z[l], false, true);
      if (l < D - 1) fill(Z[l], A[l + 1], S1[l], S2[l]);
    }
    cached.set(theta);
    valid = true;
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
      outer(layers, n, out, l, DL[l], A[l]);
      if (l > 0) {
        // δ_{l−1} = σ′(z_{l−1}) ⊙ Wᵀδ_l
        const dp = DL[l - 1];
        backMul(layers, n, theta, l, DL[l], dp, false);
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
      affine(layers, n, v, l, A[l], RZ[l], false, true);
      if (l > 0) affine(layers, n, theta, l, RA[l], RZ[l], true, false);
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
      outer(layers, n, out, l, RDL[l], A[l]);
      if (l > 0) {
        const dl = DL[l];
        outer(layers, n, out, l, dl, RA[l], false);
        // δ_{l−1} = σ′ ⊙ Wᵀδ;  Rδ_{l−1} = σ″ ⊙ R(z) ⊙ Wᵀδ + σ′ ⊙ (Vᵀδ + WᵀRδ).
        const dp = DL[l - 1];
        const rdp = RDL[l - 1];
        backMul(layers, n, theta, l, dl, dp, false);
        backMul(layers, n, v, l, dl, rdp, false);
        backMul(layers, n, theta, l, RDL[l], rdp, true);
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

  /** Built on the first ∇³L[u,u] (its buffers are three times the HVP's). */
  let third: ReturnType<typeof createMlpThird> | undefined;

  return {
    spec: Object.freeze({
      inputDim: spec.inputDim,
      widths: Object.freeze([...spec.widths]),
      activation: spec.activation,
      ...(spec.outputDim !== undefined ? { outputDim: spec.outputDim } : {}),
      ...(spec.loss !== undefined ? { loss: spec.loss } : {}),
    }),
    data,
    dim: p,
    loss,
    lossAndGrad,
    grad: (theta, out = new Float64Array(p)) => (lossAndGrad(theta, out), out),
    hvp,
    third: (theta, u, out = new Float64Array(p)) => {
      checkTheta(theta);
      checkTheta(u, 'u');
      checkTheta(out, 'the output buffer');
      third ??= createMlpThird(spec, data, layers);
      return third(theta, u, out);
    },
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
