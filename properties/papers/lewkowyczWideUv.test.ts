import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fl, wideUvInstances } from '../../src/claims/lewkowycz/wideUv.js';
import { decimalCtor } from '../../src/numerics/decimalField.js';
import { f64 } from '../../src/numerics/f64Field.js';

/** The width-m uv model's coordinates and instances (src/claims/lewkowycz/wideUv.ts), against sums written out here. */
const D = decimalCtor(60);

describe('fl: f = vᵀu/√m, λ = (‖u‖² + ‖v‖²)/m', () => {
  it('pairs uᵢ with vᵢ (θ = u₁..u_m, v₁..v_m)', () => {
    // m = 3, u = (1, 2, 3), v = (4, −5, 6): vᵀu = 4 − 10 + 18 = 12, ‖u‖² + ‖v‖² = 14 + 77 = 91.
    const { f, lam } = fl(f64, [1, 2, 3, 4, -5, 6], 3);
    expect(f).toBeCloseTo(12 / Math.sqrt(3), 14);
    expect(lam).toBeCloseTo(91 / 3, 13);
    // m = 1: f = uv, λ = u² + v².
    expect(fl(f64, [0.5, -3], 1)).toEqual({ f: -1.5, lam: 9.25 });
  });
});

describe('wideUvInstances', () => {
  const within = (s: string, lo: number, hi: number) => Number(s) >= lo && Number(s) <= hi;

  it('with κ: η = κ/λ₀ to 15 digits, κ on a 3-decimal grid in its range, the stated m, y and steps; no variant unless asked', () => {
    const arb = wideUvInstances({ m: [2, 5], y: fc.constant('0.25'), kappa: [2.5, 3], steps: [7, 9] });
    const draws = fc.sample(arb, { seed: 3, numRuns: 80 }).filter((d) => d.theta.some((x) => Number(x) !== 0));
    expect(draws.length).toBeGreaterThan(70);
    for (const d of draws) {
      const m = d.theta.length / 2;
      expect(m >= 2 && m <= 5 && d.params.target === '0.25' && d.steps >= 7 && d.steps <= 9 && d.variant === undefined).toBe(true);
      expect(d.theta.every((x) => within(x, -1, 1))).toBe(true);
      expect(d.kappa !== undefined && within(d.kappa, 2.5, 3) && /^\d\.\d{0,3}$/.test(d.kappa)).toBe(true);
      const lam = d.theta.reduce((s, x) => s.plus(new D(x).times(x)), new D(0)).div(m);
      expect(
        new D(d.lr)
          .times(lam)
          .div(d.kappa ?? '1')
          .minus(1)
          .abs()
          .toNumber(),
      ).toBeLessThan(1e-14);
    }
    expect(new Set(draws.map((d) => d.theta.length / 2))).toEqual(new Set([2, 3, 4, 5]));
  });

  it('with η: η on a 3-decimal grid in its range, no κ; the variant when asked', () => {
    const arb = wideUvInstances({ m: [1, 1], y: fc.constant('0'), lr: [0.5, 0.7], steps: [1, 1], variant: 'linearized' });
    for (const d of fc.sample(arb, { seed: 3, numRuns: 40 })) {
      expect(within(d.lr, 0.5, 0.7) && d.kappa === undefined && d.variant === 'linearized' && d.theta.length === 2).toBe(true);
    }
  });

  it('u = v = 0 (λ₀ = 0) takes η = 1 for any κ', () => {
    const arb = wideUvInstances({ m: [1, 1], y: fc.constant('0'), kappa: [2, 3], steps: [1, 1] });
    const zero = fc.sample(arb, { seed: 1, numRuns: 500 }).filter((d) => d.theta.every((x) => Number(x) === 0));
    expect(zero.length).toBeGreaterThan(0);
    for (const d of zero) expect(d.lr).toBe('1');
  });
});
