import type { Field, Vec } from '../numerics/field.js';
import type { Precision } from '../numerics/precision.js';
import { fieldFor } from './_internals/fieldFor.js';
import type { OptimizerState } from './optimizer.js';
import { runTrajectory, type RunResult } from './runTrajectory.js';

/** Converts a state between fields through full decimal text (f64 values as JS prints them). */
function convertState<T, U>(F: Field<T>, G: Field<U>, s: OptimizerState<T>): OptimizerState<U> {
  const cv = (v: Vec<T>): Vec<U> => v.map((x) => G.from(F.toString(x)));
  return {
    t: s.t,
    theta: cv(s.theta),
    ...(s.prevTheta === undefined ? {} : { prevTheta: cv(s.prevTheta) }),
    ...(s.fixedPoint === undefined ? {} : { fixedPoint: s.fixedPoint }),
    ...(s.flow === undefined ? {} : { flow: { h: G.from(F.toString(s.flow.h)), accepted: 0, rejected: 0 } }),
  };
}

/**
 * Re-runs `result` from its recorded row `rowIndex` in another field (typically a higher
 * precision): the row's exact θ, momentum's θ⁻, flow's step size and the reference trajectory's
 * state are carried over as decimal text (an f64 value as the shortest text that round-trips, i.e.
 * as the JSON shows it), with the same optimizer, observers, reference and divergence bound, up to
 * the same final step (or `options.steps` more steps). pgd re-projects after each step as usual.
 * Observers start fresh (rotation angles are null at the first replayed row).
 */
export function replayFrom<T, U>(result: RunResult<T>, rowIndex: number, target: Field<U>, options?: { readonly steps?: number }): RunResult<U>;
export function replayFrom<T>(result: RunResult<T>, rowIndex: number, target: Precision, options?: { readonly steps?: number }): RunResult<unknown>;
export function replayFrom<T>(
  result: RunResult<T>,
  rowIndex: number,
  target: Field<unknown> | Precision,
  options: { readonly steps?: number } = {},
): RunResult<unknown> {
  const row = result.rows[rowIndex];
  if (row === undefined) throw new RangeError(`row ${rowIndex} does not exist (the run recorded ${result.rows.length})`);
  const G: Field<unknown> = 'kind' in target ? fieldFor(target) : target;
  const steps = options.steps ?? Math.max(0, result.startT + result.config.steps - row.t);
  const state = convertState(result.F, G, row.state);
  const referenceState = row.referenceState === undefined ? undefined : convertState(result.F, G, row.referenceState);
  return runTrajectory(
    result.model,
    G,
    state.theta,
    { ...result.config, steps },
    {
      state,
      ...(referenceState === undefined ? {} : { referenceState }),
    },
  );
}
