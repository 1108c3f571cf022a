import { expect, test } from 'vitest';
import { judgeOrderInEta } from '../src/claims/arora/codimTwoFlow.js';
import { createContext } from '../src/harness/checkContext.js';
import { orderFit } from '../src/numerics/orderFit.js';
import { parsePrecision } from '../src/numerics/precision.js';

/**
 * The boundary of the order-of-convergence decision (src/claims/judgeOrder.ts, shared by the
 * codimension-2 Arora claims and the two-layer Damian claims):
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
