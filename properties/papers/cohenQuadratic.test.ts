import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { momentumThresholds, quadraticDivergenceRate } from '../../src/claims/cohen/cohen.js';
import type { Claim, Instance } from '../../src/claims/claim.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';
import { ball } from '../../test-support/momentumInstance.js';
import { quadratic1D } from '../../test-support/quadraticInstance.js';

/**
 * The hypotheses of the two quadratic claims of cohen.ts as guards hit by an instance just outside them (and not by one just
 * inside): κ ∈ (2.04, 3), a start with a q_max component, two steps to fit a rate; λ > 0, β ≤ 0.95, η at the method's own
 * 0.99 or 1.01 of its threshold.
 */

const f64 = parsePrecision('f64');
const at = <I extends Instance>(claim: Claim<I>, i: I, mode: 'claim' | 'control' = 'claim') => checkAt(claim, i, f64, { mode }).outcome;
const code = <I extends Instance>(claim: Claim<I>, i: I) => {
  const o = at(claim, i);
  return `${o.verdict} ${o.evidence.code}`;
};

describe('cohen.quadratic.divergence-rate', () => {
  it('κ must lie strictly inside (2.04, 3)', () => {
    expect(code(quadraticDivergenceRate, quadratic1D('1', '0.5', '2.04', 20))).toBe('inconclusive kappa_out_of_range');
    expect(code(quadraticDivergenceRate, quadratic1D('1', '0.5', '2.0401', 20))).toBe('holds rate_matches');
    expect(code(quadraticDivergenceRate, quadratic1D('1', '0.5', '3', 20))).toBe('inconclusive kappa_out_of_range');
    expect(code(quadraticDivergenceRate, quadratic1D('1', '0.5', '2.9999', 20))).toBe('holds rate_matches');
  });

  it('needs two steps to fit a rate, and a start with a component along q_max', () => {
    expect(code(quadraticDivergenceRate, quadratic1D('1', '0.5', '2.5', 1))).toBe('inconclusive too_short');
    expect(code(quadraticDivergenceRate, quadratic1D('1', '0.5', '2.5', 2))).toBe('holds rate_matches');
    // A = diag(2, 1) from (0, 1): the q_max = e₁ component is 0 and stays 0, so there is no rate; claimed anyway, it does not diverge.
    const flat = quadratic1D('2', '0', '1.25', 10, {
      data: {
        A: [
          ['2', '0'],
          ['0', '1'],
        ],
        b: ['0', '0'],
      },
      eigen: {
        values: ['2', '1'],
        vectors: [
          ['1', '0'],
          ['0', '1'],
        ],
      },
      thetaStar: ['0', '0'],
      theta: ['0', '1'],
    });
    expect(code(quadraticDivergenceRate, flat)).toBe('inconclusive no_top_component');
    const o = at(quadraticDivergenceRate, flat, 'control');
    expect([o.verdict, o.evidence.code, o.evidence.observed, o.evidence.margin]).toEqual([
      'violated',
      'no_divergence',
      Number.NEGATIVE_INFINITY,
      Number.NEGATIVE_INFINITY,
    ]);
  });

  it('at κ = 2 exactly the component neither grows nor decays: a rate of 0 is no divergence', () => {
    const o = at(quadraticDivergenceRate, quadratic1D('1', '0.5', '2', 20), 'control');
    expect([o.verdict, o.evidence.code, o.evidence.observed]).toEqual(['violated', 'no_divergence', 0]);
  });

  it('its margin is the slack left, 1e-10·|ln|1 − κ|| less the fit error, not the rate; a control of one step fits its rate from two points', () => {
    const o = at(quadraticDivergenceRate, quadratic1D('1', '0.5', '2.5', 30));
    expect(o.evidence.margin).toBeCloseTo(1e-10 * Math.log(1.5) - o.evidence.observed, 15);
    const one = at(quadraticDivergenceRate, quadratic1D('1', '0.5', '2.5', 1), 'control');
    expect([one.verdict, Number(one.evidence.details?.fitted)]).toEqual(['holds', Math.log(1.5)]);
  });

  it('its control draws κ from the stable range (0.1, 1.9)', () => {
    for (const i of fc.sample(quadraticDivergenceRate.negativeControl.arbitrary, { numRuns: 50, seed: 2 })) {
      const kappa = Number(i.lr) * Number(i.eigen.values[0]);
      expect(kappa).toBeGreaterThanOrEqual(0.1 * (1 - 1e-9));
      expect(kappa).toBeLessThanOrEqual(1.9 * (1 + 1e-9));
    }
  });

  it('the fitted rate is ln|1 − κ| on both sides of κ = 2.5 and for either sign of the start', () => {
    for (const [lr, theta] of [
      ['2.2', '0.5'],
      ['2.8', '-0.3'],
    ] as const) {
      const o = at(quadraticDivergenceRate, quadratic1D('1', theta, lr, 40));
      expect(o.verdict).toBe('holds');
      expect(Number(o.evidence.details?.fitted)).toBeCloseTo(Math.log(Number(lr) - 1), 12);
      expect(o.evidence.observed).toBeLessThan(1e-12);
    }
  });
});

describe('cohen.momentum.thresholds', () => {
  it('draws λ below and above 1, β ∈ [0, 0.95], starts of both signs, η at 0.99 or 1.01 of the threshold; its control sets η from 2/λ with β ≥ 0.2', () => {
    const lams: number[] = [];
    const starts: number[] = [];
    for (const i of fc.sample(momentumThresholds.arbitrary, { numRuns: 200, seed: 4 })) {
      const lam = Number(i.data.A[0][0]);
      const beta = Number(i.beta);
      lams.push(lam);
      starts.push(Number(i.theta[0]));
      const thr = i.method === 'heavy-ball' ? 2 + 2 * beta : (2 + 2 * beta) / (1 + 2 * beta);
      expect(beta).toBeGreaterThanOrEqual(0);
      expect(beta).toBeLessThanOrEqual(0.95);
      expect((Number(i.lr) * lam) / thr).toBeCloseTo(Number(i.factor), 9);
    }
    expect(Math.min(...lams)).toBeLessThan(0.5);
    expect(Math.max(...lams)).toBeGreaterThan(5);
    expect(Math.min(...starts)).toBeLessThan(0);
    expect(Math.max(...starts)).toBeGreaterThan(0);
    expect(starts.every((x) => x !== 0 && Math.abs(x) <= 2)).toBe(true);
    for (const i of fc.sample(momentumThresholds.negativeControl.arbitrary, { numRuns: 100, seed: 4 })) {
      expect(i.threshold).toBe('gd');
      expect(Number(i.beta)).toBeGreaterThanOrEqual(0.2);
      expect((Number(i.lr) * Number(i.data.A[0][0])) / 2).toBeCloseTo(Number(i.factor), 9);
      // Heavy ball past 2/λ (it still converges) and Nesterov below it (it already diverges): the two ways plain GD's edge is wrong.
      expect(i.method === 'heavy-ball' ? '1.01' : '0.99').toBe(i.factor);
    }
  });

  it("a control's failure says it was set from plain GD's edge", () => {
    const o = at(momentumThresholds, { ...ball('heavy-ball', '0.5', '2.02', '1.01'), threshold: 'gd' }, 'control');
    expect([o.verdict, o.evidence.code]).toEqual(['violated', 'no_divergence']);
    expect(o.evidence.message).toContain("plain GD's 2");
    // Claimed at its own threshold and stopped before the growth is reached, it says so.
    const own = at(momentumThresholds, { ...ball('heavy-ball', '0.5', '3.03', '1.01'), steps: 231 });
    expect([own.verdict, own.evidence.code]).toEqual(['violated', 'no_divergence']);
    expect(own.evidence.message).toContain('its threshold');
  });

  it('needs λ > 0 and β ∈ [0, 0.95]', () => {
    // The first value past the stated β ≤ 0.95 (ηλ = 0.99 × (2 + 2β)).
    expect(code(momentumThresholds, ball('heavy-ball', '0.9501', '3.861198', '0.99'))).toBe('inconclusive range');
    expect(code(momentumThresholds, ball('heavy-ball', '0.95', '3.861', '0.99'))).toBe('holds converges_below');
    expect(code(momentumThresholds, ball('heavy-ball', '-0.01', '1.9602', '0.99'))).toBe('inconclusive range');
    expect(code(momentumThresholds, ball('heavy-ball', '0', '1.98', '0.99'))).toBe('holds converges_below');
    expect(code(momentumThresholds, ball('heavy-ball', '0.5', '2.97', '0.99', 'method', '0'))).toBe('inconclusive range');
  });

  it("needs η at 0.99 or 1.01 of the method's threshold to 1e-9", () => {
    // 2.97000001 is 0.99 × 3 off by a relative 3.4e-9.
    expect(code(momentumThresholds, ball('heavy-ball', '0.5', '2.97000001', '0.99'))).toBe('inconclusive factor');
    expect(code(momentumThresholds, ball('heavy-ball', '0.5', '3.03000001', '1.01'))).toBe('inconclusive factor');
    expect(code(momentumThresholds, ball('nesterov', '0.5', '1.485000001', '0.99'))).toBe('holds converges_below');
  });

  it('a run that overflows grew without bound: claimed to converge, it is violated with infinite growth', () => {
    // ηλ = 10 × the heavy-ball threshold, claimed at 0.99: |θ| passes the double range.
    const o = at(momentumThresholds, { ...ball('heavy-ball', '0.5', '30', '0.99'), steps: 2000 }, 'control');
    expect([o.verdict, o.evidence.code, o.evidence.observed]).toEqual(['violated', 'no_convergence', Number.POSITIVE_INFINITY]);
    expect(o.evidence.margin).toBe(Number.NEGATIVE_INFINITY);
  });
});
