import type { Field, Vec } from '../numerics/field.js';
import { NonFiniteError } from './nonFiniteError.js';
import type { OptimizerState } from './optimizer.js';
import { DIVERGENCE_BOUND } from '../settings.js';

/**
 * The divergence bound on max|θᵢ| (its value lives with the other defaults in src/settings.ts): a
 * trajectory whose iterate leaves it (or turns Inf/NaN) has diverged. The one bound of every run —
 * `runTrajectory`, `stepper`, hence every claim.
 */
export { DIVERGENCE_BOUND };

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
