import { describe, expect, it } from 'vitest';
import { marginOf } from './damian.js';
import { marginOf as trackingMarginOf } from './damianTracking.js';

describe('marginOf (damian.ts): 1 − err/bound, ≥ 0 exactly when err ≤ bound', () => {
  it('is 1 − err/bound for a positive bound, of either sign of the margin', () => {
    expect(marginOf(0.25, 1)).toBe(0.75);
    expect(marginOf(3, 2)).toBe(-0.5);
    expect(marginOf(2, 2)).toBe(0);
  });
  it('with a bound of 0 only an exact match passes: 1 for err = 0, −∞ otherwise', () => {
    expect(marginOf(0, 0)).toBe(1);
    expect(marginOf(1e-300, 0)).toBe(Number.NEGATIVE_INFINITY);
    // A negative bound is no bound: only err = 0 passes it.
    expect(marginOf(0, -1)).toBe(1);
    expect(marginOf(0.5, -1)).toBe(Number.NEGATIVE_INFINITY);
  });
  it('is the one the tracking claims read (damianTracking.ts re-exports it)', () => {
    expect(trackingMarginOf).toBe(marginOf);
  });
});
