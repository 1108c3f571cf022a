import { UsageError } from '../errors.js';
import type { BoundModel } from '../models/model.js';
import { gradientRule } from './_internals/gradientRule.js';
import { learningRate, scalar, text } from './_internals/scalar.js';
import type { Optimizer, Scalar } from './optimizer.js';

/**
 * Gradient descent on √(L − L*) (ALP): θ⁺ = θ − η∇L/(2√(L − L*)).
 *
 * L* is `options.lstar` when given, else the model's known minimum (`BoundModel.lossStar`); a
 * model with neither is a UsageError (naming `--lstar`). Where L − L* ≤ 0, θ is a minimizer (or
 * L* was set too high): a fixed point of the rule, left unchanged and reported in
 * `state.fixedPoint`.
 */
export function sqrtGd<T>(model: BoundModel<T>, options: { readonly lr: Scalar; readonly lstar?: Scalar }): Optimizer<T> {
  const F = model.F;
  const lr = learningRate(F, options.lr);
  let lstar: T;
  let lstarText: string;
  if (options.lstar !== undefined) {
    lstar = scalar(F, options.lstar, 'lstar');
    lstarText = text(options.lstar);
  } else if (model.lossStar !== undefined) {
    lstar = model.lossStar;
    lstarText = F.toString(model.lossStar);
  } else {
    throw new UsageError('sqrt-gd needs the minimum loss L*: this model does not know it; give it explicitly (lstar)', 'lstar');
  }
  const two = F.int(2);
  return gradientRule('sqrt-gd', model, lr, { lstar: lstarText }, (theta) => {
    const gap = F.sub(model.loss(theta), lstar);
    // The gradient is not needed (nor computed) at a fixed point.
    return F.isFinite(gap) && F.sign(gap) <= 0 ? 'L ≤ L*' : { g: model.grad(theta), s: F.div(lr, F.mul(two, F.sqrt(gap))) };
  });
}
