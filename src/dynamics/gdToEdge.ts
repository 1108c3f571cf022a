import type { BoundModel } from '../models/model.js';
import type { Vec } from '../numerics/field.js';
import { learningRate } from './_internals/scalar.js';
import { allFinite } from './_internals/vec.js';
import { NonFiniteError } from '../errors.js';
import type { Scalar } from './optimizer.js';
import { pointInfo } from './pointInfo.js';

/** Where GD first reaches the edge, or how far it was searched (and why it stopped short: `cause`). */
export type EdgeSearch<T> =
  | { readonly reached: true; readonly t: number; readonly theta: Vec<T>; readonly sharpness: T }
  | { readonly reached: false; readonly t: number; readonly reason: string; readonly cause: 'steps' | 'nonFinite' | 'fixedPoint' };

export interface EdgeSearchOptions {
  /**
   * Where the sharpness is read: `midpoint` (default), at (θ_t + θ_{t+1})/2 as the authors' code does;
   * `iterate`, at θ_t itself before its step, so the search ends at the first iterate with S ≥ 2/η
   * without a gradient evaluated there (at most maxSteps steps, S read at θ₀..θ_maxSteps).
   */
  readonly at?: 'midpoint' | 'iterate';
}

/**
 * Runs GD θ_{t+1} = θ_t − η∇L(θ_t) from θ₀ to its first instability, as the authors' code finds it
 * (repository adamian98/EOS, taylor.py `find_instability`, at its finest resolution dt = η): the
 * first t at which the sharpness at the midpoint (θ_t + θ_{t+1})/2 reaches 2/η; it returns θ_t (the
 * point before that step), where self-stabilization starts. Searches at most `maxSteps` steps; a
 * non-finite iterate or a fixed point ends the search too (reached: false, with the reason).
 */
export function gdToEdge<T>(model: BoundModel<T>, theta0: Vec<T>, lr: Scalar, maxSteps: number, options: EdgeSearchOptions = {}): EdgeSearch<T> {
  const F = model.F;
  const eta = learningRate(F, lr);
  const edge = F.div(F.int(2), eta);
  const atIterate = options.at === 'iterate';
  const below = `the sharpness stayed below 2/η for ${maxSteps} steps`;
  let theta = theta0;
  const sharpnessAt = (t: number, point: Vec<T>): T | string => {
    try {
      return pointInfo(model, point).sharpness();
    } catch (e) {
      if (!(e instanceof NonFiniteError)) throw e;
      return `the sharpness is not finite at step ${t} (${e.message})`;
    }
  };
  for (let t = 0; t <= maxSteps; t++) {
    if (atIterate) {
      const S = sharpnessAt(t, theta);
      if (typeof S === 'string') return { reached: false, t, reason: S, cause: 'nonFinite' };
      if (!F.lt(S, edge)) return { reached: true, t, theta, sharpness: S };
      if (t === maxSteps) break;
    }
    const g = model.grad(theta);
    const next = theta.map((x, i) => F.sub(x, F.mul(eta, g[i])));
    if (!allFinite(F, next)) return { reached: false, t, reason: `GD is not finite at step ${t + 1}`, cause: 'nonFinite' };
    // A fixed point (the step no longer moves θ in this arithmetic) never reaches the edge.
    if (next.every((x, i) => F.sign(F.sub(x, theta[i])) === 0))
      return { reached: false, t, reason: `GD reached a fixed point at step ${t} below 2/η`, cause: 'fixedPoint' };
    if (!atIterate) {
      const S = sharpnessAt(
        t,
        theta.map((x, i) => F.div(F.add(x, next[i]), F.int(2))),
      );
      if (typeof S === 'string') return { reached: false, t, reason: S, cause: 'nonFinite' };
      if (!F.lt(S, edge)) return { reached: true, t, theta, sharpness: S };
    }
    theta = next;
  }
  return { reached: false, t: maxSteps, reason: below, cause: 'steps' };
}
