import { describe, expect, it } from 'vitest';
import { type MomentumInstance, momentumThresholds, quadraticDivergenceRate } from '../../src/claims/cohen/cohen.js';
import type { Claim, Instance } from '../../src/claims/claim.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';
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

/** Heavy ball or Nesterov on ½λθ² from θ₀ = 1 at momentum β, stated step and factor, 2000 steps. */
const ball = (method: MomentumInstance['method'], beta: string, lr: string, factor: string, lambda = '1'): MomentumInstance => ({
  model: 'quadratic',
  params: {},
  data: { A: [[lambda]], b: ['0'] },
  theta: ['1'],
  lr,
  steps: 2000,
  beta,
  method,
  factor,
  threshold: 'method',
});

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
    expect([o.verdict, o.evidence.code, o.evidence.observed]).toEqual(['violated', 'no_divergence', Number.NEGATIVE_INFINITY]);
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
  it('needs λ > 0 and β ∈ [0, 0.95]', () => {
    expect(code(momentumThresholds, ball('heavy-ball', '0.96', '3.8808', '0.99'))).toBe('inconclusive range');
    expect(code(momentumThresholds, ball('heavy-ball', '0.95', '3.861', '0.99'))).toBe('holds converges_below');
    expect(code(momentumThresholds, ball('heavy-ball', '-0.01', '1.9602', '0.99'))).toBe('inconclusive range');
    expect(code(momentumThresholds, ball('heavy-ball', '0', '1.98', '0.99'))).toBe('holds converges_below');
    expect(code(momentumThresholds, ball('heavy-ball', '0.5', '2.97', '0.99', '0'))).toBe('inconclusive range');
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
