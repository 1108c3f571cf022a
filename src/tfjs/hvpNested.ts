import { tf } from './tfjs.js';
import type { TfModel } from './tfModel.js';

/**
 * ∇²L(θ)·v by nested reverse mode: the gradient of θ ↦ ⟨∇L(θ), v⟩ (tfjs has no forward mode). Exact
 * up to float32 rounding when the model uses only ops whose derivatives are correct to second
 * order (the networks of src/tfjs do: secondOrderActivations.ts). About 2–3 gradients of cost (bench/tfjs.bench.ts).
 * Creates tensors: call inside `tf.tidy`.
 */
export function hvpNested(model: TfModel, theta: tf.Tensor1D, v: tf.Tensor1D): tf.Tensor1D {
  const inner = tf.grad((t: tf.Tensor) => model.lossAt(t));
  return tf.grad((t: tf.Tensor) => tf.sum(tf.mul(inner(t), v)))(theta) as tf.Tensor1D;
}
