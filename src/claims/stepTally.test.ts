import { describe, expect, it } from 'vitest';
import { f64 } from '../numerics/f64Field.js';
import type { CheckContext, Outcome } from './claim.js';
import { StepTally, beyondTolerance, failedAt, holdsAt, violatedAt } from './stepTally.js';

/** Only what StepTally calls: `assume` throws, `holds`, `violated` and `margin` return their fields. */
const ctx = {
  assume(condition: boolean, code: string): void {
    if (!condition) throw new Error(code);
  },
  tol: { rel: 0.01, abs: 1e-9 },
  holds: (fields: object) => ({ verdict: 'holds', ...fields }),
  violated: (fields: object) => ({ verdict: 'violated', ...fields }),
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

  it('decides nothing when no step was compared', () => {
    const tally = new StepTally(f64, 0);
    expect(() => tally.holds(ctx, 'ok', 'none')).toThrow('diverged_at_once');
  });

  it('an identity fails beyond tol.rel·scale + tol.abs, and its violation reports the step against tol.rel', () => {
    const tol = { rel: 0.01, abs: 1e-9 };
    expect(beyondTolerance(f64, tol, 0.02 + 2e-9, 2)).toBe(true);
    expect(beyondTolerance(f64, tol, 0.02, 2)).toBe(false);
    const out = failedAt(ctx, 'mismatch', 3, 0.5, -0.49, 'off', { loss: 'square' });
    expect(out).toEqual({
      verdict: 'violated',
      code: 'mismatch',
      step: 3,
      observed: 0.5,
      bound: 0.01,
      margin: -0.49,
      certified: false,
      message: 'off',
      details: { loss: 'square' },
    });
    expect(Object.keys(failedAt(ctx, 'mismatch', 3, 0.5, -0.49, 'off'))).not.toContain('details');
  });

  it('compare notes a step that holds and turns one beyond tolerance into identity_mismatch with the least margin so far', () => {
    const tally = new StepTally(f64, 0.01);
    const fail = () => ({ message: 'off', details: { at: 'two' } });
    expect(tally.compare(ctx, 0, 0.01, 2, fail)).toBeUndefined();
    expect(tally.worst).toEqual({ margin: 0.005, observed: 0.005, bound: 0.01, step: 0 });
    // A zero scale counts the error as absolute: 1e-9 is within tol.abs.
    expect(tally.compare(ctx, 1, 1e-9, 0, fail)).toBeUndefined();
    expect(tally.least).toBeCloseTo(0.005, 15);
    const out = tally.compare(ctx, 2, 1, 2, fail) as Outcome & Record<string, unknown>;
    expect(out).toMatchObject({
      verdict: 'violated',
      code: 'identity_mismatch',
      step: 2,
      observed: 0.5,
      bound: 0.01,
      margin: 0.01 - 0.5,
      details: { at: 'two' },
    });
    expect(tally.worst.step).toBe(0);
  });

  it('violatedAt and holdsAt report one step in one field order; holdsAt takes the least field margin when one was kept', () => {
    const e = { code: 'c', step: 4, observed: 0.3, bound: 0.2, message: 'm' };
    const v = violatedAt(ctx, -0.1, { ...e, details: { k: 1 } }) as Outcome & Record<string, unknown>;
    expect(Object.keys(v)).toEqual(['verdict', 'code', 'step', 'observed', 'bound', 'margin', 'certified', 'message', 'details']);
    expect(v).toMatchObject({ verdict: 'violated', margin: -0.1, details: { k: 1 } });
    expect(holdsAt(ctx, 0.05, { ...e, margin: 0.5 })).toMatchObject({ verdict: 'holds', margin: 0.05, certified: false });
    const fallback = holdsAt(ctx, undefined, { ...e, margin: 0.5 }) as Outcome & Record<string, unknown>;
    expect(Object.keys(fallback)).toEqual(['verdict', 'code', 'step', 'observed', 'bound', 'margin', 'message']);
    expect(fallback.margin).toBe(0.5);
  });
});
