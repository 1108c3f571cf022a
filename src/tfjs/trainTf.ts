import { tf } from './tfjs.js';
import type { TfModel } from './tfModel.js';

/** The update rules on a tfjs network (the same rules as src/dynamics on the analytic models). */
export type TfOptimizer = 'gd' | 'ngd' | 'sqrt-gd' | 'momentum';

export const TF_OPTIMIZERS: readonly TfOptimizer[] = Object.freeze(['gd', 'ngd', 'sqrt-gd', 'momentum']);

export interface TrainTfOptions {
  readonly optimizer: TfOptimizer;
  /** Step size η > 0. */
  readonly lr: number;
  /** Heavy-ball momentum β ∈ [0, 1) (default 0.9). */
  readonly beta?: number;
  /** L* of GD on √(L − L*) (default 0, the infimum of MSE and cross-entropy). */
  readonly lstar?: number;
}

/** What one step measured at the point it started from, θ_t. */
export interface TfStepInfo {
  /** The step index t of θ_t (0 for θ₀). */
  readonly t: number;
  readonly loss: number;
  readonly gradNorm: number;
  /** The step size actually applied along −∇L: η (gd, momentum), η/‖∇L‖ (ngd), η/(2√(L − L*)) (sqrt-gd). */
  readonly effectiveLr: number;
}

/** A training run on the device: θ is a float32 tensor the trainer owns. */
export interface TfTrainer {
  readonly model: TfModel;
  /** θ_t (owned by the trainer: do not dispose; copy it with `thetaArray()` or use it before the next step). */
  readonly theta: tf.Tensor1D;
  /** Steps taken so far. */
  readonly t: number;
  /** θ_t → θ_{t+1} inside one tf.tidy; returns the loss, ‖∇L‖ and effective step at θ_t. */
  step(): TfStepInfo;
  thetaArray(): Float32Array;
  /** Frees θ (and the momentum buffer). The model stays. */
  dispose(): void;
}

/**
 * Full-batch training of a network on the device:
 * - `gd`: θ⁺ = θ − η∇L;  - `ngd`: θ⁺ = θ − η∇L/‖∇L‖;
 * - `sqrt-gd`: GD on √(L − L*), θ⁺ = θ − η∇L/(2√(L − L*)) (left unchanged where L ≤ L*);
 * - `momentum` (heavy ball): θ⁺ = θ − η∇L + β(θ − θ⁻), starting at rest (θ⁻ = θ₀).
 * Every step runs in one `tf.tidy` and disposes the previous iterate, so the number of live tensors
 * stays constant over a run. Loss and ‖∇L‖ are read back each step (4 bytes each).
 */
export function trainTf(model: TfModel, theta0: Float32Array, options: TrainTfOptions): TfTrainer {
  const { optimizer, lr } = options;
  const beta = options.beta ?? 0.9;
  const lstar = options.lstar ?? 0;
  if (!(Number.isFinite(lr) && lr > 0)) throw new RangeError(`trainTf: lr must be a positive number, got ${lr}`);
  if (!(beta >= 0 && beta < 1)) throw new RangeError(`trainTf: beta must be in [0, 1), got ${beta}`);
  if (theta0.length !== model.dim) throw new RangeError(`trainTf: θ₀ has ${theta0.length} entries, the model ${model.dim}`);
  let theta = tf.tensor1d(theta0);
  let prev: tf.Tensor1D | undefined = optimizer === 'momentum' ? tf.tensor1d(theta0) : undefined;
  let t = 0;
  const lossGrad = tf.valueAndGrad((x: tf.Tensor) => model.lossAt(x));
  return {
    model,
    get theta() {
      return theta;
    },
    get t() {
      return t;
    },
    step(): TfStepInfo {
      const { th: next, stats } = tf.tidy(() => {
        const { value, grad } = lossGrad(theta);
        const gn = tf.norm(grad);
        const s = tf.stack([value, gn]).dataSync();
        const L = s[0];
        const g = s[1];
        let eff = lr;
        if (optimizer === 'ngd') eff = g > 0 ? lr / g : 0;
        if (optimizer === 'sqrt-gd') eff = L > lstar ? lr / (2 * Math.sqrt(L - lstar)) : 0;
        let th = tf.sub(theta, tf.mul(grad, eff)) as tf.Tensor1D;
        if (optimizer === 'momentum') th = tf.add(th, tf.mul(tf.sub(theta, prev!), beta)) as tf.Tensor1D;
        return { th, stats: { loss: L, gradNorm: g, effectiveLr: eff } };
      });
      // Momentum keeps θ_t as the next θ⁻; otherwise θ_t is freed.
      if (prev !== undefined) {
        prev.dispose();
        prev = theta;
      } else {
        theta.dispose();
      }
      theta = next;
      const info = { t, ...stats };
      t++;
      return info;
    },
    thetaArray: () => theta.dataSync().slice() as Float32Array,
    dispose() {
      theta.dispose();
      prev?.dispose();
    },
  };
}
