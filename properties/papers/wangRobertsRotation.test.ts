import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/harness/evaluate.js';
import { rotationEpisodes, rotationGrowsWithLr, rotationPolarity } from '../../src/claims/wangRoberts/rotationClaims.js';
import type { DepthRunInstance } from '../../src/claims/wangRoberts/rotationEpisodes.js';

/** Control instances of each claim (depth 1) must fail with the claim's own failure code, and the claim hold on a depth-2 instance. */
const controls = (arb: fc.Arbitrary<DepthRunInstance>, n: number) => fc.sample(arb, { seed: 5, numRuns: n });

describe('wr.rotation.* negative controls (depth 1) fail with the claim codes', () => {
  it('episodes: a quadratic episode does not turn the eigenvector (episode_without_rotation, observed 0)', () => {
    for (const inst of controls(rotationEpisodes.negativeControl.arbitrary, 3)) {
      const v = evaluate(rotationEpisodes, inst, { mode: 'control' }).verdict;
      expect(v).toMatchObject({ verdict: 'violated', evidence: { code: 'episode_without_rotation' } });
      expect(v.evidence.observed).toBeLessThan(1e-12);
    }
  });
  it('polarity: uₜᵀH_{t+1}uₜ = λ₁(t) on a quadratic (not_polar, observed 0)', () => {
    for (const inst of controls(rotationPolarity.negativeControl.arbitrary, 3)) {
      expect(evaluate(rotationPolarity, inst, { mode: 'control' }).verdict).toMatchObject({
        verdict: 'violated',
        evidence: { code: 'not_polar', observed: 0 },
      });
    }
  });
  it('grows-with-lr: zero rotation at both step sizes (rotation_not_increasing)', () => {
    for (const inst of controls(rotationGrowsWithLr.negativeControl.arbitrary, 2)) {
      expect(evaluate(rotationGrowsWithLr, inst, { mode: 'control' }).verdict).toMatchObject({
        verdict: 'violated',
        evidence: { code: 'rotation_not_increasing' },
      });
    }
  });
});

describe('wr.rotation.* on a depth-2 unbalanced deep-scalar start', () => {
  const inst: DepthRunInstance = {
    model: 'deep-scalar',
    params: { target: '1' },
    theta: ['1.605', '0.625'],
    lr: '0.75',
    steps: 300,
    depth: 2,
    kappa0: '2.3',
    family: 'deep-scalar D=2',
  };
  it('its episodes turn the eigenvector and its unstable steps are polar', () => {
    const e = evaluate(rotationEpisodes, inst, { mode: 'claim' }).verdict;
    expect(e).toMatchObject({ verdict: 'holds', evidence: { code: 'episodes_rotate' } });
    expect(evaluate(rotationPolarity, inst, { mode: 'claim' }).verdict).toMatchObject({ verdict: 'holds', evidence: { code: 'polar' } });
  });
});
