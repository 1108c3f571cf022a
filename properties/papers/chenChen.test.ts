import { describe, expect, it } from 'vitest';
import { chenConvergesBelowOne, chenDivergenceThreshold, chenTwoCycle } from '../../src/claims/chen/chen.js';
import type { QuarticGdInstance } from '../../src/claims/chen/quarticGd.js';
import type { Claim } from '../../src/claims/claim.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * The cubic-map checks (src/claims/chen/chen.ts) against the map written out here in doubles: the
 * 2-cycle's closed forms after N steps, the distance from ±1, the orbit's peak over b, and the
 * hypothesis guards at their edges.
 */
const f64 = parsePrecision('f64');

/** μ = 1, so a = η and z = x. */
const cubic = (a: string, z0: string, steps: number): QuarticGdInstance => ({ model: 'quartic', params: { mu: '1' }, theta: [z0], lr: a, steps, a, z0 });
const g = (a: number, z: number) => z - a * (z * z - 1) * z;
const orbit = (a: number, z0: number, steps: number) => {
  let z = z0;
  for (let t = 0; t < steps; t++) z = g(a, z);
  return z;
};
const run = (c: Claim<QuarticGdInstance>, i: QuarticGdInstance, mode: 'claim' | 'control' = 'claim') => checkAt(c, i, f64, { mode }).outcome;
const refused = (c: Claim<QuarticGdInstance>, i: QuarticGdInstance) => {
  const o = run(c, i);
  return o.verdict === 'inconclusive' ? o.evidence.code : o.verdict;
};

describe('chen.cubic-map.two-cycle', () => {
  /** The five relative errors of the closed forms at the orbit's point after N steps, as the statement lists them. */
  function closedForms(a: number, z0: number, steps: number): number[] {
    const p = orbit(a, z0, steps);
    const q = g(a, p);
    const gp = (z: number) => 1 + a - 3 * a * z * z;
    const rel = (got: number, want: number) => Math.abs(got - want) / (1 + Math.abs(want));
    return [
      rel(Math.abs(g(a, q) - p), 0),
      rel(Math.abs(p + q), Math.sqrt((a + 3) / a)),
      rel(p * q, 1 / a),
      rel(gp(p) * gp(q), 9 - 2 * (a + 1) ** 2),
      rel(a * ((3 * (p * p + q * q)) / 2 - 1), (a + 3) / 2),
    ];
  }

  it('a violation reports the first closed form past the tolerance, a hold the worst; the margin is the tolerance less the worst (a = 1.22 from 0.9)', () => {
    // After 240 steps the period-2 return (5.1e-10) is the first past 1e-10, the multiplier (1.8e-9) the worst; after 278 all are within it.
    const e240 = closedForms(1.22, 0.9, 240);
    const v = run(chenTwoCycle, cubic('1.22', '0.9', 240), 'control');
    expect(v).toMatchObject({ verdict: 'violated', evidence: { code: 'not_the_two_cycle', step: 240 } });
    expect(e240[0]).toBeLessThan(Math.max(...e240) / 2);
    expect(v.evidence.observed / e240[0] - 1).toBeCloseTo(0, 3);
    expect((1e-10 - v.evidence.margin) / Math.max(...e240) - 1).toBeCloseTo(0, 3);
    const e278 = closedForms(1.22, 0.9, 278);
    const h = run(chenTwoCycle, cubic('1.22', '0.9', 278), 'control');
    expect(h).toMatchObject({ verdict: 'holds', evidence: { code: 'two_cycle', step: 278 } });
    expect(h.evidence.observed / Math.max(...e278) - 1).toBeCloseTo(0, 3);
    expect((1e-10 - h.evidence.margin) / Math.max(...e278) - 1).toBeCloseTo(0, 3);
  });

  it('guards a at the ends of (1, √5 − 1), and diverges where the orbit leaves every bound (a = 2.5, control)', () => {
    expect(refused(chenTwoCycle, cubic('1', '0.9', 2000))).toBe('a_out_of_range');
    expect(refused(chenTwoCycle, cubic('1.2361', '0.9', 2000))).toBe('a_out_of_range');
    expect(refused(chenTwoCycle, cubic('1.236', '0.9', 10))).not.toBe('a_out_of_range');
    let z = 1.2;
    let t = 0;
    for (; Math.abs(g(2.5, z)) <= 1e6; t++) z = g(2.5, z);
    expect(run(chenTwoCycle, cubic('2.5', '1.2', 2000), 'control')).toMatchObject({ verdict: 'diverged', evidence: { step: t } });
  });
});

describe('chen.cubic-map.divergence-threshold', () => {
  it("a holding orbit (a = 1.1, on its way to the 2-cycle) reports its peak |z| over b, and the margin is the lesser of the criterion's and the peak's", () => {
    const a = 1.1;
    const b = Math.sqrt((2 + a) / a);
    let z = 0.3;
    let peak = 0;
    for (let t = 0; t < 300; t++) {
      z = g(a, z);
      peak = Math.max(peak, Math.abs(z));
    }
    const o = run(chenDivergenceThreshold, cubic('1.1', '0.3', 300));
    expect(o.verdict).toBe('holds');
    expect(o.evidence.observed).toBeCloseTo(peak / b, 12);
    const criterion = 1 - (4 * (1 + a) ** 3) / (27 * (2 + a));
    expect(o.evidence.margin).toBeCloseTo(Math.min(criterion, 1 + 4096 * 2 ** -52 - peak / b), 12);
  });

  it('guards: a ≤ 0 or a > 2, a start outside [−b, b]', () => {
    expect(refused(chenDivergenceThreshold, cubic('0', '0.5', 10))).toBe('a_out_of_range');
    expect(refused(chenDivergenceThreshold, cubic('-0.5', '0.5', 10))).toBe('a_out_of_range');
    expect(refused(chenDivergenceThreshold, cubic('2.001', '0.5', 10))).toBe('a_out_of_range');
    // a = 1: b = √3 = 1.7320508…
    expect(refused(chenDivergenceThreshold, cubic('1', '1.7321', 10))).toBe('start_outside');
    expect(refused(chenDivergenceThreshold, cubic('1', '-1.7321', 10))).toBe('start_outside');
    expect(refused(chenDivergenceThreshold, cubic('1', '1.732', 10))).toBe('holds');
  });

  it('an escape past b reports |z|/b at the step it left (a = 2.3 from 0.9, control)', () => {
    const a = 2.3;
    const b = Math.sqrt((2 + a) / a);
    let z = 0.9;
    let t = 0;
    for (; ; t++) {
      z = g(a, z);
      if (Math.abs(z) > b * (1 + 4096 * 2 ** -52)) break;
    }
    const o = run(chenDivergenceThreshold, cubic('2.3', '0.9', 2000), 'control');
    expect(o).toMatchObject({ verdict: 'violated', evidence: { code: 'escaped', step: t } });
    expect(o.evidence.observed).toBeCloseTo(Math.abs(z) / b, 12);
    expect(o.evidence.margin).toBeCloseTo(1 + 4096 * 2 ** -52 - Math.abs(z) / b, 12);
  });
});

describe('chen.cubic-map.converges-below-one', () => {
  it('the distance from ±1 after N steps is the one written out here, and the margin the tolerance less it', () => {
    for (const [z0, steps] of [
      ['0.5', 150],
      ['-0.5', 173],
      ['1.3', 400],
    ] as const) {
      const dist = Math.abs(Math.abs(orbit(0.95, Number(z0), steps)) - 1);
      const o = run(chenConvergesBelowOne, cubic('0.95', z0, steps));
      expect(o.evidence.observed / dist - 1).toBeCloseTo(0, 6);
      expect(o.evidence.margin / (1e-9 - dist) - 1).toBeCloseTo(0, 6);
      expect(o.verdict).toBe(dist <= 1e-9 ? 'holds' : 'violated');
    }
  });

  it('in interval arithmetic the orbit is stepped in centred form: after 300 steps its enclosure is still tight', () => {
    const o = checkAt(chenConvergesBelowOne, cubic('0.95', '0.5', 300), parsePrecision('interval:40'), { mode: 'claim' }).outcome;
    expect(o).toMatchObject({ verdict: 'holds', evidence: { code: 'converged' } });
    expect(o.evidence.observed).toBeLessThan(1e-12);
    const e = o.evidence.enclosure;
    expect(e !== undefined && e.lo > 0 && e.hi - e.lo < 1e-20).toBe(true);
  });

  it('guards: a at the ends of (0, 1), z₀ = 0, |z₀| ≥ b', () => {
    expect(refused(chenConvergesBelowOne, cubic('0', '0.5', 10))).toBe('a_out_of_range');
    expect(refused(chenConvergesBelowOne, cubic('1', '0.5', 10))).toBe('a_out_of_range');
    expect(refused(chenConvergesBelowOne, cubic('0.5', '0', 10))).toBe('start_outside');
    // a = 0.5: b = √5 = 2.2360679…
    expect(refused(chenConvergesBelowOne, cubic('0.5', '2.2361', 10))).toBe('start_outside');
    expect(refused(chenConvergesBelowOne, cubic('0.5', '-2.2361', 10))).toBe('start_outside');
    expect(refused(chenConvergesBelowOne, cubic('0.5', '2.236', 2000))).toBe('holds');
  });

  it('the naive nearest-well reading: its margin is the lesser of the distance and the side, z·sign(z₀)', () => {
    const o = run(chenConvergesBelowOne, { ...cubic('0.8', '1.6', 2000), variant: 'nearest' } as QuarticGdInstance, 'control');
    expect(o).toMatchObject({ verdict: 'violated', evidence: { code: 'other_well' } });
    expect(o.evidence.margin).toBeCloseTo(orbit(0.8, 1.6, 2000), 6);
    expect(o.evidence.margin).toBeLessThan(0);
    const same = run(chenConvergesBelowOne, { ...cubic('0.8', '1.3', 2000), variant: 'nearest' } as QuarticGdInstance, 'control');
    expect(same.verdict).toBe('holds');
  });
});
