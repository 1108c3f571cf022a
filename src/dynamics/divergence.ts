import type { Field, Vec } from '../numerics/field.js';
import { NonFiniteError } from '../errors.js';
import type { OptimizerState } from './optimizer.js';

/** Throws NonFiniteError when θ (or θ⁻) has a non-finite entry or one beyond the bound. */
export function checkState<T>(F: Field<T>, state: OptimizerState<T>, bound: T, boundText: string, what: string): void {
  const vecs: readonly Vec<T>[] = state.prevTheta === undefined ? [state.theta] : [state.theta, state.prevTheta];
  for (const v of vecs) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (!F.isFinite(x)) throw new NonFiniteError(`${what}[${i}]`);
      if (F.lt(bound, F.abs(x))) throw new NonFiniteError(`${what}[${i}]`, `= ${F.toString(x)} is beyond the divergence bound ${boundText}`);
    }
  }
}
