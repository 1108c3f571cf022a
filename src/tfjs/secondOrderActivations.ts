import { TF_ACTIVATIONS, type TfActivation } from './networkNames.js';
import { tf } from './tfjs.js';

export { TF_ACTIVATIONS, type TfActivation };

/**
 * Elementwise functions whose derivatives are correct to every order under nested `tf.grad`.
 *
 * Why (ecosystem.md §4a): in tfjs 4.22 the gradients of tanh, sigmoid, exp and softmax use the op's
 * *saved output*, which the outer tape does not connect to the input: a second derivative through
 * them silently drops a term (sum(tanh(A·Aᵀ)): 51% error, no warning). Each function here is a
 * `tf.customGrad` whose gradFunc recomputes from the saved *input* and calls the function itself (or
 * another function of this file), so each derivative is again built from differentiable ops.
 *
 * relu and the linear map are wrapped too, for uniformity (their built-in gradients are correct:
 * relu′ = step(x), whose own gradient is 0).
 */
type Unary = (x: tf.Tensor) => tf.Tensor;

/** tf.customGrad's callback does not type-check as written (ecosystem.md §1): one cast, here. */
function custom(f: (x: tf.Tensor, save: tf.GradSaveFunc) => { value: tf.Tensor; gradFunc: (dy: tf.Tensor, saved: tf.Tensor[]) => tf.Tensor }): Unary {
  const g = tf.customGrad(f as unknown as Parameters<typeof tf.customGrad>[0]);
  return (x) => g(x);
}

/** tanh, with tanh′ = 1 − tanh². */
export const tanhR: Unary = custom((x, save) => {
  save([x]);
  return { value: tf.tanh(x), gradFunc: (dy, [x0]) => tf.mul(dy, tf.sub(1, tf.square(tanhR(x0)))) };
});

/** The logistic function s = 1/(1 + e⁻ˣ), with s′ = s(1 − s). */
export const sigmoidR: Unary = custom((x, save) => {
  save([x]);
  return {
    value: tf.sigmoid(x),
    gradFunc: (dy, [x0]) => {
      const s = sigmoidR(x0);
      return tf.mul(dy, tf.mul(s, tf.sub(1, s)));
    },
  };
});

/** softplus(x) = log(1 + eˣ), with softplus′ = sigmoid. */
export const softplusR: Unary = custom((x, save) => {
  save([x]);
  return { value: tf.softplus(x), gradFunc: (dy, [x0]) => tf.mul(dy, sigmoidR(x0)) };
});

/** eˣ, with exp′ = exp. */
export const expR: Unary = custom((x, save) => {
  save([x]);
  return { value: tf.exp(x), gradFunc: (dy, [x0]) => tf.mul(dy, expR(x0)) };
});

/** max(x, 0), with relu′ = step(x) (0 at the kink, as in the float64 reference). */
export const reluR: Unary = custom((x, save) => {
  save([x]);
  return { value: tf.relu(x), gradFunc: (dy, [x0]) => tf.mul(dy, tf.step(x0)) };
});

/** The identity (a linear network). */
export const linearR: Unary = (x) => x;

/**
 * log Σⱼ exp(z_ij) over the last axis of a 2-D tensor (n × k → n), computed stably (tf.logSumExp)
 * and differentiated as softmax(z) = expR(z − lse(z)) — built from this function and expR, so every
 * order is correct (tf.logSumExp's own gradient needs Equal's, which tfjs lacks).
 */
export const logSumExpR: Unary = custom((z, save) => {
  save([z]);
  return {
    value: tf.logSumExp(z, -1),
    gradFunc: (dy, [z0]) => tf.mul(tf.expandDims(dy, -1), expR(tf.sub(z0, tf.expandDims(logSumExpR(z0), -1)))),
  };
});

/** The activations a network can use (the same as mlpF64's, so each has a float64 reference). */

/**
 * The second-order-correct op of an activation; with `{ builtin: true }` the plain tfjs op instead
 * (tf.tanh, tf.sigmoid, …): wrong second derivatives for tanh and sigmoid, kept only so tests can
 * show that the HVP comparison catches it.
 */
export function activationOp(name: TfActivation, options: { readonly builtin?: boolean } = {}): Unary {
  if (options.builtin === true) {
    const b: Record<TfActivation, Unary> = { tanh: tf.tanh, relu: tf.relu, softplus: tf.softplus, linear: (x) => x, sigmoid: tf.sigmoid };
    return b[name];
  }
  const r: Record<TfActivation, Unary> = { tanh: tanhR, relu: reluR, softplus: softplusR, linear: linearR, sigmoid: sigmoidR };
  const f = r[name];
  if (f === undefined) throw new RangeError(`activation must be one of ${TF_ACTIVATIONS.join(', ')}, got '${String(name)}'`);
  return f;
}
