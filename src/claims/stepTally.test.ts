import { describe, expect, it } from 'vitest';
import { f64 } from '../numerics/f64Field.js';
import type { CheckContext, Outcome } from './claim.js';
import { StepTally } from './stepTally.js';

/** Only what StepTally calls: `assume` throws, `holds` and `margin` return their fields. */
const ctx = {
  assume(condition: boolean, code: string): void {
    if (!condition) throw new Error(code);
  },
  holds: (fields: object) => ({ verdict: 'holds', ...fields }),
  margin: (m: number) => ({ margin: m, certified: false }),
} as unknown as CheckContext<number>;

describe('StepTally', () => {
  it('keeps the step with the least numeric margin and the least field margin, and reports both', () => {
    const tally = new StepTally(f64, 0.5);
    for (const [t, m] of [
      [0, 0.4],
      [1, -0.2],
      [2, 0.1],
    ]) {
      tally.note(m, { margin: m, observed: 0.5 - m, bound: 0.5, step: t });
      tally.checked++;
    }
    expect(tally.worst).toEqual({ margin: -0.2, observed: 0.7, bound: 0.5, step: 1 });
    const out = tally.holds(ctx, 'ok', 'three steps') as Outcome & Record<string, unknown>;
    expect(Object.keys(out)).toEqual(['verdict', 'code', 'margin', 'observed', 'bound', 'step', 'certified', 'message']);
    expect(out).toMatchObject({ code: 'ok', margin: -0.2, step: 1, message: 'three steps' });
  });

  it('decides nothing when no step was compared, unless told the empty run holds', () => {
    const tally = new StepTally(f64, 0);
    expect(() => tally.holds(ctx, 'ok', 'none')).toThrow('diverged_at_once');
    expect(tally.holds(ctx, 'ok', 'none', false)).toMatchObject({ margin: Number.POSITIVE_INFINITY, bound: 0, step: 0 });
  });
});
