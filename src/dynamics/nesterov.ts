import type { BoundModel } from '../models/model.js';
import type { Field, Vec } from '../numerics/field.js';
import type { OptimizerState } from './optimizer.js';
import type { UpdateRule } from './stepper.js';

/**
 * Nesterov momentum, θ⁺ = y − η∇L(y) with y = θ + β(θ − θ⁻), for the stepper. Like `momentum`
 * its state carries θ⁻ (θ₀ itself at t = 0: it starts at rest). On a quadratic it is stable iff
 * ηλ_max < (2 + 2β)/(1 + 2β). Not a `trace --optimizer` rule: the claims that compare it with the
 * heavy ball drive it through `stepper`.
 */
export function nesterov<T>(model: Pick<BoundModel<T>, 'F' | 'grad'>, lr: T, beta: T): UpdateRule<T> {
  const F: Field<T> = model.F;
  return {
    F,
    init: (theta: Vec<T>): OptimizerState<T> => ({ t: 0, theta: theta.slice(), prevTheta: theta.slice() }),
    step(state: OptimizerState<T>): OptimizerState<T> {
      const prev = state.prevTheta ?? state.theta;
      const y = state.theta.map((v, i) => F.add(v, F.mul(beta, F.sub(v, prev[i]))));
      const g = model.grad(y);
      return { t: state.t + 1, theta: y.map((v, i) => F.sub(v, F.mul(lr, g[i]))), prevTheta: state.theta };
    },
  };
}
