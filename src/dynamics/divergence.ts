import type { Field, Vec } from '../numerics/field.js';
import { NonFiniteError } from './nonFiniteError.js';
import type { OptimizerState } from './optimizer.js';

/**
 * The divergence bound on max|θᵢ|: a trajectory whose iterate leaves it (or turns Inf/NaN) has
 * diverged. The one bound of every run — `runTrajectory`, `stepper`, hence every claim.
 */
export const DIVERGENCE_BOUND = 1e12;

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

/** True when every entry of v is finite and within the divergence bound (the test checkState applies). */
export function withinBound<T>(F: Field<T>, v: readonly T[]): boolean {
  const bound = F.from(DIVERGENCE_BOUND);
  return v.every((x) => F.isFinite(x) && !F.lt(bound, F.abs(x)));
}
