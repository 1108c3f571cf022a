import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type UvBalancingInstance, uvExactBalancingRate as claim } from '../../src/claims/arora/arora.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * arora.uv.exact-balancing-rate through its own check at f64 (checkAt: one rung, no ladder), against
 * its statement: on ½(uv − 1)², Δ = u² − v² and λ = u² + v², √L-GD gives Δ⁺ = Δ(1 − η²/2) and NGD Δ⁺ =
 * Δ(1 − η²/λ) at every step, to 4096 ulps of λ + λ⁺. Its draws meet the hypotheses and hold at every
 * step; its control (plain GD, u⁺ = u − ηrv, v⁺ = v − ηru) misses the √L-GD rate at step 0 by what one
 * GD step computed here gives; each hypothesis guard stops an instance on it and lets one next to it through.
 */
const f64 = parsePrecision('f64');
const ULPS = 4096 * 2 ** -52;

const uv = (u: string, v: string, rule: UvBalancingInstance['rule'], rate: UvBalancingInstance['rate'], lr = '0.1', steps = 30): UvBalancingInstance => ({
  model: 'uv',
  params: { target: '1' },
  theta: [u, v],
  lr,
  steps,
  rule,
  rate,
});

const check = (i: UvBalancingInstance, mode: 'claim' | 'control' = 'claim') => checkAt(claim, i, f64, { mode }).outcome;

describe('arora.uv.exact-balancing-rate (seed 1, f64)', () => {
  it('holds on 12 draws, √L-GD and NGD, each step checked (unless the run stops on a minimizer), with its worst step and margin', () => {
    const draws = fc.sample(claim.arbitrary, { seed: 1, numRuns: 12 });
    expect(new Set(draws.map((i) => i.rule))).toEqual(new Set(['sqrt-gd', 'ngd']));
    // u and v each range over [−3, 3]: both signs among the draws.
    for (const c of [0, 1]) {
      const xs = draws.map((i) => Number(i.theta[c]));
      expect(Math.min(...xs)).toBeLessThan(0);
      expect(Math.max(...xs)).toBeGreaterThan(0);
    }
    for (const i of draws) {
      expect(i.rule).toBe(i.rate);
      expect(Number(i.theta[0]) * Number(i.theta[1])).not.toBe(1);
      for (const x of i.theta) expect(Math.abs(Number(x))).toBeLessThanOrEqual(3);
      expect(Number(i.lr)).toBeGreaterThanOrEqual(0.001);
      expect(Number(i.lr)).toBeLessThanOrEqual(1);
      expect(Number.isInteger(i.steps) && i.steps >= 1 && i.steps <= 200).toBe(true);
      const o = check(i);
      const what = `${JSON.stringify(i)}: ${o.evidence.message}`;
      expect([o.verdict, o.evidence.code], what).toEqual(['holds', 'rate_exact']);
      expect(o.evidence.bound, what).toBeCloseTo(ULPS, 20);
      expect(o.evidence.observed, what).toBeLessThanOrEqual(o.evidence.bound);
      expect(o.evidence.margin, what).toBeCloseTo(o.evidence.bound - o.evidence.observed, 20);
      // No draw lands exactly on a minimizer (where the rules stop): every step is checked.
      expect(o.evidence.details, what).toEqual({ rule: i.rule, steps: i.steps });
      expect(o.evidence.step, what).toBeLessThan(i.steps);
    }
  });

  it('its control, plain GD from an unbalanced start asserted at the √L-GD rate, is violated at step 0 by one GD step’s miss', () => {
    for (const i of fc.sample(claim.negativeControl.arbitrary, { seed: 1, numRuns: 5 })) {
      const [u, v] = i.theta.map(Number);
      expect(i.rule).toBe('gd');
      expect(Math.abs(u * u - v * v)).toBeGreaterThanOrEqual(0.5);
      expect(Number(i.lr)).toBeGreaterThanOrEqual(0.01);
      expect(Number(i.lr)).toBeLessThanOrEqual(0.2);
      const eta = Number(i.lr);
      const r = u * v - 1;
      const [u1, v1] = [u - eta * r * v, v - eta * r * u];
      const miss = Math.abs(u1 * u1 - v1 * v1 - (u * u - v * v) * (1 - (eta * eta) / 2)) / (u * u + v * v + u1 * u1 + v1 * v1);
      const o = check(i, 'control');
      expect(o.verdict).toBe('violated');
      expect(o.evidence).toMatchObject({ code: 'rate_mismatch', step: 0, details: { rule: 'gd', rate: 'sqrt-gd' } });
      expect(o.evidence.observed).toBeCloseTo(miss, 12);
      expect(o.evidence.margin).toBeLessThan(0);
    }
  });

  it('at interval:30 (no slack) its holds evidence carries the enclosure of the least margin over the steps', () => {
    const o = checkAt(claim, uv('2', '0.3', 'sqrt-gd', 'sqrt-gd', '0.1', 5), parsePrecision('interval:30'), { mode: 'claim' }).outcome;
    expect([o.verdict, o.evidence.code, o.evidence.details?.steps]).toEqual(['holds', 'rate_exact', 5]);
    const e = o.evidence.enclosure;
    if (e === undefined) throw new Error('an enclosure at interval:30');
    expect(e.lo).toBeLessThanOrEqual(o.evidence.margin);
    expect(e.hi).toBeGreaterThanOrEqual(o.evidence.margin);
  });

  it('stops a start on the minimizers (uv = 1: at_minimizer) and a rule other than the rate’s (rule_mismatch); a start next to them holds', () => {
    expect(check(uv('2', '0.5', 'sqrt-gd', 'sqrt-gd')).evidence.code).toBe('at_minimizer');
    expect(check(uv('2', '0.51', 'sqrt-gd', 'sqrt-gd')).verdict).toBe('holds');
    expect(check(uv('2', '0.3', 'ngd', 'sqrt-gd')).evidence.code).toBe('rule_mismatch');
    expect(check(uv('2', '0.3', 'ngd', 'ngd')).verdict).toBe('holds');
  });
});
