import type { BoundModel } from '../../models/model.js';
import type { Vec } from '../../numerics/field.js';
import type { Optimizer, OptimizerId, OptimizerState } from '../optimizer.js';
import { fastRule } from './fastRules.js';

/**
 * Where a rule of the gradient family goes from θ: along −g scaled by s (θ⁺ = θ − s·g), or nowhere,
 * with the reason θ is a fixed point of the rule. @internal
 */
export type GradientMove<T> = { readonly g: Vec<T>; readonly s: T } | string;

/**
 * The built-in rules that step along the gradient with a scale of their own (gd: η, ngd: η/‖∇L‖,
 * sqrt-gd: η/(2√(L − L*))), marked for the f64 fast path. A fixed point leaves θ unchanged and says
 * why in `state.fixedPoint`. @internal
 */
export function gradientRule<T>(
  id: OptimizerId,
  model: BoundModel<T>,
  lr: T,
  params: Readonly<Record<string, string>>,
  move: (theta: Vec<T>) => GradientMove<T>,
): Optimizer<T> {
  const F = model.F;
  return fastRule(
    Object.freeze({
      id,
      model,
      F,
      lr,
      params: Object.freeze(params),
      init: (theta: Vec<T>): OptimizerState<T> => ({ t: 0, theta: theta.slice() }),
      step(state: OptimizerState<T>): OptimizerState<T> {
        const m = move(state.theta);
        if (typeof m === 'string') return { t: state.t + 1, theta: state.theta.slice(), fixedPoint: m };
        const theta = state.theta.map((x, i) => F.sub(x, F.mul(m.s, m.g[i])));
        return { t: state.t + 1, theta };
      },
    }),
  );
}
