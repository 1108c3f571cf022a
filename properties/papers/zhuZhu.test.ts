import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type MinimalistInstance, zhuExactIdentity, zhuFinalSharpness } from '../../src/claims/zhu/zhu.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';
import { scaledTolerance } from '../boundary/boundary.js';

/**
 * The minimalist example's checks (src/claims/zhu/zhu.ts) against numbers computed here by hand: the
 * identity's relative error on a step whose size is known in closed form, the final sharpness of a GD
 * run written out in doubles, the steps a run took, and the ranges the generators draw from.
 */
const f64 = parsePrecision('f64');

const inst = (x: string, y: string, lr: string, steps: number, more: Partial<MinimalistInstance> = {}): MinimalistInstance => ({
  model: 'minimalist',
  theta: [x, y],
  lr,
  steps,
  ...more,
});

describe('zhu.exact-identity', () => {
  it('reports the worst step: from (2, 1) the gradient-flow statement misses by |x² − y²|·η²r²x²y² = 108η², a relative 13.5η² of the magnitudes', () => {
    // r = 3, x²y² = 4, x² − y² = 3; x⁺ and y⁺ are summed from 2 + 6η and 1 + 12η, and |c|(1 + 36η²) = 3 + 108η².
    const eta = 5.77e-7;
    const scale = (2 + 6 * eta) ** 2 + (1 + 12 * eta) ** 2 + 3 + 108 * eta ** 2;
    const expected = (108 * eta * eta) / scale;
    // With the tolerance ×10 the statement's 4.9× miss is inside it: the claim holds and reports that step.
    const o = checkAt(scaledTolerance(zhuExactIdentity, 10), inst('2', '1', '0.000000577', 1, { variant: 'gf-conserved' }), f64, { mode: 'control' }).outcome;
    expect(o.verdict).toBe('holds');
    expect(o.evidence.step).toBe(0);
    expect(Math.abs(o.evidence.observed / expected - 1)).toBeLessThan(1e-4);
    expect(o.evidence.margin).toBeCloseTo(10 * 4096 * 2 ** -52 - expected, 15);
  });

  it('compares the steps the instance asks for: none at 0 steps (inconclusive, never a pass)', () => {
    const o = checkAt(zhuExactIdentity, inst('1.5', '0.7', '0.2', 0), f64, { mode: 'claim' }).outcome;
    expect(o).toMatchObject({ verdict: 'inconclusive', reason: 'hypotheses' });
    expect(checkAt(zhuExactIdentity, inst('1.5', '0.7', '0.2', 1), f64, { mode: 'claim' }).outcome.verdict).toBe('holds');
  });

  const within = (v: string, lo: number, hi: number) => Number(v) >= lo && Number(v) <= hi;

  it('claim draws: x, y ∈ [−3, 3] of both signs, η ∈ [0.001, 0.5], 1–20 steps (seed 1)', () => {
    const draws = fc.sample(zhuExactIdentity.arbitrary, { seed: 1, numRuns: 100 });
    expect(draws.filter((d) => !(within(d.theta[0], -3, 3) && within(d.theta[1], -3, 3) && within(d.lr, 0.001, 0.5) && d.steps >= 1 && d.steps <= 20))).toEqual(
      [],
    );
    for (const k of [0, 1]) expect(draws.some((d) => Number(d.theta[k]) < -1.5) && draws.some((d) => Number(d.theta[k]) > 1.5)).toBe(true);
    expect(draws.some((d) => d.steps > 10)).toBe(true);
    expect(draws.filter((d) => d.variant !== undefined)).toEqual([]);
  });

  it('control draws: the gradient-flow statement, one step from x ∈ [1.5, 2], y ∈ [0.2, 0.5] at η ∈ [0.05, 0.2] (seed 1)', () => {
    const draws = fc.sample(zhuExactIdentity.negativeControl.arbitrary, { seed: 1, numRuns: 100 });
    const out = draws.filter(
      (d) => !(within(d.theta[0], 1.5, 2) && within(d.theta[1], 0.2, 0.5) && within(d.lr, 0.05, 0.2) && d.steps === 1 && d.variant === 'gf-conserved'),
    );
    expect(out).toEqual([]);
  });
});

/** GD on ¼(x²y² − 1)² in doubles until |x²y² − 1| < 1e-10 for three steps in a row: η(x² + y²) and the steps taken. */
function landing(x0: number, y0: number, eta: number, cap: number): { s: number; steps: number } {
  let [x, y] = [x0, y0];
  let inRow = 0;
  let n = 0;
  while (n < cap && inRow < 3) {
    const r = x * x * y * y - 1;
    [x, y] = [x - eta * r * x * y * y, y - eta * r * x * x * y];
    n++;
    inRow = Math.abs(x * x * y * y - 1) < 1e-10 ? inRow + 1 : 0;
  }
  return { s: eta * (x * x + y * y), steps: n };
}

describe('zhu.final-sharpness-just-below-edge', () => {
  const fs = (i: MinimalistInstance) => checkAt(zhuFinalSharpness, i, f64, { mode: 'control' }).outcome;

  it('η·S_∞/2 is the landing point of the GD run, and its margin the signed distance into [0.98, 1 + 1e-9] from the nearer end', () => {
    // Below the band (κ = 0.982), inside it (κ = 1.02) and a start on the minimizers 5e-9 above it.
    const cases: [MinimalistInstance, string][] = [
      [inst('3.11722448917806', '0.33683810827396', '0.1', 12000), 'not_just_below_edge'],
      [inst('3.17820702598493', '0.330374953996146', '0.1', 12000), 'just_below_edge'],
      [inst('3.1462643779698288965', '0.31783724438480404789', '0.1', 100), 'not_just_below_edge'],
    ];
    for (const [i, code] of cases) {
      const o = fs(i);
      const want = landing(Number(i.theta[0]), Number(i.theta[1]), Number(i.lr), i.steps);
      expect(o.evidence.code).toBe(code);
      expect(o.evidence.observed).toBeCloseTo(want.s, 9);
      expect(o.evidence.details?.steps).toBe(want.steps);
      expect(o.evidence.margin).toBeCloseTo(Math.min(want.s - 0.98, 1 + 1e-9 - want.s), 9);
    }
  });

  it('a run the cap stops reports the cap as its steps, not one more', () => {
    // From (3, 0.5), far off the minimizers, 5 steps do not converge (a control: the convergence hypothesis waived).
    const o = fs(inst('3', '0.5', '0.1', 5));
    expect(landing(3, 0.5, 0.1, 5).steps).toBe(5);
    expect(o.evidence.details?.steps).toBe(5);
    expect(o.evidence.step).toBe(5);
  });
});
