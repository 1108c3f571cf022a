import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chenChaos as claim } from '../../src/claims/chen/chaos.js';
import { type QuarticGdInstance, quarticInstances } from '../../src/claims/chen/quarticGd.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { decimalCtor } from '../../src/numerics/decimalField.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * chen.cubic-map.chaos (src/claims/chen/chaos.ts) and the quartic instances (quarticGd.ts) against the
 * cubic map written out here in doubles: the Lyapunov exponent of an orbit that settles (a chaotic one
 * is a different orbit with every change in the order of operations), the step an orbit escapes at,
 * the guards at their edges and the ranges the generators draw from.
 */
const f64 = parsePrecision('f64');
const D = decimalCtor(60);

/** μ = 1, so a = η and z = x. */
const cubic = (a: string, z0: string, steps = 2500): QuarticGdInstance => ({ model: 'quartic', params: { mu: '1' }, theta: [z0], lr: a, steps, a, z0 });

/** (1/2000)Σ ln|1 + a − 3az_t²| over t = 500..2499 of z⁺ = (1 + a)z − az³, or the step |z| passes 1e6. */
function lyapunov(a: number, z0: number): { lyap: number; escaped?: number } {
  let z = z0;
  let sum = 0;
  for (let t = 0; t < 2500; t++) {
    if (t >= 500) sum += Math.log(Math.abs(1 + a - 3 * a * z * z));
    z = z - a * (z * z - 1) * z;
    if (!(Math.abs(z) <= 1e6)) return { lyap: Number.NaN, escaped: t };
  }
  return { lyap: sum / 2000 };
}

describe('chen.cubic-map.chaos', () => {
  const outcome = (i: QuarticGdInstance, mode: 'claim' | 'control' = 'claim') => checkAt(claim, i, f64, { mode }).outcome;

  it('the exponent of an orbit on a stable cycle is the one written out here, negative, and the margin: the period-3 window (a = 1.84), the 2-cycle (a = 1.1)', () => {
    for (const [a, mode] of [
      ['1.84', 'claim'],
      ['1.1', 'control'],
    ] as const) {
      const want = lyapunov(Number(a), 0.5).lyap;
      const o = outcome(cubic(a, '0.5'), mode);
      expect(o).toMatchObject({ verdict: 'violated', evidence: { code: 'not_chaotic' } });
      expect(want).toBeLessThan(0);
      expect(o.evidence.observed).toBeCloseTo(want, 9);
      expect(o.evidence.margin).toBeCloseTo(want, 9);
    }
  });

  it('a chaotic orbit holds with its positive exponent as the margin (a = 1.6)', () => {
    const o = outcome(cubic('1.6', '0.5'));
    expect(o).toMatchObject({ verdict: 'holds', evidence: { code: 'chaotic' } });
    expect(o.evidence.observed).toBeGreaterThan(0.5);
    expect(o.evidence.margin).toBe(o.evidence.observed);
  });

  it('an orbit on the critical point counts −745 per step (finite), and an exponent of exactly 0 is not chaos (controls, the range of a waived)', () => {
    // a = ½: z = 1 is fixed and g'(1) = 1 − 2a = 0 exactly, so every term is the floor −745.
    const flat = outcome(cubic('0.5', '1'), 'control');
    expect(flat).toMatchObject({ verdict: 'violated', evidence: { code: 'not_chaotic', observed: -745 } });
    // In interval arithmetic the log of an enclosure touching 0 is itself an enclosure reaching −∞: no floor.
    const enclosed = checkAt(claim, cubic('0.5', '1'), parsePrecision('interval:40'), { mode: 'control' }).outcome;
    expect(enclosed).toMatchObject({ verdict: 'violated', evidence: { code: 'not_chaotic', observed: Number.NEGATIVE_INFINITY } });
    // a = 1: z = 1 is fixed with g'(1) = −1, ln 1 = 0 at every step.
    expect(outcome(cubic('1', '1'), 'control')).toMatchObject({ verdict: 'violated', evidence: { code: 'not_chaotic', observed: 0 } });
  });

  it('an orbit that escapes (a = 2.1, control) diverges at the step it passes 1e6', () => {
    const want = lyapunov(2.1, 0.9);
    expect(want.escaped).toBeDefined();
    expect(outcome(cubic('2.1', '0.9'), 'control')).toMatchObject({ verdict: 'diverged', evidence: { code: 'diverged', step: want.escaped } });
  });

  it('guards: a at the ends of (1.4, 1.95), and a run that is not 500 + 2000 steps', () => {
    const refused = (i: QuarticGdInstance) => {
      const o = outcome(i);
      return o.verdict === 'inconclusive' ? o.evidence.code : o.verdict;
    };
    expect(refused(cubic('1.4', '0.5'))).toBe('a_out_of_range');
    expect(refused(cubic('1.95', '0.5'))).toBe('a_out_of_range');
    expect(refused(cubic('1.401', '0.5'))).not.toBe('a_out_of_range');
    expect(refused(cubic('1.949', '0.5'))).not.toBe('a_out_of_range');
    expect(refused(cubic('1.6', '0.5', 2499))).toBe('steps');
  });

  const within = (s: string, lo: number, hi: number) => Number(s) >= lo && Number(s) <= hi;

  it('claim draws: a ∈ [1.401, 1.949], z₀ ∈ [0.1, 0.9], 2500 steps; control: a ∈ [1.02, 1.2] (seed 1)', () => {
    const draws = fc.sample(claim.arbitrary, { seed: 1, numRuns: 100 });
    expect(draws.filter((d) => !(within(d.a, 1.401, 1.949) && within(d.z0, 0.1, 0.9) && d.steps === 2500))).toEqual([]);
    const ctl = fc.sample(claim.negativeControl.arbitrary, { seed: 1, numRuns: 100 });
    expect(ctl.filter((d) => !(within(d.a, 1.02, 1.2) && within(d.z0, 0.1, 0.9) && d.steps === 2500))).toEqual([]);
  });
});

describe('quarticInstances', () => {
  it('μ = k², k ∈ [0.5, 1.5] on a 2-decimal grid, x₀ = k·z₀, η = a/μ to 15 digits', () => {
    const arb = quarticInstances(fc.constant('1.234'), () => fc.constant('0.7'), 17);
    for (const d of fc.sample(arb, { seed: 2, numRuns: 50 })) {
      const k = new D(d.params.mu).sqrt();
      expect(k.toDecimalPlaces(2).equals(k) && k.gte(0.5) && k.lte(1.5)).toBe(true);
      expect(new D(d.theta[0]).equals(k.times('0.7'))).toBe(true);
      expect(new D(d.lr).times(d.params.mu).div('1.234').minus(1).abs().toNumber()).toBeLessThan(1e-14);
      expect([d.a, d.z0, d.steps]).toEqual(['1.234', '0.7', 17]);
    }
  });
});
