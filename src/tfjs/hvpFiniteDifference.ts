import { tf } from './tfjs.js';
import type { TfModel } from './tfModel.js';

/** Default relative step of {@link hvpFiniteDifference} (measured best in float32, ecosystem.md §4b: ~2e-5 relative error). */
export const FD_HVP_EPS = 3e-4;

/**
 * ∇²L(θ)·v by a central difference of the gradient, (∇L(θ + hv) − ∇L(θ − hv))/2h with
 * h = eps·max(1, ‖θ‖∞)/‖v‖∞ — a fallback for models with an op whose second derivative tfjs gets
 * wrong or lacks. In float32 it errs by ~1e-5 to 1e-4 relative (truncation O(h²), rounding O(ε₃₂/h)).
 * Costs two gradients. Creates tensors: call inside `tf.tidy`.
 */
export function hvpFiniteDifference(model: TfModel, theta: tf.Tensor1D, v: tf.Tensor1D, eps = FD_HVP_EPS): tf.Tensor1D {
  const vmax = tf.max(tf.abs(v)).dataSync()[0];
  if (vmax === 0) return tf.zerosLike(v);
  const tmax = tf.max(tf.abs(theta)).dataSync()[0];
  const h = (eps * Math.max(1, tmax)) / vmax;
  const g = tf.grad((t: tf.Tensor) => model.lossAt(t));
  const plus = g(tf.add(theta, tf.mul(v, h)));
  const minus = g(tf.sub(theta, tf.mul(v, h)));
  return tf.div(tf.sub(plus, minus), 2 * h) as tf.Tensor1D;
}
