import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regularityCloserToEdge, regularityConvergesWhereSquareDiverges, regularityGlobalConvergence } from '../../src/claims/wangXuZhaoTao/regularity.js';
import type { LossName, LossPairInstance } from '../../src/claims/wangXuZhaoTao/regularityRuns.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * The three wxzt.regularity.* checks at f64 against GD on ℓ(xy) (μ = 1) written out here in doubles, from (2.5, 0.3):
 * the residual, η·S∞ (S = x² + y² at a minimizer) and the step a run leaves |x| + |y| < 1e6 that each verdict reports,
 * its margin on either side, the κ range's guard just inside and just outside it, and each claim's negative control.
 */
const f64 = parsePrecision('f64');
const LGFS = Math.sqrt(6.16 ** 2 + 4);

const at = (loss: LossName, against: LossName, kappa: number, steps = 4000): LossPairInstance => ({
  model: 'inner-product',
  params: { loss, mu: '1' },
  theta: ['2.5', '0.3'],
  lr: String(kappa / LGFS),
  steps,
  kappa: String(kappa),
  against,
});

/** GD from (2.5, 0.3): |xy − 1| and η·(x² + y²) after `steps` steps, or the step that left |x| + |y| < 1e6; `settledAt`, the first step with |xy − 1| < 1e-9. */
function gd(loss: LossName, lr: string, steps: number) {
  let [x, y] = [2.5, 0.3];
  const eta = Number(lr);
  let settledAt = -1;
  for (let t = 0; t < steps; t++) {
    const s = x * y;
    const g = loss === 'square' ? s - 1 : loss === 'logcosh' ? Math.tanh(s - 1) : (s * s - 1) * s;
    [x, y] = [x - eta * g * y, y - eta * g * x];
    if (!(Math.abs(x) + Math.abs(y) < 1e6)) return { divergedAt: t, residual: Number.NaN, etaS: Number.NaN, settledAt };
    if (settledAt < 0 && Math.abs(x * y - 1) < 1e-9) settledAt = t;
  }
  return { divergedAt: -1, residual: Math.abs(x * y - 1), etaS: eta * (x * x + y * y), settledAt };
}

const outcome = <I extends LossPairInstance>(claim: Parameters<typeof checkAt<I>>[0], i: I, mode: 'claim' | 'control') =>
  checkAt(claim, i, f64, { mode }).outcome;

describe('wxzt.regularity.global-convergence and converges-where-square-diverges at κ = 5.5', () => {
  const lr = at('logcosh', 'square', 5.5).lr;
  const logcosh = gd('logcosh', lr, 4000);
  const square = gd('square', lr, 4000);

  it('GD written out: log-cosh converges, the square loss leaves the bound at step 5', () => {
    expect(logcosh.residual).toBeLessThan(1e-12);
    expect(square.divergedAt).toBe(5);
  });

  it('global convergence holds with margin 1e-4 − |xy − 1|; the square loss fails with margin −1 at the step it diverged', () => {
    const o = outcome(regularityGlobalConvergence, at('logcosh', 'square', 5.5), 'claim');
    expect([o.verdict, o.evidence.code, o.evidence.step]).toEqual(['holds', 'converged', 4000]);
    expect(o.evidence.observed).toBeCloseTo(logcosh.residual, 14);
    expect(o.evidence.margin).toBe(1e-4 - o.evidence.observed);
    expect(o.evidence.details).toMatchObject({ kappa: '5.5', lr, logcoshDiverged: 'false' });
    expect(Number(o.evidence.details?.logcoshEtaS)).toBeCloseTo(logcosh.etaS, 10);
    const c = outcome(regularityGlobalConvergence, at('square', 'logcosh', 5.5), 'control');
    expect(c).toMatchObject({ verdict: 'violated', evidence: { code: 'diverged', margin: -1, step: square.divergedAt, details: { squareDiverged: 'true' } } });
  });

  it('where the square loss diverges log-cosh converges, margin 1e-9 − |xy − 1|; the quartic fails with margin −1', () => {
    const o = outcome(regularityConvergesWhereSquareDiverges, at('logcosh', 'square', 5.5), 'claim');
    expect([o.verdict, o.evidence.code]).toEqual(['holds', 'regular_loss_converged']);
    expect(o.evidence.margin).toBe(1e-9 - o.evidence.observed);
    expect(o.evidence.details).toMatchObject({ logcoshDiverged: 'false', against_squareDiverged: 'true' });
    const c = outcome(regularityConvergesWhereSquareDiverges, at('quartic', 'square', 5.5), 'control');
    expect(c).toMatchObject({ verdict: 'violated', evidence: { code: 'regular_loss_failed', margin: -1, details: { quarticDiverged: 'true' } } });
  });
});

describe('wxzt.regularity.closer-to-edge', () => {
  it('κ = 2.5: the gap in η·S∞ is log-cosh minus square written out, its margin gap − 0.02; square against itself has gap 0, margin −0.02', () => {
    const i = at('logcosh', 'square', 2.5);
    const gap = gd('logcosh', i.lr, 4000).etaS - gd('square', i.lr, 4000).etaS;
    const o = outcome(regularityCloserToEdge, i, 'claim');
    expect([o.verdict, o.evidence.code]).toEqual(['holds', 'closer_to_edge']);
    expect(o.evidence.observed).toBeCloseTo(gap, 10);
    expect(o.evidence.margin).toBe(o.evidence.observed - 0.02);
    const c = outcome(regularityCloserToEdge, at('square', 'square', 2.5), 'control');
    expect(c).toMatchObject({ verdict: 'violated', evidence: { code: 'not_closer_to_edge', observed: 0, margin: -0.02 } });
  });

  it('both runs must converge: cut at 60 steps, the square run has (step 27 written out) and the log-cosh run has not (step 110)', () => {
    const i = at('logcosh', 'square', 2.5, 60);
    expect([gd('square', i.lr, 4000).settledAt, gd('logcosh', i.lr, 4000).settledAt]).toEqual([27, 110]);
    expect(outcome(regularityCloserToEdge, i, 'claim')).toMatchObject({ verdict: 'inconclusive', evidence: { code: 'not_converged' } });
  });

  it('κ is in [2.1, 3] up to 1e-9 (η has 15 digits): 3 + 5e-10 and 2.1 − 5e-10 are inside, 3 + 2e-9 and 2.1 − 2e-9 outside', () => {
    for (const kappa of [3 + 5e-10, 2.1 - 5e-10])
      expect(outcome(regularityCloserToEdge, at('logcosh', 'square', kappa), 'claim').evidence.code).not.toBe('kappa_out_of_range');
    for (const kappa of [3 + 2e-9, 2.1 - 2e-9])
      expect(outcome(regularityCloserToEdge, at('logcosh', 'square', kappa), 'claim').evidence.code).toBe('kappa_out_of_range');
  });
});

describe("the regularity claims' negative controls are flagged", () => {
  it('on their own draws', () => {
    for (const claim of [regularityGlobalConvergence, regularityConvergesWhereSquareDiverges, regularityCloserToEdge]) {
      const draws = fc.sample(claim.negativeControl.arbitrary, { seed: 1, numRuns: 3 });
      const verdicts = draws.map((i) => outcome(claim, i, 'control').verdict);
      expect(verdicts, claim.id).toContain('violated');
    }
  });
});
