import { lanczos } from '../spectral/lanczos.js';
import { createCnnTf, initCnnTf } from './cnnTf.js';
import { makeTfDataset, type TfDatasetName } from './makeTfDataset.js';
import { createMlpF64 } from './mlpF64.js';
import { createMlpTf, initMlpTf, type MlpTfSpec } from './mlpTf.js';
import type { TfActivation } from './secondOrderActivations.js';
import { selectBackend, type BackendName } from './selectBackend.js';
import { sharpnessTf, type HvpMethod } from './sharpnessTf.js';
import { roundToF32 } from './tfDataset.js';
import { tf } from './tfjs.js';
import type { TfLoss, TfModel } from './tfModel.js';
import { trainTf, type TfOptimizer } from './trainTf.js';

/** What `eoscheck trace --model mlp|cnn` needs (each field a `--param` or a trace option). */
export interface TraceNetworkOptions {
  /** Default `mlp`. */
  readonly model?: 'mlp' | 'cnn';
  /** Hidden width of every layer (mlp), or the number of filters (cnn). */
  readonly width: number;
  /** Hidden layers (mlp; ignored by the cnn). */
  readonly depth: number;
  readonly activation: TfActivation;
  readonly dataset: TfDatasetName;
  readonly n: number;
  /** Seed of the initialisation; the data set uses `dataSeed` (default seed + 1). */
  readonly seed: number;
  readonly dataSeed?: number;
  /** Input dimension of the synthetic sets (default 8). */
  readonly inputDim?: number;
  readonly classes?: number;
  /** Side of the pooled digit images (default 7; the cnn wants ≥ 7). */
  readonly side?: number;
  /** Default `mse` (one-hot targets on classification sets). */
  readonly loss?: TfLoss;
  /** Default: tensorflow if @tensorflow/tfjs-node is installed, else wasm, else cpu. */
  readonly backend?: BackendName;
  readonly optimizer: TfOptimizer;
  readonly lr: number;
  /** Momentum β (default 0.9). */
  readonly beta?: number;
  /** L* of sqrt-gd (default 0). */
  readonly lstar?: number;
  readonly steps: number;
  /** Record (and measure the sharpness) every `every` steps; t = 0 and t = steps included. */
  readonly every: number;
  /** Default `nested`. */
  readonly hvp?: HvpMethod;
  /** Lanczos steps per measurement (default 60; warm-started from the previous top eigenvector). */
  readonly lanczosIter?: number;
  /**
   * Also compute the sharpness with the float64 reference (mlpF64, exact R-operator HVP) at every
   * `f64Every`-th recorded step (0 = never, the default). MLP only (any outputs, MSE or cross-entropy).
   */
  readonly f64Every?: number;
  /** Include θ_t (float32 values as numbers) in each record (default false: networks have thousands of parameters). */
  readonly recordTheta?: boolean;
}

/** One recorded step. */
export interface TraceNetworkRecord {
  readonly t: number;
  /** L(θ_t), float32. */
  readonly loss: number;
  /** λ_max(∇²L(θ_t)) by Lanczos over float32 HVPs. */
  readonly sharpness: number;
  readonly gradNorm: number;
  /** The stability edge of the optimizer at this step: 2/η (gd), (2 + 2β)/η (momentum), 2/η_eff (ngd, sqrt-gd). */
  readonly edge: number;
  /** Measured Lanczos residual ‖Hv − λv‖ of the top pair, and whether it met the tolerance. */
  readonly residual: number;
  readonly converged: boolean;
  /** The float64 reference's sharpness at the same (float32) θ, when requested. */
  readonly sharpnessF64?: number;
  /** θ_t, with `recordTheta`. */
  readonly theta?: number[];
}

export interface TraceNetworkEvent {
  readonly t: number;
  readonly kind: 'edge-crossed' | 'edge-returned' | 'diverged';
  readonly [key: string]: number | string;
}

export interface TraceNetworkResult {
  readonly model: 'mlp' | 'cnn';
  readonly label: string;
  /** The tfjs backend the run used. */
  readonly backend: BackendName;
  readonly precision: 'f32';
  readonly dim: number;
  readonly optimizer: TfOptimizer;
  readonly lr: number;
  /** The optimizer's parameters as text: `beta` (momentum), `lstar` (sqrt-gd). */
  readonly optimizerParams: Readonly<Record<string, string>>;
  /** The network's parameters as text (width, depth, activation, dataset, n, seed, dataSeed, …), what a replay needs. */
  readonly modelParams: Readonly<Record<string, string>>;
  readonly every: number;
  readonly diverged: boolean;
  readonly steps: TraceNetworkRecord[];
  /** L(θ_t) at every step t = 0..steps (until divergence), for monotonicity tests. */
  readonly losses: number[];
  readonly events: TraceNetworkEvent[];
  /** tf.memory().numTensors before the run and after it (equal: no leak). */
  readonly tensors: { readonly before: number; readonly after: number };
}

function buildModel(o: TraceNetworkOptions): { model: TfModel; theta0: Float32Array; f64?: ReturnType<typeof createMlpF64> } {
  const dataSeed = o.dataSeed ?? o.seed + 1;
  const data = makeTfDataset({
    dataset: o.dataset,
    n: o.n,
    seed: dataSeed,
    ...(o.inputDim !== undefined ? { inputDim: o.inputDim } : {}),
    ...(o.classes !== undefined ? { classes: o.classes } : {}),
    ...(o.side !== undefined ? { side: o.side } : {}),
  });
  const loss = o.loss ?? 'mse';
  if (o.model === 'cnn') {
    if ((o.f64Every ?? 0) > 0) throw new RangeError('traceNetwork: f64Every needs model mlp (there is no float64 reference CNN)');
    const spec = { channels: o.width, activation: o.activation, loss };
    return { model: createCnnTf(spec, data), theta0: initCnnTf(spec, data, o.seed) };
  }
  if (!(Number.isInteger(o.depth) && o.depth >= 1 && Number.isInteger(o.width) && o.width >= 1)) {
    throw new RangeError(`traceNetwork: width and depth must be positive integers, got ${o.width}, ${o.depth}`);
  }
  const spec: MlpTfSpec = {
    inputDim: data.inputDim,
    widths: Array.from({ length: o.depth }, () => o.width),
    activation: o.activation,
    outputDim: data.outputDim,
    loss,
  };
  const model = createMlpTf(spec, data);
  const theta0 = initMlpTf(spec, o.seed);
  if ((o.f64Every ?? 0) > 0) {
    // Every tfjs activation has a float64 reference (networkNames.ts takes the list from mlpF64).
    const f64 = createMlpF64(spec, { n: data.n, inputDim: data.inputDim, x: roundToF32(data.x), y: roundToF32(data.y) });
    return { model, theta0, f64 };
  }
  return { model, theta0 };
}

/**
 * Trains a network full-batch on the chosen tfjs backend and returns what `trace` prints: one record
 * every `every` steps (loss, sharpness by warm-started Lanczos, ‖∇L‖, the edge), edge events, and
 * the backend used. Float32 throughout: the sharpness can be checked against the float64 reference
 * with `f64Every`; a float32 run never decides a claim alone.
 */
export async function traceNetwork(o: TraceNetworkOptions): Promise<TraceNetworkResult> {
  if (!(Number.isInteger(o.steps) && o.steps >= 0 && Number.isInteger(o.every) && o.every >= 1)) {
    throw new RangeError(`traceNetwork: steps must be an integer ≥ 0 and every an integer ≥ 1, got ${o.steps}, ${o.every}`);
  }
  const backend = await selectBackend(o.backend);
  const before = tf.memory().numTensors;
  const { model, theta0, f64 } = buildModel(o);
  const trainer = trainTf(model, theta0, {
    optimizer: o.optimizer,
    lr: o.lr,
    ...(o.beta !== undefined ? { beta: o.beta } : {}),
    ...(o.lstar !== undefined ? { lstar: o.lstar } : {}),
  });
  const beta = o.beta ?? 0.9;
  const records: TraceNetworkRecord[] = [];
  const losses: number[] = [];
  const events: TraceNetworkEvent[] = [];
  let start: number[] | undefined;
  let f64Start: number[] | undefined;
  let above = false;
  let crossed = false;
  let returned = false;
  let diverged = false;
  const f64Every = o.f64Every ?? 0;
  try {
    for (let t = 0; t <= o.steps; t++) {
      const record = t % o.every === 0 || t === o.steps;
      let loss: number;
      let gradNorm: number;
      let eff: number;
      let sharp: ReturnType<typeof sharpnessTf> | undefined;
      let sF64: number | undefined;
      // Lanczos on a non-finite θ would be meaningless: check before measuring (other steps are
      // caught by their non-finite loss).
      if (record && tf.tidy(() => tf.all(tf.isFinite(trainer.theta)).dataSync()[0]) !== 1) {
        diverged = true;
        events.push({ t, kind: 'diverged', loss: Number.NaN });
        break;
      }
      const theta = record && o.recordTheta === true ? Array.from(trainer.thetaArray()) : undefined;
      if (record) {
        sharp = sharpnessTf(model, trainer.theta, {
          maxIter: o.lanczosIter ?? 60,
          ...(o.hvp !== undefined ? { hvp: o.hvp } : {}),
          ...(start !== undefined ? { start } : {}),
        });
        start = sharp.vectors[0];
        if (f64 !== undefined && records.length % f64Every === 0) {
          const th = Float64Array.from(trainer.thetaArray());
          const buf = new Float64Array(f64.dim);
          const r = lanczos((v) => Array.from(f64.hvp(th, Float64Array.from(v), buf)), f64.dim, {
            k: 1,
            tol: 1e-8,
            maxIter: Math.min(f64.dim, 200),
            start: f64Start ?? start,
          });
          f64Start = r.vectors[0];
          sF64 = r.values[0];
        }
      }
      // The sharpness is measured at θ_t before the step; the last point is evaluated, not stepped from.
      if (t < o.steps) {
        const s = trainer.step();
        loss = s.loss;
        gradNorm = s.gradNorm;
        eff = s.effectiveLr;
      } else {
        const s = tf.tidy(() => {
          const { value, grad } = tf.valueAndGrad((x: tf.Tensor) => model.lossAt(x))(trainer.theta);
          return tf.stack([value, tf.norm(grad)]).dataSync();
        });
        loss = s[0];
        gradNorm = s[1];
        const gap = loss - (o.lstar ?? 0);
        eff = o.optimizer === 'ngd' ? (gradNorm > 0 ? o.lr / gradNorm : 0) : o.optimizer === 'sqrt-gd' ? (gap > 0 ? o.lr / (2 * Math.sqrt(gap)) : 0) : o.lr;
      }
      losses.push(loss);
      if (!Number.isFinite(loss) || !Number.isFinite(gradNorm)) {
        diverged = true;
        events.push({ t, kind: 'diverged', loss });
        break;
      }
      if (sharp !== undefined) {
        const edge = o.optimizer === 'momentum' ? (2 + 2 * beta) / o.lr : 2 / eff;
        const S = sharp.values[0];
        const isAbove = S >= edge;
        if (isAbove && !above && !crossed) {
          events.push({ t, kind: 'edge-crossed', sharpness: S, edge });
          crossed = true;
        }
        if (!isAbove && above && !returned) {
          events.push({ t, kind: 'edge-returned', sharpness: S, edge });
          returned = true;
        }
        above = isAbove;
        records.push({
          t,
          loss,
          sharpness: S,
          gradNorm,
          edge,
          residual: sharp.residuals[0],
          converged: sharp.converged,
          ...(sF64 !== undefined ? { sharpnessF64: sF64 } : {}),
          ...(theta !== undefined ? { theta } : {}),
        });
      }
    }
  } finally {
    trainer.dispose();
    model.dispose();
  }
  const optimizerParams: Record<string, string> =
    o.optimizer === 'momentum' ? { beta: String(beta) } : o.optimizer === 'sqrt-gd' ? { lstar: String(o.lstar ?? 0) } : {};
  const modelParams: Record<string, string> = {};
  const keys = ['width', 'depth', 'activation', 'dataset', 'n', 'seed', 'dataSeed', 'inputDim', 'classes', 'side', 'loss', 'hvp'] as const;
  const filled = { ...o, dataSeed: o.dataSeed ?? o.seed + 1, loss: o.loss ?? 'mse', hvp: o.hvp ?? 'nested' };
  for (const k of keys) if (filled[k] !== undefined) modelParams[k] = String(filled[k]);
  return {
    model: o.model ?? 'mlp',
    label: model.label,
    backend,
    precision: 'f32',
    dim: model.dim,
    optimizer: o.optimizer,
    lr: o.lr,
    optimizerParams,
    modelParams,
    every: o.every,
    diverged,
    steps: records,
    losses,
    events,
    tensors: { before, after: tf.memory().numTensors },
  };
}
