import { expect, test } from 'vitest';
import { judgeOrderInEta } from '../src/claims/arora/codimTwoFlow.js';
import { ORDER_UNDETERMINED } from '../src/claims/judgeOrder.js';
import { createContext, HypothesisUnmet } from '../src/harness/checkContext.js';
import { orderFit } from '../src/numerics/orderFit.js';
import { parsePrecision } from '../src/numerics/precision.js';

/**
 * The boundary of the order-of-convergence decision (src/claims/judgeOrder.ts, shared by the
 * codimension-2 Arora claims and the two-layer Damian claims), each branch at its edge — order_too_low,
 * error_too_large, order_undetermined (the interval reaches the order but contains 0) and holds:
 * error ladders over η = 0.08 … 0.01 made by hand, of order just below 1 and just at it, with a
 * 1% wobble so that the 95% interval has a width. A whole instance costs seconds a rung; the
 * decision is what the order and level constants feed, so it is pinned here on stated ladders
 * (properties/boundary/arora.ts pins the levels on whole instances).
 */
const ETAS = [0.08, 0.04, 0.02, 0.01];
const WOBBLE = [1, 1.01, 0.99, 1];

function decide(order: number, c: number, level: number) {
  const { ctx } = createContext({ precision: parsePrecision('f64'), tolerance: { rel: 0 }, mode: 'claim', budget: 1 });
  const fit = orderFit(ETAS.map((eta, i) => ({ eps: eta, error: c * eta ** order * WOBBLE[i] })));
  return { fit, outcome: judgeOrderInEta(ctx, 'a stated ladder', fit, level, {}, '') };
}

test('a ladder of order 0.9 (slope 0.90, 95% interval [0.88, 0.93]) is flagged order_too_low; order 1 holds', () => {
  const low = decide(0.9, 1, 0.05);
  expect(low.fit.hi).toBeLessThan(1);
  expect(low.fit.hi).toBeGreaterThan(0.9);
  expect([low.outcome.verdict, low.outcome.evidence.code]).toEqual(['violated', 'order_too_low']);
  const one = decide(1, 1, 0.05);
  expect([one.outcome.verdict, one.outcome.evidence.code]).toEqual(['holds', 'order_reached']);
});

test('an order-1 ladder ending 1.1× above the level is flagged error_too_large; 0.9× holds', () => {
  // error(0.01) = c·0.01: c = 5.5 puts it at 0.055 = 1.1 × 0.05, c = 4.5 at 0.045.
  const above = decide(1, 5.5, 0.05);
  expect([above.outcome.verdict, above.outcome.evidence.code]).toEqual(['violated', 'error_too_large']);
  expect(above.outcome.evidence.observed).toBeCloseTo(0.055, 12);
  const below = decide(1, 4.5, 0.05);
  expect(below.outcome.verdict).toBe('holds');
});

/**
 * A ladder of exact slope `order` whose log-errors carry the residual pattern (+1, −1, −1, +1)·s:
 * orthogonal to 1 and to log η on equally spaced rungs, so the slope stays `order` and the interval
 * half-width is proportional to s. `sFor(lo)` puts the interval's lower end at `lo`.
 */
const PATTERN = [1, -1, -1, 1];
const wobbled = (order: number, s: number) => orderFit(ETAS.map((eta, i) => ({ eps: eta, error: 0.1 * eta ** order * Math.exp(s * PATTERN[i]) })));
const halfWidthPerS = wobbled(1, 1).hi - 1;
const sFor = (order: number, lo: number) => (order - lo) / halfWidthPerS;

function judge(fit: ReturnType<typeof orderFit>, mode: 'claim' | 'control') {
  const { ctx } = createContext({ precision: parsePrecision('f64'), tolerance: { rel: 0 }, mode, budget: 1 });
  return judgeOrderInEta(ctx, 'a stated ladder', fit, 0.05, {}, '');
}

test('an interval reaching order 1 whose lower end is 0.01 below 0 is order_undetermined (inconclusive, the fit in the message); 0.01 above 0 holds', () => {
  const below = wobbled(1, sFor(1, -0.01));
  expect(below.slope).toBeCloseTo(1, 12);
  expect(below.lo).toBeCloseTo(-0.01, 12);
  expect(below.hi).toBeGreaterThan(1);
  let thrown: unknown;
  try {
    judge(below, 'claim');
  } catch (e) {
    thrown = e;
  }
  expect(thrown).toBeInstanceOf(HypothesisUnmet);
  expect((thrown as HypothesisUnmet).code).toBe(ORDER_UNDETERMINED);
  expect((thrown as HypothesisUnmet).message).toMatch(/slope 1\.00 \[-0\.01, 2\.01\] in η: the 95% interval contains 0.*η=0\.01000: /);
  // In a negative control `assume` runs on: the outcome is inconclusive, never a pass or a failure.
  const control = judge(below, 'control');
  expect([control.verdict, control.evidence.code]).toEqual(['inconclusive', ORDER_UNDETERMINED]);
  const above = wobbled(1, sFor(1, 0.01));
  expect(above.lo).toBeCloseTo(0.01, 12);
  const held = judge(above, 'claim');
  expect([held.verdict, held.evidence.code]).toEqual(['holds', 'order_reached']);
});

test('the branches in order: an interval below the order is order_too_low and an error above the level error_too_large even when the interval contains 0', () => {
  // Slope 0.5 with lo = −0.5: hi = 1.5 reaches 1, so only the lower end is in question.
  const wide = wobbled(0.5, sFor(0.5, -0.5));
  expect(wide.hi).toBeGreaterThan(1);
  // Slope −1 with its interval [−1.2, −0.8]: below order 1 (and below 0) is a violation, not an undetermined order.
  const falling = wobbled(-1, sFor(-1, -1.2));
  expect(falling.hi).toBeLessThan(1);
  expect(judge(falling, 'claim').evidence.code).toBe('order_too_low');
  // The same wide interval with the error at η = 0.01 1.1× the level 0.05: error_too_large decides first.
  const big = orderFit(wide.rungs.map((r) => ({ eps: r.eps, error: (r.error * 0.055) / wide.rungs[3].error })));
  expect(big.lo).toBeCloseTo(wide.lo, 12);
  expect([judge(big, 'claim').verdict, judge(big, 'claim').evidence.code]).toEqual(['violated', 'error_too_large']);
});
