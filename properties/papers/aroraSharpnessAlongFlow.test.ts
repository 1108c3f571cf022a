import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharpnessDecreasesAlongFlow as claim } from '../../src/claims/arora/sharpnessAlongFlow.js';
import type { Evidence } from '../../src/claims/claim.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * arora.sharpness-decreases-along-flow through its own check (checkAt: one rung, no ladder) on the
 * draws of its generators. Its evidence must say what was measured: the sample where λ₁(Φ(θ)) came
 * closest to rising (its margin is the slack minus that sample's relative rise, the least over the
 * samples), inside the slow-time horizon the instance states, after Phase I's T₁ and at the stated
 * sampling period; the run must reach that horizon (counted in model evaluations, one a step at least); and the negative control must be violated on its draws with that evidence.
 */
const f64 = parsePrecision('f64');
const DRAWS = 12;

/** Where the evidence says Phase I ended and how often it sampled. */
function sampling(e: Evidence): { T1: number; every: number } {
  const { T1, every } = e.details ?? {};
  expect(typeof T1 === 'number' && typeof every === 'number', `details ${JSON.stringify(e.details)}`).toBe(true);
  return { T1: T1 as number, every: every as number };
}

describe('arora.sharpness-decreases-along-flow on its draws (seed 1, f64)', () => {
  it(`holds on each of ${DRAWS} draws, run through the stated horizon, reporting its worst sample inside it`, () => {
    for (const i of fc.sample(claim.arbitrary, { seed: 1, numRuns: DRAWS })) {
      const { outcome: o, evaluations } = checkAt(claim, i, f64, { mode: 'claim' });
      const what = `${JSON.stringify(i)}: ${o.evidence.message}`;
      expect(o.verdict, what).toBe('holds');
      const e = o.evidence;
      const eta = Number(i.lr);
      const { T1, every } = sampling(e);
      // The period of the statement, ⌈0.1/η²⌉ steps, and a sample after Phase I, no later than the horizon.
      expect(every, what).toBe(Math.ceil(0.1 / (eta * eta)));
      expect(e.step, what).toBeGreaterThan(T1);
      expect(((e.step ?? 0) - T1) % every, what).toBe(0);
      expect((e.step ?? 0) - T1, what).toBeLessThanOrEqual(Math.ceil(Number(i.horizon) / (eta * eta)));
      // The run covers the horizon: ⌊⌈h/η²⌉/every⌋ samples (at least 2) after T₁, each step at least one model evaluation.
      const samples = Math.max(2, Math.floor(Math.ceil(Number(i.horizon) / (eta * eta)) / every));
      expect(evaluations, what).toBeGreaterThanOrEqual(T1 + samples * every);
      // The margin is that sample's: the slack minus its relative rise.
      expect(e.margin, what).toBeGreaterThan(0);
      expect(e.margin, what).toBeCloseTo(e.bound - e.observed, 12);
    }
  });

  it(`its negative control (λ₁ at the iterate, every step) is violated with a margin < 0 on its draws`, () => {
    const draws = fc.sample(claim.negativeControl.arbitrary, { seed: 1, numRuns: DRAWS });
    const outcomes = draws.map((i) => checkAt(claim, i, f64, { mode: 'control' }).outcome);
    const violated = outcomes.filter((o) => o.verdict === 'violated');
    // The 2-cycle's oscillation can stay inside the slack over a short horizon; most draws show it.
    expect(violated.length).toBeGreaterThanOrEqual(DRAWS / 2);
    for (const o of violated) {
      expect(o.evidence.code).toBe('sharpness_increased');
      expect(o.evidence.margin).toBeLessThan(0);
      expect(o.evidence.margin).toBeCloseTo(o.evidence.bound - o.evidence.observed, 12);
      expect(sampling(o.evidence).every).toBe(1);
    }
  });
});
