import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flatteningFurtherBelowEdge as belowEdge, flatteningLrMonotone as monotone } from '../../src/claims/wangRoberts/flatteningInLr.js';
import type { DepthRunInstance } from '../../src/claims/wangRoberts/rotationEpisodes.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * wr.flattening.lr-monotone and wr.flattening.further-below-edge through their own checks at f64, on the first
 * draw of their generator (deep-linear 2-2-1, κ = 2.08) and of their stable control (κ = 0.33): what each
 * reports (S∞ of both runs, η·S∞, the ratio or the fall in η·S∞, and their margins), the κ range of the
 * hypotheses at its ends and just past them, and a pair whose larger step diverges.
 */
const f64 = parsePrecision('f64');
const [drawn] = fc.sample(monotone.arbitrary, { seed: 1, numRuns: 1 });
const [stable] = fc.sample(monotone.negativeControl.arbitrary, { seed: 1, numRuns: 1 });
/** The drawn start with κ (and η = κ/S(θ̄) with it). */
const atKappa = (k: number, lrFactor = 1): DepthRunInstance => ({
  ...drawn,
  kappa0: String(k),
  lr: String(((Number(drawn.lr) * k) / Number(drawn.kappa0)) * lrFactor),
});

describe('wr.flattening.* on their draws', () => {
  it('report both landings: the larger step lands ≥ 5% flatter and further below its edge; below the edge both land equally sharp', () => {
    for (const [i, mode, verdict] of [
      [drawn, 'claim', 'holds'],
      [stable, 'control', 'violated'],
    ] as const) {
      const m = checkAt(monotone, i, f64, { mode }).outcome;
      const e = checkAt(belowEdge, i, f64, { mode }).outcome;
      const d = m.evidence.details ?? {};
      const lr = Number(i.lr);
      const lr2 = (lr * (Number(i.kappa0) + 0.4)) / Number(i.kappa0);
      expect(e.evidence.details).toEqual(d);
      expect(d.etaSSmall).toBe(lr * Number(d.sSmall));
      expect(d.etaSBig).toBe(lr2 * Number(d.sBig));
      expect([m.verdict, m.evidence.code]).toEqual(verdict === 'holds' ? ['holds', 'flatter'] : ['violated', 'not_flatter']);
      expect(m.evidence.observed).toBe(Number(d.sBig) / Number(d.sSmall));
      expect(m.evidence.margin).toBe(0.95 - m.evidence.observed);
      expect([e.verdict, e.evidence.code]).toEqual(verdict === 'holds' ? ['holds', 'further_below_edge'] : ['violated', 'not_further_below_edge']);
      expect(e.evidence.observed).toBe(Number(d.etaSSmall) - Number(d.etaSBig));
      expect(e.evidence.margin).toBe(e.evidence.observed);
    }
    // Below the edge both runs return to θ̄: the ratio is 1 to 1e-4.
    expect(checkAt(monotone, stable, f64, { mode: 'control' }).outcome.evidence.observed).toBeCloseTo(1, 4);
  });

  it('admit κ = 2.05 and κ = 2.6, the ends of the stated range, and stop at 2.04 and 2.61', () => {
    for (const k of [2.05, 2.6]) expect(checkAt(monotone, atKappa(k), f64, { mode: 'claim' }).outcome.verdict).toBe('holds');
    for (const k of [2.04, 2.61]) expect(checkAt(monotone, atKappa(k), f64, { mode: 'claim' }).outcome.evidence.code).toBe('kappa_out_of_range');
  });

  it('a pair whose smaller step converges and larger step diverges (η = 1.4·2.6/S(θ̄)) is outside the hypotheses', () => {
    const o = checkAt(monotone, atKappa(2.6, 1.4), f64, { mode: 'claim' }).outcome;
    expect(o.evidence.code).toBe('not_converged');
    expect(o.evidence.message).toMatch(/κ converged, κ \+ 0\.4 diverged/);
  });
});
