import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/harness/evaluate.js';
import { f64 } from '../../src/numerics/f64Field.js';
import { decimalField } from '../../src/numerics/decimalField.js';
import { projectedZ2, solveWPlusLogW, uvExactBalancingRate, type UvBalancingInstance } from '../../src/claims/arora/arora.js';
import type { ManifoldInstance } from '../../src/claims/arora/manifoldRuns.js';
import { ngdLimitingFlow, ngdTwoCycleHarmonicMean } from '../../src/claims/arora/manifoldToy.js';

describe('helpers', () => {
  it('solveWPlusLogW solves w + ln w = c in f64 and at 50 digits', () => {
    const w = solveWPlusLogW(f64, 1, 0.1);
    expect(w + Math.log(w)).toBeCloseTo(1, 14);
    expect(w).toBeCloseTo(1, 14);
    const D = decimalField(50);
    const wd = solveWPlusLogW(D, D.from('2.5'), D.from('0.01'));
    expect(D.toNumber(D.abs(D.sub(D.add(wd, D.log(wd)), D.from('2.5'))))).toBeLessThan(1e-45);
  });

  it('projectedZ2 is the gradient-flow limit on ½(1 + z²)x²: identity on Γ, lower off it', () => {
    expect(projectedZ2(f64, 0, 1.5)).toBeCloseTo(2.25, 14);
    const z2 = projectedZ2(f64, 0.5, 1);
    expect(z2).toBeLessThan(1);
    expect(z2 + Math.log(z2)).toBeCloseTo(1 + 0 - 0.25, 13);
  });
});

describe('arora.uv.exact-balancing-rate', () => {
  const inst = (rule: 'ngd' | 'sqrt-gd' | 'gd', rate: 'ngd' | 'sqrt-gd', lr = '0.1'): UvBalancingInstance => ({
    model: 'uv',
    params: { target: '1' },
    theta: ['2', '0.3'],
    lr,
    steps: 50,
    rule,
    rate,
  });
  it('holds for √L-GD and NGD, and flags plain GD asserted at the √L rate', () => {
    expect(evaluate(uvExactBalancingRate, inst('sqrt-gd', 'sqrt-gd'), { mode: 'claim' }).verdict.verdict).toBe('holds');
    expect(evaluate(uvExactBalancingRate, inst('ngd', 'ngd', '0.7'), { mode: 'claim' }).verdict.verdict).toBe('holds');
    const v = evaluate(uvExactBalancingRate, inst('gd', 'sqrt-gd'), { mode: 'control' }).verdict;
    expect(v).toMatchObject({ verdict: 'violated', evidence: { code: 'rate_mismatch', step: 0, precision: 'dec:80' } });
    // Outside the hypotheses in claim mode: inconclusive, not a pass.
    expect(evaluate(uvExactBalancingRate, inst('gd', 'sqrt-gd'), { mode: 'claim' }).verdict).toMatchObject({ verdict: 'inconclusive', reason: 'hypotheses' });
  });
});

describe('manifold-toy claims on a hand-written instance', () => {
  const base: ManifoldInstance = { model: 'manifold-toy', theta: ['1', '1'], lr: '0.02', rule: 'ngd', horizon: '0.5' };
  it('NGD: harmonic mean at the edge, pointwise not (caveat 3)', () => {
    const ok = evaluate(ngdTwoCycleHarmonicMean, { ...base, statistic: 'harmonic' }, { mode: 'claim' }).verdict;
    expect(ok.verdict).toBe('holds');
    expect(ok.evidence.observed).toBeLessThan(1e-3);
    const bad = evaluate(ngdTwoCycleHarmonicMean, { ...base, statistic: 'pointwise' }, { mode: 'control' }).verdict;
    expect(bad).toMatchObject({ verdict: 'violated', evidence: { code: 'pointwise_off_edge' } });
  });
  it('NGD limiting flow: from z(T₁) within 0.1·η, from z₀ off by more than 10%', () => {
    const ok = evaluate(ngdLimitingFlow, { ...base, flowStart: 'phase1' }, { mode: 'claim' }).verdict;
    expect(ok.verdict).toBe('holds');
    const bad = evaluate(ngdLimitingFlow, { ...base, flowStart: 'z0' }, { mode: 'control' }).verdict;
    expect(bad.verdict).toBe('violated');
    expect(bad.evidence.observed).toBeGreaterThan(0.1);
  });
});
