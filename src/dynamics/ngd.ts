import type { BoundModel } from '../models/model.js';
import { norm2 } from '../numerics/linalg.js';
import { gradientRule } from './_internals/gradientRule.js';
import { learningRate } from './_internals/scalar.js';
import type { Optimizer, Scalar } from './optimizer.js';

/**
 * Normalized gradient descent, θ⁺ = θ − η∇L/‖∇L‖ (ALP).
 *
 * Where ∇L = 0 exactly the direction is undefined: θ is a fixed point of the rule, the step leaves
 * it unchanged and says so in `state.fixedPoint` (it never divides by zero).
 */
export function ngd<T>(model: BoundModel<T>, options: { readonly lr: Scalar }): Optimizer<T> {
  const F = model.F;
  const lr = learningRate(F, options.lr);
  return gradientRule('ngd', model, lr, {}, (theta) => {
    const g = model.grad(theta);
    const n = norm2(F, g);
    return F.isFinite(n) && F.sign(n) === 0 ? '∇L = 0' : { g, s: F.div(lr, n) };
  });
}
