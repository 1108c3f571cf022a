import { describe, expect, it } from 'vitest';
import { evenEosFinalSharpness as claim } from '../../src/claims/even/eosFinalSharpness.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';
import { edgeRun } from '../boundary/evenProblems.js';

/**
 * even.dln.eos-final-sharpness on one generated sparse-recovery problem (properties/boundary/evenProblems.ts) at stated γ·S_GF:
 * the hypothesis κ > 2 is a guard hit at κ = 2, a run that leaves the finite range is a divergence, one that settles on a
 * period-2 orbit is not a verdict, and the evidence reports the limit it judged.
 */

const f64 = parsePrecision('f64');
const run = (kappa: string, mode: 'claim' | 'control' = 'claim') => checkAt(claim, edgeRun(kappa), f64, { mode }).outcome;

describe('even.dln.eos-final-sharpness', () => {
  it('needs γ·S_GF > 2: at exactly 2, and below, the claim is not exercised', () => {
    for (const kappa of ['2', '1.5']) {
      const o = run(kappa);
      expect([o.verdict, o.verdict === 'inconclusive' ? o.reason : '', o.evidence.code]).toEqual(['inconclusive', 'hypotheses', 'below_edge']);
    }
    // Its control runs them: at κ = 2 GD lands at 1.931 without a loss increase, below the band.
    expect(run('2', 'control').verdict).toBe('violated');
  });

  it('a run that leaves the finite range is a divergence; one that settles on a period-2 orbit has no limit to judge', () => {
    for (const kappa of ['4', '8']) {
      const o = run(kappa);
      expect([o.verdict, o.evidence.code]).toEqual(['diverged', 'diverged']);
    }
    for (const mode of ['claim', 'control'] as const) {
      const o = run('3', mode);
      expect([o.verdict, o.evidence.code]).toEqual(['inconclusive', 'not_converged']);
      expect(o.evidence.message).toMatch(/period-2/);
    }
  });

  it('reports the limit it judged: γ·S_∞ against the band [1.97, 2], the steps and the loss increases of the run', () => {
    const out = run('2.052', 'control');
    expect([out.verdict, out.evidence.code, out.evidence.bound]).toEqual(['violated', 'not_just_below_edge', 1.97]);
    expect(out.evidence.observed).toBeGreaterThan(1.9699);
    expect(out.evidence.observed).toBeLessThan(1.97);
    const o = run('2.4');
    expect([o.verdict, o.evidence.code, o.evidence.bound]).toEqual(['holds', 'just_below_edge', 1.97]);
    expect(o.evidence.observed).toBeGreaterThan(1.97);
    expect(o.evidence.observed).toBeLessThan(2);
    // Past the edge GD oscillates before it settles: the loss rose at some steps, and the run took as many steps as the evidence says.
    const d = o.evidence.details ?? {};
    expect(Number(d.lossIncreases)).toBeGreaterThan(0);
    expect(d.steps).toBe(o.evidence.step);
    expect(Number(d.l1)).toBeGreaterThan(0);
    expect(Number(d.l1Gf)).toBeGreaterThan(0);
    expect(Number(d.sGf)).toBeGreaterThan(0);
  });
});
