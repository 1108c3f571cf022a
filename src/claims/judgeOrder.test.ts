import { describe, expect, it } from 'vitest';
import type { OrderFit } from '../numerics/orderFit.js';
import type { CheckContext } from './claim.js';
import { judgeOrder, ORDER_UNDETERMINED, type OrderJudgement } from './judgeOrder.js';

/**
 * Only what judgeOrder calls. In a claim `assume(false)` stops the check (it throws here, with its code and message);
 * in a negative control it does not, and the check goes on.
 */
const context = (mode: 'claim' | 'control') =>
  ({
    assume(condition: boolean, code: string, message: string): void {
      if (!condition && mode === 'claim') throw new Error(`${code}: ${message}`);
    },
    holds: (fields: object) => ({ verdict: 'holds', ...fields }),
    violated: (fields: object) => ({ verdict: 'violated', ...fields }),
    uncertain: (fields: object) => ({ verdict: 'inconclusive', reason: 'uncertain', ...fields }),
  }) as unknown as CheckContext<number>;

/** A fit stated by hand (judgeOrder reads the interval and the last rung, never refits). */
const statedFit = (lo: number, hi: number, lastError: number): OrderFit => ({
  slope: (lo + hi) / 2,
  lo,
  hi,
  se: (hi - lo) / 4,
  intercept: 0,
  rungs: [
    { eps: 0.1, error: 0.5 },
    { eps: 0.05, error: 0.2 },
    { eps: 0.025, error: lastError },
  ],
});
const judge = (f: OrderFit, more: Partial<OrderJudgement> = {}, mode: 'claim' | 'control' = 'claim') =>
  judgeOrder(context(mode), { what: 'the gap', fit: f, symbol: 'η', order: 1, level: 0.01, ...more }) as unknown as Record<string, unknown>;

describe('judgeOrder', () => {
  it('an interval wholly below the order is order_too_low, its margin hi − order; an interval reaching it exactly is not', () => {
    expect(judge(statedFit(0.5, 0.9, 0.001))).toMatchObject({ verdict: 'violated', code: 'order_too_low', observed: 0.9, bound: 1 });
    expect(judge(statedFit(0.5, 0.9, 0.001)).margin).toBeCloseTo(-0.1, 15);
    expect(judge(statedFit(0.5, 1, 0.001))).toMatchObject({ verdict: 'holds', code: 'order_reached' });
  });

  it('an order reached with the smallest rung’s error above the level is error_too_large, its margin level − error; at the level exactly it holds', () => {
    const o = judge(statedFit(0.8, 1.4, 0.03));
    expect(o).toMatchObject({ verdict: 'violated', code: 'error_too_large', observed: 0.03, bound: 0.01 });
    expect(o.margin).toBeCloseTo(-0.02, 15);
    expect(o.message).toContain('the error at η = 0.025 is 3.00e-2 > 0.01');
    expect(judge(statedFit(0.8, 1.4, 0.01))).toMatchObject({ verdict: 'holds' });
  });

  it('an interval reaching the order but containing 0 (lo ≤ 0) stops a claim as undetermined, and is uncertain in a control', () => {
    for (const lo of [-0.3, 0]) {
      expect(() => judge(statedFit(lo, 1.5, 0.001))).toThrow(`${ORDER_UNDETERMINED}: the gap: slope`);
      const c = judge(statedFit(lo, 1.5, 0.001), {}, 'control');
      expect(c).toMatchObject({ verdict: 'inconclusive', reason: 'uncertain', code: ORDER_UNDETERMINED, observed: lo, bound: 0, margin: lo });
      expect(c.message).toContain('the 95% interval contains 0');
    }
    expect(judge(statedFit(1e-9, 1.5, 0.001))).toMatchObject({ verdict: 'holds' });
  });

  it('a pass reports hi against the order and the smaller of its two margins: hi − order, or 1 − error/level', () => {
    // hi − order = 0.2 against 1 − 0.001/0.01 = 0.9; then 0.6 against 1 − 0.008/0.01 = 0.2 (to rounding).
    expect(judge(statedFit(0.8, 1.2, 0.001))).toMatchObject({ verdict: 'holds', observed: 1.2, bound: 1 });
    expect(judge(statedFit(0.8, 1.2, 0.001)).margin).toBeCloseTo(0.2, 12);
    expect(judge(statedFit(0.8, 1.6, 0.008)).margin).toBeCloseTo(0.2, 12);
    expect(judge(statedFit(0.8, 1.6, 0.001)).margin).toBeCloseTo(0.6, 12);
  });

  it('the evidence carries the fit and the caller’s details; a non-empty note ends every message after a dash', () => {
    const o = judge(statedFit(0.8, 1.2, 0.001), { details: { runs: 3 }, note: 'two-layer draw 4' });
    expect(o.details).toMatchObject({ fitSlope: 1, fitLo: 0.8, fitHi: 1.2, runs: 3 });
    expect(o.details).toHaveProperty('fitRungs', 'η=0.1000: 0.5000; η=0.05000: 0.2000; η=0.02500: 0.001000');
    expect(o.message).toBe('the gap: slope 1.00 [0.80, 1.20] in η (interval reaches order 1); error 1.00e-3 ≤ 0.01 at the smallest η — two-layer draw 4');
    for (const note of [undefined, '']) expect(judge(statedFit(0.8, 1.2, 0.001), { note }).message).not.toContain(' — ');
    expect(judge(statedFit(0.5, 0.9, 0.001), { note: 'x' }).message).toMatch(/lies below order 1 — x$/);
  });
});
