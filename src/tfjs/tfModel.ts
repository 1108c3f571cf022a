import type { tf } from './tfjs.js';

/** The losses of the tfjs networks. */
export type TfLoss = 'mse' | 'cross-entropy';

/**
 * A network bound to its data set, seen as a function of one flat parameter vector θ (a 1-D float32
 * tensor of length `dim`), so the spectral layer and the optimizers treat it like any model.
 * `loss` and `outputs` create tensors: call them inside `tf.tidy` (or a gradient function).
 * `dispose` frees the data tensors.
 */
export interface TfModel {
  readonly kind: 'mlp' | 'cnn';
  /** Number of parameters. */
  readonly dim: number;
  readonly loss: TfLoss;
  /** A label such as `mlp 8-16-1 tanh, mse on random-labels(n=100, …)`. */
  readonly label: string;
  /** L(θ), a scalar, differentiable to any order in θ. */
  lossAt(theta: tf.Tensor): tf.Scalar;
  /** Network outputs (n × outputDim). */
  outputs(theta: tf.Tensor): tf.Tensor2D;
  dispose(): void;
}
