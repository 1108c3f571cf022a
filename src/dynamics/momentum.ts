import { UsageError } from '../errors.js';
import type { BoundModel } from '../models/model.js';
import type { Vec } from '../numerics/field.js';
import { fastRule } from './_internals/fastRules.js';
import { learningRate, scalar, text } from './_internals/scalar.js';
import type { Optimizer, OptimizerState, Scalar } from './optimizer.js';
import { OPTIMIZER_DEFAULTS } from '../settings.js';

/**
 * Polyak heavy ball, θ⁺ = θ − η∇L(θ) + β(θ − θ⁻) (docs/claims/classical.md), β in [0, 1), default 0.9.
 * The state carries θ⁻ (`prevTheta`); at t = 0 it is θ₀ (the ball starts at rest). On a quadratic
 * it is stable iff ηλ_max < 2 + 2β.
 */
export function momentum<T>(model: BoundModel<T>, options: { readonly lr: Scalar; readonly beta?: Scalar }): Optimizer<T> {
  const F = model.F;
  const lr = learningRate(F, options.lr);
  const betaIn = options.beta ?? OPTIMIZER_DEFAULTS.beta;
  const beta = scalar(F, betaIn, 'beta');
  if (F.sign(beta) < 0 || !F.lt(beta, F.one)) throw new UsageError(`β must be in [0, 1), got ${betaIn}`, 'beta');
  return fastRule(
    Object.freeze({
      id: 'momentum' as const,
      model,
      F,
      lr,
      params: Object.freeze({ beta: text(betaIn) }),
      init: (theta: Vec<T>): OptimizerState<T> => ({ t: 0, theta: theta.slice(), prevTheta: theta.slice() }),
      step(state: OptimizerState<T>): OptimizerState<T> {
        const prev = state.prevTheta ?? state.theta;
        const g = model.grad(state.theta);
        const theta = state.theta.map((x, i) => F.add(F.sub(x, F.mul(lr, g[i])), F.mul(beta, F.sub(x, prev[i]))));
        return { t: state.t + 1, theta, prevTheta: state.theta };
      },
    }),
  );
}
