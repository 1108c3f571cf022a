import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DlnGdInstance, evenHyperbolicIdentity as hyperbolic, evenInvariantIdentity as invariant } from '../../src/claims/even/even.js';
import type { Claim } from '../../src/claims/claim.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';
import { genericDln } from '../boundary/even.js';

/**
 * The two exact identities of even.ts on hand-made networks whose first step is known in closed form: X = 1 (or the second of
 * two features), y = −2, so at β = 0 the gradient is g = 2 on the coordinates X reaches and 0 elsewhere. The slack of the hyperbolic
 * identity against its closed form, the guards of its hypotheses, where the parameterization breaks, and what the evidence reports.
 */

const f64 = parsePrecision('f64');
const run = (claim: Claim<DlnGdInstance>, i: DlnGdInstance, mode: 'claim' | 'control' = 'claim') => checkAt(claim, i, f64, { mode }).outcome;

/** n = 1, d = 1 or 2 (X = [1] or [0, 1]), y = −2, one step from θ = (u…, v…). */
const net = (theta: string[], lr: string, variant?: DlnGdInstance['variant'], steps = 1): DlnGdInstance => ({
  model: 'diagonal-linear',
  data: { X: [theta.length === 2 ? ['1'] : ['0', '1']], y: ['-2'] },
  theta,
  lr,
  steps,
  ...(variant !== undefined ? { variant } : {}),
});

describe('the generator', () => {
  it('draws X and y from [−1, 1] and v from [−0.2, 0.2], both signs', () => {
    const xs: number[] = [];
    const ys: number[] = [];
    const vs: number[] = [];
    for (const i of fc.sample(invariant.arbitrary, { numRuns: 200, seed: 5 })) {
      xs.push(...i.data.X.flat().map(Number));
      ys.push(...i.data.y.map(Number));
      vs.push(...(i.theta ?? []).slice((i.theta ?? []).length / 2).map(Number));
    }
    for (const [v, lim] of [
      [xs, 1],
      [ys, 1],
      [vs, 0.2],
    ] as const) {
      expect(Math.min(...v)).toBeLessThan(-lim / 2);
      expect(Math.max(...v)).toBeGreaterThan(lim / 2);
      expect(Math.max(...v.map(Math.abs))).toBeLessThanOrEqual(lim);
    }
  });
});

describe('even.dln.hyperbolic-coordinate-identity', () => {
  it('its slack is 4096 ulps of 1 + |s| + the two condition numbers + γ(|g| + its summands)/(1 − γ²g²): the first-order step at 1.13× of it fails, at 0.84× holds', () => {
    // Coordinate 2 from (u, v) = (1, 0): x = γg = 2γ, s = 0, s⁺ = −artanh(x); the first-order step misses it by artanh(x) − x.
    const tol = 4096 * 2 ** -52;
    const ratio = (gamma: number) => {
      const x = 2 * gamma;
      const scale = 1 + 1 + (1 + x * x) / (1 - x * x) + (2 * x) / (1 - x * x);
      return (Math.atanh(x) - x) / scale / tol;
    };
    for (const [lr, verdict] of [
      ['0.000105', 'violated'],
      ['0.000095', 'holds'],
    ] as const) {
      const o = run(hyperbolic, net(['1', '1', '0', '0'], lr, 'first-order'), 'control');
      expect(o.verdict).toBe(verdict);
      expect(o.evidence.observed / tol).toBeCloseTo(ratio(Number(lr)), 6);
      if (verdict === 'violated') expect(o.evidence.message).toMatch(/coordinate 2:/);
    }
    expect([ratio(0.000105), ratio(0.000095)].map((r) => Math.round(r * 100) / 100)).toEqual([1.13, 0.84]);
  });

  it('needs c = u² − v² > 0 and |γg| < 1 in every coordinate: one coordinate off is enough to leave the claim unexercised', () => {
    // Coordinate 1 has |v| > |u|; coordinate 2 is fine.
    expect(run(hyperbolic, net(['0.1', '1', '0.5', '0'], '0.1')).evidence.code).toBe('gain_not_positive');
    // γg = 0 on coordinate 1, 1.2 on coordinate 2.
    const o = run(hyperbolic, net(['1', '1', '0', '0'], '0.6'));
    expect([o.verdict, o.evidence.code]).toEqual(['inconclusive', 'step_too_large']);
  });

  it('where |γg| > 1 breaks the parameterization, the violation names the coordinate and its margin is c⁺/(u⁺² + v⁺²)', () => {
    // Coordinate 2: u⁺ = 1, v⁺ = −1.2, c⁺ = 1 − 1.44 = −0.44, so the margin is −0.44/2.44; coordinate 1 does not move.
    const o = run(hyperbolic, net(['1', '1', '0', '0'], '0.6'), 'control');
    expect([o.verdict, o.evidence.code, o.evidence.step]).toEqual(['violated', 'parameterization_broken', 0]);
    expect(o.evidence.message).toMatch(/coordinate 2:/);
    expect(o.evidence.margin).toBeCloseTo(-0.44 / 2.44, 12);
    // The first-order step is finite there, and the parameterization is still what breaks.
    expect(run(hyperbolic, net(['1', '0'], '0.6', 'first-order'), 'control').evidence.code).toBe('parameterization_broken');
    // From c < 0 (a control may start there), c⁺ = 0.44 > 0 but artanh(1.2) does not exist: violated, with no margin to enclose.
    const neg = run(hyperbolic, net(['0', '1'], '0.6'), 'control');
    expect([neg.verdict, neg.evidence.code, neg.evidence.margin]).toEqual(['violated', 'parameterization_broken', Number.NEGATIVE_INFINITY]);
  });
});

describe('both identities', () => {
  it('report the worst of the stated steps: the error never decreases as steps are added, and every step is counted', () => {
    for (const claim of [invariant, hyperbolic]) {
      let last = 0;
      let first = 0;
      for (const steps of [1, 5, 10, 20]) {
        const o = run(claim, genericDln(steps));
        expect(o.verdict).toBe('holds');
        expect(o.evidence.message).toContain(`at each of ${steps} steps (d = 3)`);
        expect(Number.isFinite(o.evidence.observed)).toBe(true);
        // The margin is the least over steps and coordinates: the slack less the worst relative error.
        expect(o.evidence.margin).toBeCloseTo(o.evidence.bound - o.evidence.observed, 20);
        expect(o.evidence.observed).toBeGreaterThanOrEqual(last);
        expect(o.evidence.step).toBeLessThan(steps);
        last = o.evidence.observed;
        if (steps === 1) first = last;
      }
      // The rounding error of the identity accumulates: the worst of 20 steps is larger than the first step's.
      expect(last).toBeGreaterThan(first);
      expect(first).toBeGreaterThan(0);
    }
  });

  it("the invariant's violation names the coordinate that fails", () => {
    // Gradient flow's "c unchanged" at γ = 1e-3: coordinate 1 (g = 0) keeps c, coordinate 2 (g = 2) loses 4γ²c.
    const o = run(invariant, net(['1', '1', '0', '0'], '0.001', 'gf-conserved'), 'control');
    expect([o.verdict, o.evidence.code]).toEqual(['violated', 'identity_mismatch']);
    expect(o.evidence.message).toMatch(/coordinate 2:/);
  });
});
