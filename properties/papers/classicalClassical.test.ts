import fc from 'fast-check';
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

/** GD on diag(λ₁, λ₂) (no rotation, θ* = 0) from (c₁, c₂) at step size η. */
const diagonal = (l1: string, l2: string, c1: string, c2: string, lr: string, steps: number, more: Partial<QuadraticGdInstance> = {}): QuadraticGdInstance => ({
  model: 'quadratic',
  params: {},
  data: {
    A: [
      [l1, '0'],
      ['0', l2],
    ],
    b: ['0', '0'],
  },
  eigen: {
    values: [l1, l2],
    vectors: [
      ['1', '0'],
      ['0', '1'],
    ],
  },
  thetaStar: ['0', '0'],
  theta: [c1, c2],
  lr,
  steps,
  ...more,
});

describe('classical.quadratic.increases-above-edge: the horizon T* is the hypothesis "at least T* + 2 steps"', () => {
  // T*, counted: the least t with eTop·δ(1 + δ)ᵗ ≥ 2·eRest, eRest over the directions with ηλ < 2 only.
  const counted = (eTop: number, eRest: number, kappa: number) => {
    const delta = kappa * (kappa - 2);
    let t = 0;
    while (eTop * delta * (1 + delta) ** t < 2 * eRest) t++;
    return t;
  };
  it('λ = (1, 0.5) at η = 2.1 from (0.1, 1): the slow direction (ηλ = 1.05) counts, T* = 33; T* + 2 steps hold, T* + 1 are refused', () => {
    const T = counted(0.5 * 0.01, 0.5 * 0.5, 2.1);
    expect(T).toBe(33);
    expect(at(quadraticIncreasesAboveEdge, diagonal('1', '0.5', '0.1', '1', '2.1', T + 2)).verdict).toBe('holds');
    expect(refused(quadraticIncreasesAboveEdge, diagonal('1', '0.5', '0.1', '1', '2.1', T + 1))).toBe('horizon');
  });
  it('λ = (1, 0.99) at η = 2.1: the second direction is past the edge too (ηλ = 2.079), it only adds to the rise, so T* = 0 and 2 steps suffice', () => {
    expect(refused(quadraticIncreasesAboveEdge, diagonal('1', '0.99', '0.1', '1', '2.1', 2))).toBe('holds');
    expect(refused(quadraticIncreasesAboveEdge, diagonal('1', '0.99', '0.1', '1', '2.1', 1))).toBe('horizon');
  });
  it('the rise names κ and the horizon', () => {
    const o = at(quadraticIncreasesAboveEdge, diagonal('1', '0.5', '0.1', '1', '2.1', 35));
    expect(o).toMatchObject({ verdict: 'holds', evidence: { code: 'loss_increased', details: { kappa: '2.1', horizon: 33 } } });
  });
});

describe('the classical claims when L leaves the doubles, at the minimizer, and over no steps', () => {
  // θ₀ = 1e200: ½θ² overflows to ∞ at the first comparison, a divergence, never a pass or a counterexample.
  it.each([
    ['monotone-below-edge', quadraticMonotoneBelowEdge, '1.5'],
    ['increases-above-edge', quadraticIncreasesAboveEdge, '2.5'],
  ] as const)('%s: a diverged verdict at step 1, naming κ', (_name, claim, lr) => {
    const o = at(claim, quadratic1D('1', '1e200', lr, 5));
    expect(o).toMatchObject({ verdict: 'diverged', evidence: { code: 'non_finite_loss', step: 0, details: { kappa: lr } } });
    expect(o.evidence.message).toContain('at step 1');
  });
  it('at θ* itself the margin is exactly 0, enclosed as [0, 0] at interval:30 (nothing decreases, nothing rises)', () => {
    const interval = parsePrecision('interval:30');
    for (const claim of [quadraticMonotoneBelowEdge, descentLemmaQuadratic]) {
      const o = checkAt(claim, quadratic1D('1', '0', '1.5', 3, { smoothness: '1' }), interval, { mode: 'claim' }).outcome;
      expect(o.verdict).toBe('holds');
      // ±0 alike: the sign of a zero margin carries nothing.
      expect([o.evidence.margin, o.evidence.enclosure?.lo, o.evidence.enclosure?.hi].map((x) => x === 0)).toEqual([true, true, true]);
    }
  });
  it('no steps: the evidence names step 0 with observed 0, under each claim its own code', () => {
    expect(at(quadraticMonotoneBelowEdge, quadratic1D('1', '1', '1.5', 0)).evidence).toMatchObject({
      code: 'monotone',
      observed: 0,
      details: { kappa: '1.5' },
    });
    expect(at(descentLemmaQuadratic, quadratic1D('1', '1', '0.5', 0, { smoothness: '1' })).evidence).toMatchObject({
      code: 'sufficient_decrease',
      step: 0,
      observed: 0,
      details: { etaL: '0.5' },
    });
    expect(at(quadraticIncreasesAboveEdge, quadratic1D('1', '1', '0.5', 0), 'control').evidence).toMatchObject({
      step: 0,
      observed: 0,
      details: { kappa: '0.5', horizon: 'none' },
    });
  });
  it('monotone-below-edge names κ in a run that holds', () => {
    expect(at(quadraticMonotoneBelowEdge, rotated(3)).evidence.details).toEqual({ kappa: '1.9' });
  });
});

describe('classical.descent-lemma: the tightest step and the least margin over a run', () => {
  // λ = (1, 0.1), L = 1, η = 1 from (1, 1): step 0 kills the q_max error, so its shortfall is −0.0045 of a promise of 0.505
  // (margin 0.0045/0.505); from step 1 on only λ = 0.1 is left, promise 0.005c², decrease 0.0095c²: margin 0.9 at every step.
  it('step 0 is the tightest, and the margin is its 0.0089, not a later step’s 0.9', () => {
    const o = at(descentLemmaQuadratic, diagonal('1', '0.1', '1', '1', '1', 6, { smoothness: '1' }));
    expect(o).toMatchObject({ verdict: 'holds', evidence: { step: 0, details: { etaL: '1' } } });
    expect(o.evidence.margin).toBeCloseTo(0.0045 / 0.505, 10);
    expect(o.evidence.observed).toBeCloseTo(-0.0045 / 0.505, 10);
  });
  // λ = (1, 0.5), L = 1, η = 1.9 from (1, 1): per direction the decrease beats the promise by m_i = η(L − λ_i)/(2 − ηL), 0 along
  // q_max and 9.5 along λ = 0.5, weighted by each promise (∝ λ_i²c_i²). q_max decays as 0.9ᵗ, the other as 0.05ᵗ, so the
  // margin falls every step: the last of 4 is the tightest.
  it('when the margin falls every step, the last step is the tightest', () => {
    const o = at(descentLemmaQuadratic, diagonal('1', '0.5', '1', '1', '1.9', 4, { smoothness: '1' }));
    const w1 = 0.9 ** 6;
    const w2 = 0.25 * 0.05 ** 6;
    expect(o).toMatchObject({ verdict: 'holds', evidence: { step: 3 } });
    expect(o.evidence.margin).toBeCloseTo((9.5 * w2) / (w1 + w2), 12);
  });
  it('a shortfall names η·L', () => {
    const o = at(descentLemmaQuadratic, quadratic1D('1', '1', '1', 2, { smoothness: '0.5' }), 'control');
    expect(o).toMatchObject({ verdict: 'violated', evidence: { code: 'insufficient_decrease', details: { etaL: '0.5' } } });
  });
});

describe('the generators of the classical claims and their controls', () => {
  // A run of no steps passes vacuously, and an unbounded one has no budget: every draw runs at least one step, at most the
  // generator's cap (100 for a range, 5000 + 3 for a horizon).
  it.each([
    ['monotone-below-edge', quadraticMonotoneBelowEdge],
    ['increases-above-edge', quadraticIncreasesAboveEdge],
    ['descent-lemma', descentLemmaQuadratic],
  ] as const)('%s', (_name, claim) => {
    for (const arb of [claim.arbitrary, claim.negativeControl.arbitrary]) {
      const steps = fc.sample(arb, { seed: 3, numRuns: 100 }).map((x) => x.steps);
      expect(Math.min(...steps)).toBeGreaterThanOrEqual(1);
      expect(Math.max(...steps)).toBeLessThanOrEqual(5003);
    }
  });
});
