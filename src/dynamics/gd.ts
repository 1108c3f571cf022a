import type { BoundModel } from '../models/model.js';
import type { Vec } from '../numerics/field.js';
import { fastRule } from './_internals/fastRules.js';
import { learningRate } from './_internals/scalar.js';
import type { Optimizer, OptimizerState, Scalar } from './optimizer.js';

/**
 * Gradient descent, θ⁺ = θ − η∇L(θ).
 *
 * @example
 * const opt = gd(model.bind(f64), { lr: 0.1 });
 * let s = opt.init([1, 2]);
 * s = opt.step(s);
 */
export function gd<T>(model: BoundModel<T>, options: { readonly lr: Scalar }): Optimizer<T> {
  const F = model.F;
  const lr = learningRate(F, options.lr);
  return fastRule(
    Object.freeze({
      id: 'gd' as const,
      model,
      F,
      lr,
      params: Object.freeze({}),
      init: (theta: Vec<T>): OptimizerState<T> => ({ t: 0, theta: theta.slice() }),
      step(state: OptimizerState<T>): OptimizerState<T> {
        const g = model.grad(state.theta);
        const theta = state.theta.map((x, i) => F.sub(x, F.mul(lr, g[i])));
        return { t: state.t + 1, theta };
      },
    }),
  );
}
