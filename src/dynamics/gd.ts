import type { BoundModel } from '../models/model.js';
import { gradientRule } from './_internals/gradientRule.js';
import { learningRate } from './_internals/scalar.js';
import type { Optimizer, Scalar } from './optimizer.js';

/**
 * Gradient descent, θ⁺ = θ − η∇L(θ).
 *
 * @example
 * const opt = gd(model.bind(f64), { lr: 0.1 });
 * let s = opt.init([1, 2]);
 * s = opt.step(s);
 */
export function gd<T>(model: BoundModel<T>, options: { readonly lr: Scalar }): Optimizer<T> {
  const lr = learningRate(model.F, options.lr);
  return gradientRule('gd', model, lr, {}, (theta) => ({ g: model.grad(theta), s: lr }));
}
