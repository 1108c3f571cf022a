import type { Vec } from '../numerics/field.js';
import type { Stepper } from './stepper.js';

/** Consecutive steps a predicate must hold for a run to count as settled. */
export const SETTLE_STEPS = 3;

/** How a run ended: `t` where a loop `for (t = 0; t < steps; t++)` over it would have stopped, and whether it settled. */
export interface SettleResult {
  readonly t: number;
  readonly settled: boolean;
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
  for (; t < steps; t++) {
    if (!run.step()) break;
    inRow = inside(run.theta, t) ? inRow + 1 : 0;
    if (inRow >= SETTLE_STEPS) break;
  }
  return { t, settled: inRow >= SETTLE_STEPS };
}
