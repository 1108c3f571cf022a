import { describe, expect, it } from 'vitest';
import type { CheckContext } from './claim.js';
import { unsettled } from './diverged.js';

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
