import type { Vec } from '../numerics/field.js';
import type { Stepper } from './stepper.js';

/** Consecutive steps a predicate must hold for a run to count as settled. */
export const SETTLE_STEPS = 3;

/**
 * How a run ended: `t` where a loop `for (t = 0; t < steps; t++)` over it would have stopped, whether it
 * settled, and the steps it took (`taken`: the settling step or the step that left the bound included,
 * `steps` when the cap stopped it), the count a report gives as "converged in" or "diverged at".
 */
export interface SettleResult {
  readonly t: number;
  readonly settled: boolean;
  readonly taken: number;
}

/**
 * Steps `run` for t = 0, 1, … below `steps` until `inside(θ_{t+1}, t)` has held SETTLE_STEPS times in
 * a row (settled; `t` is the step that completed it), a step leaves the bound (`t` is that step) or
 * the cap is reached (`t` = steps). `inside` sees every new iterate within the bound, in order, and
 * may record what else the caller needs of it.
 */
export function runUntilSettled<T>(run: Stepper<T>, steps: number, inside: (theta: Vec<T>, t: number) => boolean): SettleResult {
  let inRow = 0;
  let t = 0;
  let left = false;
  for (; t < steps; t++) {
    if (!run.step()) {
      left = true;
      break;
    }
    inRow = inside(run.theta, t) ? inRow + 1 : 0;
    if (inRow >= SETTLE_STEPS) break;
  }
  const settled = inRow >= SETTLE_STEPS;
  return { t, settled, taken: settled || left ? t + 1 : t };
}
