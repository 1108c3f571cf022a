import { describe, expect, it } from 'vitest';
import { orderFit, tQuantile975 } from './orderFit.js';

describe('tQuantile975', () => {
  it('matches published Student t quantiles', () => {
    // Independent values (e.g. R's qt(0.975, df)).
    expect(tQuantile975(1)).toBeCloseTo(12.7062, 3);
    expect(tQuantile975(3)).toBeCloseTo(3.18245, 4);
    expect(tQuantile975(40)).toBeCloseTo(2.021075, 3);
    expect(tQuantile975(120)).toBeCloseTo(1.97993, 4);
  });
  it('rejects a non-integer or zero df', () => {
    expect(() => tQuantile975(0)).toThrow(/degrees of freedom/);
    expect(() => tQuantile975(2.5)).toThrow(/degrees of freedom/);
  });
});

describe('orderFit', () => {
  const ladder = [0.1, 0.05, 0.025, 0.0125, 0.00625];
  it('recovers an exact power law with a zero-width interval', () => {
    for (const p of [0.5, 1, 2, 3]) {
      const f = orderFit(ladder.map((e) => ({ eps: e, error: 7.3 * e ** p })));
      expect(f.slope).toBeCloseTo(p, 12);
      expect(f.hi - f.lo).toBeLessThan(1e-9);
      expect(f.intercept).toBeCloseTo(Math.log(7.3), 10);
    }
  });
  it('gives the textbook interval on a hand-computed example', () => {
    // log ε = 0, 1, 2, log err = 0, 1, 3: slope 3/2, intercept −1/6, residuals 1/6, −1/3, 1/6,
    // RSS = 1/6, Sxx = 2, se = √((1/6)/1/2) = √(1/12), half-width = t(1 df)·se.
    const E = Math.E;
    const f = orderFit([
      { eps: 1, error: 1 },
      { eps: E, error: E },
      { eps: E * E, error: E ** 3 },
    ]);
    expect(f.slope).toBeCloseTo(1.5, 12);
    expect(f.se).toBeCloseTo(Math.sqrt(1 / 12), 10);
    expect(f.hi - f.slope).toBeCloseTo(12.706205 * Math.sqrt(1 / 12), 5);
  });
  it('an error that does not shrink has order 0, whatever its constant', () => {
    const f = orderFit(ladder.map((e, i) => ({ eps: e, error: 0.3 * (1 + 0.01 * (i % 2)) })));
    expect(Math.abs(f.slope)).toBeLessThan(0.02);
    expect(f.hi).toBeLessThan(1);
  });
  it('rejects short ladders, non-positive errors and equal ε', () => {
    expect(() =>
      orderFit([
        { eps: 1, error: 1 },
        { eps: 0.5, error: 0.5 },
      ]),
    ).toThrow(/at least 3 rungs/);
    expect(() =>
      orderFit([
        { eps: 1, error: 1 },
        { eps: 0.5, error: 0 },
        { eps: 0.25, error: 1 },
      ]),
    ).toThrow(/positive and finite/);
    expect(() =>
      orderFit([
        { eps: 1, error: 1 },
        { eps: 1, error: 2 },
        { eps: 1, error: 3 },
      ]),
    ).toThrow(/not all be equal/);
  });
});
