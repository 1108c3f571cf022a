import type { BoundModel } from '../models/model.js';
import type { Vec } from '../numerics/field.js';
import { norm2 } from '../numerics/linalg.js';
import { fastRule } from './_internals/fastRules.js';
import { learningRate } from './_internals/scalar.js';
import type { Optimizer, OptimizerState, Scalar } from './optimizer.js';

/**
 * Normalized gradient descent, θ⁺ = θ − η∇L/‖∇L‖ (ALP).
 *
 * Where ∇L = 0 exactly the direction is undefined: θ is a fixed point of the rule, the step leaves
 * it unchanged and says so in `state.fixedPoint` (it never divides by zero).
 */
export function ngd<T>(model: BoundModel<T>, options: { readonly lr: Scalar }): Optimizer<T> {
  const F = model.F;
  const lr = learningRate(F, options.lr);
  return fastRule(
    Object.freeze({
      id: 'ngd' as const,
      model,
      F,
      lr,
      params: Object.freeze({}),
      init: (theta: Vec<T>): OptimizerState<T> => ({ t: 0, theta: theta.slice() }),
      step(state: OptimizerState<T>): OptimizerState<T> {
        const g = model.grad(state.theta);
        const n = norm2(F, g);
        if (F.isFinite(n) && F.sign(n) === 0) {
          return { t: state.t + 1, theta: state.theta.slice(), fixedPoint: '∇L = 0' };
        }
        const s = F.div(lr, n);
        const theta = state.theta.map((x, i) => F.sub(x, F.mul(s, g[i])));
        return { t: state.t + 1, theta };
      },
    }),
  );
}
