import { describe, expect, it } from 'vitest';
import { f64 } from '../numerics/f64Field.js';
import { intervalField } from '../numerics/intervalField.js';
import { leastOf, mostOf, relativeError, relativeMargin } from './relativeMargin.js';

describe('margins in the field', () => {
  it('relativeMargin is tol − err/scale, and an error over a scale that may be 0 counts as absolute', () => {
    expect(relativeMargin(f64, 0.1, 0.3, 2)).toBeCloseTo(0.1 - 0.15, 15);
    expect(relativeError(f64, 0.3, 0)).toBe(0.3);
    const I = intervalField(30);
    // [−1, 1] may be 0: no division (which would throw), the error is taken as it is.
    expect(I.toNumber(relativeError(I, I.from('0.5'), I.sub(I.from('1'), I.from('1'))))).toBe(0.5);
    const m = relativeMargin(I, 0.1, I.from('0.3'), I.from('2'));
    expect(m.lo.lte(-0.05) && m.hi.gte(-0.05)).toBe(true);
  });

  it('leastOf and mostOf start from the first value and keep the running minimum and maximum', () => {
    let lo: number | undefined;
    let hi: number | undefined;
    // Neither extreme comes last, so keeping the latest value instead of the running one would show.
    for (const x of [3, -1, 5, -4, 2]) {
      lo = leastOf(f64, lo, x);
      hi = mostOf(f64, hi, x);
    }
    expect([lo, hi]).toEqual([-4, 5]);
  });
});
