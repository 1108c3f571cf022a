import { describe, expect, it } from 'vitest';
import type { CheckContext } from './claim.js';
import { diverged, nonFinite, unsettled } from './diverged.js';

/** Only what `unsettled` calls: `violated` and `diverged` return their fields. */
const ctx = {
  violated: (fields: object) => ({ verdict: 'violated', ...fields }),
  diverged: (fields: object) => ({ verdict: 'diverged', ...fields }),
} as unknown as CheckContext<number>;

describe('unsettled', () => {
  it('names a diverged run and one still moving, under the verdict asked for, with margin −1 and no number', () => {
    const out = unsettled(ctx, 'violated', true, { bound: 2, step: 7, details: { kappa: '2.5' }, message: 'gone' });
    expect(out).toEqual({
      verdict: 'violated',
      code: 'diverged',
      observed: Number.NaN,
      bound: 2,
      margin: -1,
      step: 7,
      details: { kappa: '2.5' },
      message: 'gone',
    });
    expect(Object.keys(out)).toEqual(['verdict', 'code', 'observed', 'bound', 'margin', 'step', 'details', 'message']);
    const still = unsettled(ctx, 'diverged', false, { bound: 0, step: 3, message: 'moving' });
    expect(still).toMatchObject({ verdict: 'diverged', code: 'not_converged', margin: -1 });
    expect(Object.keys(still)).not.toContain('details');
  });
});

describe('diverged and nonFinite', () => {
  it('a divergence with no number to report, and the step where one is known', () => {
    expect(diverged(ctx, 'blew_up', 'gone', 4)).toEqual({
      verdict: 'diverged',
      code: 'blew_up',
      message: 'gone',
      observed: Number.NaN,
      bound: 0,
      margin: Number.NaN,
      step: 4,
    });
    // Step 0 is a step: only an unknown step is left out.
    expect(diverged(ctx, 'blew_up', 'gone', 0)).toHaveProperty('step', 0);
    expect(Object.keys(diverged(ctx, 'blew_up', 'gone'))).toEqual(['verdict', 'code', 'message', 'observed', 'bound', 'margin']);
    expect(nonFinite(ctx, 9, 'θ overflowed')).toEqual({
      verdict: 'diverged',
      code: 'non_finite',
      message: 'θ overflowed',
      observed: Number.NaN,
      bound: 0,
      margin: Number.NaN,
      step: 9,
    });
  });
});
