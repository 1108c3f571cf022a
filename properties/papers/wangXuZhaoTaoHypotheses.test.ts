import { describe, expect, it } from 'vitest';
import { uvRun } from '../../src/arbitraries/uvInstance.js';
import { wxztCatapult } from '../../src/claims/wangXuZhaoTao/uvTrajectories.js';
import { regularityCloserToEdge } from '../../src/claims/wangXuZhaoTao/regularity.js';
import type { LossPairInstance } from '../../src/claims/wangXuZhaoTao/regularityRuns.js';
import { evaluate } from '../../src/harness/evaluate.js';

/**
 * Instances outside a claim's stated range are no counterexamples: each stated hypothesis is checked by
 * the claim itself (inconclusive with its code), in claim mode, while a control (which waives them) still runs.
 */
describe('wxzt claims check their stated κ range', () => {
  // κ = η·λ_GFS = 1.771 (λ_GFS = √(Δ₀² + 4), Δ₀ = 1.8² − 1): η·S(θ₀) = 2.92 > 2, yet the loss never rises.
  const below = uvRun('1.8', '1', '0.5898677680963', 3000, { kappa: '1.771' });

  it('wxzt.catapult at κ = 1.771 < 2.1 is outside its hypotheses, not a certified violation', () => {
    const v = evaluate(wxztCatapult, below, { mode: 'claim' }).verdict;
    expect(v.verdict).toBe('inconclusive');
    expect(v.evidence.code).toBe('kappa_out_of_range');
    // The same instance as a control (hypotheses waived) is the failure the range excludes.
    expect(evaluate(wxztCatapult, below, { mode: 'control' }).verdict).toMatchObject({ verdict: 'violated', evidence: { code: 'no_loss_increase' } });
  });

  it('wxzt.catapult refuses starts and targets outside the stated ones', () => {
    const offTarget = { ...below, params: { target: '2' }, lr: '0.3' };
    expect(evaluate(wxztCatapult, offTarget, { mode: 'claim' }).verdict.evidence.code).toBe('target');
    const offStart = uvRun('1.5', '0.5', '0.5', 3000, { kappa: '2.5' });
    expect(evaluate(wxztCatapult, offStart, { mode: 'claim' }).verdict.evidence.code).toBe('start_out_of_range');
  });

  it('wxzt.regularity.closer-to-edge computes κ from the start and η, whatever the instance states', () => {
    // From (2.5, 0.3): λ_GFS = √(6.16² + 4) = 6.4765…; η for κ = 1.9, stated as 2.5.
    const lgfs = Math.sqrt(6.16 ** 2 + 4);
    const inst: LossPairInstance = {
      model: 'inner-product',
      params: { loss: 'logcosh', mu: '1' },
      theta: ['2.5', '0.3'],
      lr: String(1.9 / lgfs),
      steps: 4000,
      kappa: '2.5',
      against: 'square',
    };
    const v = evaluate(regularityCloserToEdge, inst, { mode: 'claim' }).verdict;
    expect(v.verdict).toBe('inconclusive');
    expect(v.evidence.code).toBe('kappa_out_of_range');
  });
});
