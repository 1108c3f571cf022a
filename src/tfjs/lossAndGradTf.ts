import { tf } from './tfjs.js';
import type { TfModel } from './tfModel.js';

/**
 * L(θ) and ∇L(θ) as tensors (reverse mode). Creates tensors: call inside `tf.tidy` and keep what you
 * return from it.
 */
export function lossAndGradTf(model: TfModel, theta: tf.Tensor1D): { loss: tf.Scalar; grad: tf.Tensor1D } {
  const { value, grad } = tf.valueAndGrad((t: tf.Tensor) => model.lossAt(t))(theta);
  return { loss: value as tf.Scalar, grad: grad as tf.Tensor1D };
}
