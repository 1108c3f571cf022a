import { describe, expect, it } from 'vitest';
import { f64 } from '../numerics/f64Field.js';
import { runUntilSettled } from './runUntilSettled.js';
import { stepper, updateRule } from './stepper.js';

/** θ⁺ = θ/2 from 1: θ_{t+1} = 2^−(t+1), so "θ < 0.05" first holds at t = 4 (θ = 1/32) and for the third time at t = 6. */
const halving = () =>
  stepper(
    updateRule(f64, (x) => [x[0] / 2]),
    [1],
  );

describe('runUntilSettled', () => {
  it('stops at the step that completes three in a row, having shown each iterate in order', () => {
    const seen: [number, number][] = [];
    const r = runUntilSettled(halving(), 100, (x, t) => {
      seen.push([t, x[0]]);
      return x[0] < 0.05;
    });
    expect(r).toEqual({ t: 6, settled: true, taken: 7 });
    expect(seen).toEqual([0, 1, 2, 3, 4, 5, 6].map((t) => [t, 2 ** -(t + 1)]));
  });

  it('a streak broken restarts the count; the cap leaves t = steps, unsettled', () => {
    const pattern = [true, true, false, true, true, true];
    expect(runUntilSettled(halving(), 100, (_x, t) => pattern[t] ?? false)).toEqual({ t: 5, settled: true, taken: 6 });
    expect(runUntilSettled(halving(), 4, () => false)).toEqual({ t: 4, settled: false, taken: 4 });
  });

  it('a step that leaves the bound ends the run at that step, unsettled', () => {
    const run = stepper(
      updateRule(f64, (x) => [x[0] * 1e200]),
      [1],
    );
    expect(runUntilSettled(run, 100, () => true)).toEqual({ t: 0, settled: false, taken: 1 });
    expect(run.diverged).toBe(true);
  });
});
