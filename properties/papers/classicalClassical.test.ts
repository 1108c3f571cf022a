import { describe, expect, it } from 'vitest';
import type { Outcome } from '../../src/claims/claim.js';
import { descentLemmaQuadratic, quadraticIncreasesAboveEdge, quadraticMonotoneBelowEdge } from '../../src/claims/classical/classical.js';
import type { QuadraticGdInstance } from '../../src/claims/classical/quadraticGdInstance.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';
import { quadratic1D } from '../../test-support/quadraticInstance.js';

/**
 * The three classical claims through their own checks at f64 (checkAt: one rung, no ladder), on
 * L = ½θ² (λ = 1, θ* = 0) from θ₀ = 1: their κ ranges just outside on either side, a run of no
 * steps (nothing to compare: a pass with an unbounded margin, or for the rise a failure), and the
 * descent lemma's relative shortfall against its closed form.
 */
const f64 = parsePrecision('f64');
const at = (claim: typeof quadraticMonotoneBelowEdge, i: QuadraticGdInstance, mode: 'claim' | 'control' = 'claim'): Outcome => {
  const o = checkAt(claim, i, f64, { mode }).outcome;
  if (o.verdict === 'error') throw new Error(`${claim.id} threw: ${o.stack}`);
  return o;
};
const refused = (claim: typeof quadraticMonotoneBelowEdge, i: QuadraticGdInstance): string => {
  const o = at(claim, i);
  return o.verdict === 'inconclusive' && o.reason === 'hypotheses' ? o.evidence.code : o.verdict;
};

describe('the classical claims at the edges of their κ ranges', () => {
  it('monotone-below-edge needs 0 < κ: η = 0 is outside it', () => {
    expect(refused(quadraticMonotoneBelowEdge, quadratic1D('1', '1', '0', 3))).toBe('kappa_out_of_range');
    expect(refused(quadraticMonotoneBelowEdge, quadratic1D('1', '1', '0.001', 3))).toBe('holds');
  });

  it('increases-above-edge needs 2 < κ < 3: κ = 1.5 and 3.5 are outside it, on either side', () => {
    expect(refused(quadraticIncreasesAboveEdge, quadratic1D('1', '1', '1.5', 10))).toBe('kappa_out_of_range');
    expect(refused(quadraticIncreasesAboveEdge, quadratic1D('1', '1', '3.5', 10))).toBe('kappa_out_of_range');
    expect(refused(quadraticIncreasesAboveEdge, quadratic1D('1', '1', '2.5', 10))).toBe('holds');
  });

  it('the descent lemma needs 0 < ηL: η = 0 is outside it', () => {
    expect(refused(descentLemmaQuadratic, quadratic1D('1', '1', '0', 3, { smoothness: '1' }))).toBe('step_too_large');
  });
});

describe('the classical claims over no steps', () => {
  it('monotone and the descent lemma hold with nothing to compare, their margin unbounded', () => {
    expect(at(quadraticMonotoneBelowEdge, quadratic1D('1', '1', '1.5', 0))).toMatchObject({ verdict: 'holds', evidence: { margin: Number.POSITIVE_INFINITY } });
    expect(at(descentLemmaQuadratic, quadratic1D('1', '1', '0.5', 0, { smoothness: '1' }))).toMatchObject({
      verdict: 'holds',
      evidence: { margin: Number.POSITIVE_INFINITY },
    });
  });

  it('no rise in no steps (the control, κ = 0.5) is a failure with margin −1', () => {
    expect(at(quadraticIncreasesAboveEdge, quadratic1D('1', '1', '0.5', 0), 'control')).toMatchObject({
      verdict: 'violated',
      evidence: { code: 'no_loss_increase', margin: -1 },
    });
  });
});

describe('classical.descent-lemma: the relative shortfall against its closed form', () => {
  // One step from e: the decrease is ½e²(1 − (1 − η)²), the promise η(1 − ηL/2)e²; at η = 0.5 and L = 2 the shortfall is
  // (0.25 − 0.375)e², −1/2 of the promise, at every step: the margin is 1/2. At L = λ = 1 the lemma is an equality.
  it('L = 2λ: observed −1/2 and margin 1/2; L = λ: observed 0', () => {
    const over = at(descentLemmaQuadratic, quadratic1D('1', '1', '0.5', 5, { smoothness: '2' }));
    expect(over.verdict).toBe('holds');
    expect(over.evidence.observed).toBeCloseTo(-0.5, 10);
    expect(over.evidence.margin).toBeCloseTo(0.5, 10);
    const tight = at(descentLemmaQuadratic, quadratic1D('1', '1', '0.5', 5, { smoothness: '1' }));
    expect(tight.verdict).toBe('holds');
    expect(tight.evidence.observed).toBeCloseTo(0, 10);
  });
});

/** diag(1, 0.5) rotated by the 3-4-5 rotation, θ* = (0.1, −0.2), from (1, 1) at η = 1.9: κ = 1.9. */
const rotated = (steps: number): QuadraticGdInstance => ({
  model: 'quadratic',
  params: {},
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
  theta: ['1', '1'],
  lr: '1.9',
  steps,
});

describe('the tightest step a monotone run reports', () => {
  // The relative change (L_{t+1} − L_t)/(L_t − L*) mixes (1 − ηλ_i)² − 1 over the directions, weighted by their share of the excess loss:
  // −0.9975 along λ = 0.5, whose share decays as 0.05^{2t}, and −0.19 along q_max. It rises to −0.19, so the last step is the tightest.
  it('monotone-below-edge: the last of 30 steps, with the q_max rate (1 − κ)² − 1 = −0.19', () => {
    const o = at(quadraticMonotoneBelowEdge, rotated(30));
    expect(o).toMatchObject({ verdict: 'holds', evidence: { step: 29 } });
    expect(o.evidence.observed).toBeCloseTo(-0.19, 8);
  });

  it('increases-above-edge as its control (κ = 1.9, no rise): the failure reports the same step, the closest to a rise', () => {
    const o = at(quadraticIncreasesAboveEdge, rotated(30), 'control');
    expect(o).toMatchObject({ verdict: 'violated', evidence: { code: 'no_loss_increase', step: 29 } });
    expect(o.evidence.observed).toBeCloseTo(-0.19, 8);
    expect(o.evidence.margin).toBeCloseTo(-0.19, 8);
  });
});
