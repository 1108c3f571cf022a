import { tf } from '../tfjs.js';
import { logSumExpR } from '../secondOrderActivations.js';
import type { TfLoss } from '../tfModel.js';

/**
 * The loss of outputs f (n × k) against targets y (n × k, one-hot for cross-entropy):
 * - `mse`: ½·(1/n)·Σᵢ‖fᵢ − yᵢ‖² (for k = 1 exactly mlpF64's (1/2n)·Σ rᵢ²);
 * - `cross-entropy`: (1/n)·Σᵢ (lse(fᵢ) − fᵢ·yᵢ), softmax cross-entropy, through logSumExpR so its
 *   second derivatives are correct.
 * @internal
 */
export function lossOf(kind: TfLoss, f: tf.Tensor2D, y: tf.Tensor2D): tf.Scalar {
  const n = f.shape[0];
  if (kind === 'mse') return tf.div(tf.sum(tf.square(tf.sub(f, y))), 2 * n) as tf.Scalar;
  return tf.div(tf.sub(tf.sum(logSumExpR(f)), tf.sum(tf.mul(f, y))), n) as tf.Scalar;
}
