import { describe, expect, it } from 'vitest';
import { f64 } from '../numerics/f64Field.js';
import type { Field } from '../numerics/field.js';
import { intervalField } from '../numerics/intervalField.js';
import { exactlyZero } from './exactlyZero.js';

describe('exactlyZero', () => {
  it('a double is exactly 0 or not, of either sign', () => {
    expect([exactlyZero(f64, 0), exactlyZero(f64, -0), exactlyZero(f64, 1e-300), exactlyZero(f64, -2)]).toEqual([true, true, false, false]);
  });
  it('an interval is exactly 0 only as [0, 0]; one that merely contains 0 is not known to be 0 (no throw)', () => {
    const I = intervalField(30);
    expect(exactlyZero(I, I.zero)).toBe(true);
    expect(exactlyZero(I, I.sub(I.from('0.1'), I.from('0.1')))).toBe(true);
    // 1/3·3 − 1 encloses 0 without being it: F.sign would throw IndeterminateError here.
    const straddles = I.sub(I.mul(I.div(I.one, I.from('3')), I.from('3')), I.one);
    expect(() => I.sign(straddles)).toThrow();
    expect(exactlyZero(I, straddles)).toBe(false);
    expect(exactlyZero(I, I.from('0.5'))).toBe(false);
  });
  it('any other failure of the field is not swallowed', () => {
    const broken = {
      ...f64,
      sign: () => {
        throw new TypeError('broken field');
      },
    } as Field<number>;
    expect(() => exactlyZero(broken, 0)).toThrow('broken field');
  });
});
