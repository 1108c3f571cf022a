import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/harness/evaluate.js';
import { catapultInnerProduct } from '../../src/claims/wangXuZhaoTao/catapultInnerProduct.js';
import { regularityCloserToEdge, regularityConvergesWhereSquareDiverges, regularityGlobalConvergence } from '../../src/claims/wangXuZhaoTao/regularity.js';
import type { LossName, LossPairInstance } from '../../src/claims/wangXuZhaoTao/regularityRuns.js';
import { wxztConvergenceRate } from '../../src/claims/wangXuZhaoTao/convergenceRate.js';

/** From (2.5, 0.3): Δ₀ = 6.16, λ_GFS = √(Δ₀² + 4) = 6.4765…; η = κ/λ_GFS. */
const at = (loss: LossName, against: LossName, kappa: number): LossPairInstance => {
  const lgfs = Math.sqrt(6.16 ** 2 + 4);
  return { model: 'inner-product', params: { loss, mu: '1' }, theta: ['2.5', '0.3'], lr: String(kappa / lgfs), steps: 4000, kappa: String(kappa), against };
};

describe('wxzt.regularity.* on one start, (2.5, 0.3)', () => {
  it('κ = 5.5: log-cosh converges where the square loss diverges; the square-loss control fails with `diverged`, the quartic one with `regular_loss_failed`', () => {
    expect(evaluate(regularityGlobalConvergence, at('logcosh', 'square', 5.5), { mode: 'claim' }).verdict).toMatchObject({
      verdict: 'holds',
      evidence: { code: 'converged' },
    });
    expect(evaluate(regularityGlobalConvergence, at('square', 'logcosh', 5.5), { mode: 'control' }).verdict).toMatchObject({
      verdict: 'violated',
      evidence: { code: 'diverged' },
    });
    expect(evaluate(regularityConvergesWhereSquareDiverges, at('logcosh', 'square', 5.5), { mode: 'claim' }).verdict).toMatchObject({
      verdict: 'holds',
      evidence: { code: 'regular_loss_converged' },
    });
    expect(evaluate(regularityConvergesWhereSquareDiverges, at('quartic', 'square', 5.5), { mode: 'control' }).verdict).toMatchObject({
      verdict: 'violated',
      evidence: { code: 'regular_loss_failed' },
    });
  });
  it('κ = 2.5: log-cosh lands closer to the edge than the square loss; square against itself has gap 0 (not_closer_to_edge)', () => {
    const v = evaluate(regularityCloserToEdge, at('logcosh', 'square', 2.5), { mode: 'claim' }).verdict;
    expect(v).toMatchObject({ verdict: 'holds', evidence: { code: 'closer_to_edge' } });
    expect(v.evidence.observed).toBeGreaterThan(0.02);
    expect(evaluate(regularityCloserToEdge, at('square', 'square', 2.5), { mode: 'control' }).verdict).toMatchObject({
      verdict: 'violated',
      evidence: { code: 'not_closer_to_edge', observed: 0 },
    });
  });
});

describe('wxzt.catapult.inner-product', () => {
  it('its below-edge control fails with no_catapult; a sharp start catapults and converges below the edge', () => {
    const [ctl] = fc.sample(catapultInnerProduct.negativeControl.arbitrary, { seed: 2, numRuns: 1 });
    expect(evaluate(catapultInnerProduct, ctl, { mode: 'control' }).verdict).toMatchObject({ verdict: 'violated', evidence: { code: 'no_catapult' } });
    const held = fc.sample(catapultInnerProduct.arbitrary, { seed: 2, numRuns: 5 }).map((i) => evaluate(catapultInnerProduct, i, { mode: 'claim' }).verdict);
    expect(held.filter((v) => v.verdict === 'holds' && v.evidence.code === 'catapult').length).toBeGreaterThanOrEqual(3);
    for (const v of held.filter((x) => x.verdict === 'holds')) expect(v.evidence.observed).toBeLessThan(2);
  });
});

describe('wxzt.convergence-rate asserts convergence', () => {
  const uv = (kappa: number) => ({
    model: 'uv' as const,
    params: { target: '1' },
    theta: ['2.5', '0.3'] as const,
    lr: String(kappa / Math.sqrt(6.16 ** 2 + 4)),
    steps: 3000,
    kappa: String(kappa),
  });
  it('κ = 2.5 from (2.5, 0.3) converges at |1 − η·S∞|; κ = 5.5 diverges, which is a counterexample, not a hypothesis left unmet', () => {
    expect(evaluate(wxztConvergenceRate, uv(2.5), { mode: 'claim' }).verdict).toMatchObject({ verdict: 'holds', evidence: { code: 'rate_matches' } });
    expect(evaluate(wxztConvergenceRate, uv(5.5), { mode: 'control' }).verdict).toMatchObject({ verdict: 'violated', evidence: { code: 'diverged' } });
  });
});
