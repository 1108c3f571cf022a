import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/harness/evaluate.js';
import { descentLemmaQuadratic, quadraticIncreasesAboveEdge, quadraticMonotoneBelowEdge } from '../../src/claims/classical/classical.js';
import type { QuadraticGdInstance } from '../../src/claims/classical/quadraticGdInstance.js';
import { quadratic1D } from '../../test-support/quadraticInstance.js';

/** diag(1, 0.5) rotated by the 3-4-5 rotation, θ* = (0.1, −0.2): a certificate that is not the identity. */
const rotated = (theta: [string, string], lr: string, steps: number): QuadraticGdInstance => ({
  model: 'quadratic',
  params: {},
  // A = QΛQᵀ with Q = [[0.6, −0.8], [0.8, 0.6]], Λ = diag(1, 0.5).
  data: {
    A: [
      ['0.68', '0.24'],
      ['0.24', '0.82'],
    ],
    b: ['0.02', '-0.14'],
  },
  eigen: {
    values: ['1', '0.5'],
    vectors: [
      ['0.6', '0.8'],
      ['-0.8', '0.6'],
    ],
  },
  thetaStar: ['0.1', '-0.2'],
  theta,
  lr,
  steps,
});

const verdictOf = (claim: typeof quadraticMonotoneBelowEdge, x: QuadraticGdInstance, mode: 'claim' | 'control' = 'claim') =>
  evaluate(claim, x, { mode }).verdict;

describe('classical.quadratic.monotone-below-edge', () => {
  it('holds right below the edge, in one and two dimensions', () => {
    expect(verdictOf(quadraticMonotoneBelowEdge, quadratic1D('1', '0.5', '1.999', 50)).verdict).toBe('holds');
    expect(verdictOf(quadraticMonotoneBelowEdge, rotated(['1', '1'], '1.999', 50)).verdict).toBe('holds');
  });

  it('is inconclusive (not a pass) outside its hypotheses, and flags κ just above 2 when the hypothesis is waived', () => {
    expect(verdictOf(quadraticMonotoneBelowEdge, quadratic1D('1', '0.5', '2.001', 5))).toMatchObject({
      verdict: 'inconclusive',
      reason: 'hypotheses',
      evidence: { code: 'kappa_out_of_range' },
    });
    const v = verdictOf(quadraticMonotoneBelowEdge, quadratic1D('1', '0.01', '2.001', 1), 'control');
    // The structured violation, zod-issue style: stable code, numbers, the rung that confirmed it.
    expect(v).toMatchInlineSnapshot(`
      {
        "evidence": {
          "allowance": 8.200196096e-76,
          "bound": 8.200196096e-76,
          "code": "loss_increased",
          "details": {
            "kappa": "2.001",
          },
          "margin": -0.002001,
          "message": "L rose from 0.00005 to 0.00005010005 at step 0 (κ = η·λ_max = 2.001)",
          "observed": 0.002001,
          "precision": "dec:80",
          "step": 0,
        },
        "ladder": [
          {
            "allowance": 1.820809302440789e-12,
            "bound": 1.820809302440789e-12,
            "code": "loss_increased",
            "details": {
              "kappa": "2.001",
            },
            "margin": -0.002000999999996204,
            "message": "L rose from 0.00005 to 0.000050100049999999995 at step 0 (κ = η·λ_max = 2.001)",
            "observed": 0.002000999999996204,
            "precision": "f64",
            "step": 0,
          },
          {
            "allowance": 8.200196096e-36,
            "bound": 8.200196096e-36,
            "code": "loss_increased",
            "details": {
              "kappa": "2.001",
            },
            "margin": -0.002001,
            "message": "L rose from 0.00005 to 0.00005010005 at step 0 (κ = η·λ_max = 2.001)",
            "observed": 0.002001,
            "precision": "dec:40",
            "step": 0,
          },
          {
            "allowance": 8.200196096e-76,
            "bound": 8.200196096e-76,
            "code": "loss_increased",
            "details": {
              "kappa": "2.001",
            },
            "margin": -0.002001,
            "message": "L rose from 0.00005 to 0.00005010005 at step 0 (κ = η·λ_max = 2.001)",
            "observed": 0.002001,
            "precision": "dec:80",
            "step": 0,
          },
        ],
        "verdict": "violated",
      }
    `);
  });

  it('does not trust a broken certificate: a wrong λ_max makes the instance inconclusive', () => {
    const x = quadratic1D('1', '0.5', '1.5', 5);
    const v = verdictOf(quadraticMonotoneBelowEdge, { ...x, eigen: { values: ['0.9'], vectors: [['1']] } });
    expect(v).toMatchObject({ verdict: 'inconclusive', evidence: { code: 'certificate' } });
  });
});

describe('classical.quadratic.increases-above-edge', () => {
  it('holds above the edge when the horizon is reached, and is inconclusive when it is not', () => {
    // κ = 2.001, one other direction: horizon T* = ceil(log(2·E_rest/(E_top·δ))/log(1+δ)).
    const x = rotated(['1.1', '-0.2'], '2.001', 1);
    const v = verdictOf(quadraticIncreasesAboveEdge, x);
    expect(v).toMatchObject({ verdict: 'inconclusive', evidence: { code: 'horizon' } });
    const horizon = Number(/T\* \+ 2 = (\d+)/.exec(v.evidence.message)?.[1]);
    expect(verdictOf(quadraticIncreasesAboveEdge, { ...x, steps: horizon })).toMatchObject({ verdict: 'holds', evidence: { code: 'loss_increased' } });
  });

  it('flags κ below 2 when the hypothesis is waived: no increase is ever found', () => {
    expect(verdictOf(quadraticIncreasesAboveEdge, quadratic1D('1', '0.5', '1.9', 30), 'control')).toMatchObject({
      verdict: 'violated',
      evidence: { code: 'no_loss_increase' },
    });
  });
});

describe('classical.descent-lemma', () => {
  it('holds in the tight case L = λ_max along q_max (an equality, up to rounding) at f64 and higher', () => {
    const v = verdictOf(descentLemmaQuadratic, quadratic1D('1.37', '0.83', '1.2', 20, { smoothness: '1.37' }));
    expect(v.verdict).toBe('holds');
    expect(v.evidence.margin).toBeLessThan(1e-9);
    expect(verdictOf(descentLemmaQuadratic, rotated(['1', '1'], '1.9', 10)).verdict).toBe('inconclusive');
    expect(verdictOf(descentLemmaQuadratic, { ...rotated(['1', '1'], '1.9', 10), smoothness: '1' }).verdict).toBe('holds');
  });

  it('flags a smoothness constant below the curvature', () => {
    expect(verdictOf(descentLemmaQuadratic, quadratic1D('1', '0.5', '1', 3, { smoothness: '0.9' }), 'control')).toMatchObject({
      verdict: 'violated',
      evidence: { code: 'insufficient_decrease', step: 0 },
    });
    expect(verdictOf(descentLemmaQuadratic, quadratic1D('1', '0.5', '1', 3, { smoothness: '0.9' }))).toMatchObject({
      verdict: 'inconclusive',
      evidence: { code: 'not_smooth' },
    });
  });
});
