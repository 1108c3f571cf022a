import { describe, expect, it } from 'vitest';
import { ngdLimitingFlow, ngdTwoCycleHarmonicMean, sqrtEntersEos, sqrtLimitingFlow } from '../src/claims/arora/manifoldToy.js';
import { sharpnessDecreasesAlongFlow } from '../src/claims/arora/sharpnessAlongFlow.js';
import type { Claim, Instance, Outcome } from '../src/claims/claim.js';
import { fourStages } from '../src/claims/damian/fourStages.js';
import { reducedMapExact } from '../src/claims/damian/reducedMap.js';
import { BLOW_UP, finiteSmall } from '../src/claims/wangRoberts/wangRoberts.js';
import { checkAt } from '../src/harness/evaluate.js';
import { f64 } from '../src/numerics/f64Field.js';
import { parsePrecision } from '../src/numerics/precision.js';
import { manifold } from './boundary/arora.js';
import { toy } from './boundary/damian.js';

/**
 * Checks pinned where a one-line change of their own code would go unnoticed by the far negative
 * controls: an error measure of either sign, the last step of a range, a constant of the statement,
 * a hypothesis guard at its edge, the blow-up test. Each case runs the claim's own check at f64.
 */
const F64 = parsePrecision('f64');
const at = <I extends Instance>(claim: Claim<I>, instance: I, mode: 'claim' | 'control'): Outcome => {
  const o = checkAt(claim, instance, F64, { mode }).outcome;
  // A check that throws is a bug, never a verdict these tests could accept.
  if (o.verdict === 'error') throw new Error(`${claim.id} threw: ${o.stack}`);
  return o;
};

describe('damian.reduced-map.exact: the ỹ error of either sign, at the last step', () => {
  // One step: x₁ uses ỹ₀ (equal on both sides), so only ỹ₁ = ỹ₀ + ηα differs, by η·Δα = ±1e-10 (2.2× the bound 4.5e-11).
  it.each([
    ['0.01000001', 'GD below the map'],
    ['0.00999999', 'GD above the map'],
  ])('α = %s (%s) is flagged at step 1 of 1', (alpha) => {
    expect(at(reducedMapExact, toy(alpha, '0.1', 1), 'control')).toMatchObject({ verdict: 'violated', evidence: { code: 'map_mismatch', step: 1 } });
  });
  it('the exact map holds on the same instance', () => {
    expect(at(reducedMapExact, toy('0.01', '0.1', 1), 'claim').verdict).toBe('holds');
  });
  it('names what parted, and reports the worst step of a run that holds', () => {
    expect(at(reducedMapExact, toy('0.01000001', '0.1', 1), 'control')).toMatchObject({
      evidence: { details: { alpha: '0.01000001', beta: '1' }, margin: expect.any(Number) as number, message: expect.stringContaining("GD's ỹ") as string },
    });
    const held = at(reducedMapExact, toy('0.01', '0.1', 200), 'claim').evidence;
    expect(held.step).toBeGreaterThanOrEqual(1);
    expect(held.observed).toBeLessThanOrEqual(held.bound);
    expect(held.margin).toBeGreaterThanOrEqual(0);
  });
  it('the bound grows with t: α within the 1e-12 hypothesis drifts ỹ by t·ηΔα = 9e-14 at t = 1000, far inside per·t·|ỹ terms|', () => {
    expect(at(reducedMapExact, toy('0.010000000000009', '0.1', 1000), 'claim').verdict).toBe('holds');
  });
});

describe('damian.four-stages: the period-2 orbit error of either sign, in x and in ỹ', () => {
  // η = 0.01: the ỹ error dominates (ỹ₁ = ηΔα, ỹ₂ = 2ηΔα); at Δα = ±6e-10, |ỹ₂| = 1.2e-11 is 1.7× the bound 7.3e-12 (8·4096 ulps of 2⁻⁵²) and |ỹ₁| below it.
  // η = 2, α = 1: the x error δ·η²Δα (4Δα relative) dominates, the ỹ error is 4Δα/3.
  // (|ỹ₂| = 2|ỹ₁| always, so the abs on ỹ₁ is redundant: docs/mutation.md lists that mutant as equivalent.)
  it.each([
    ['0.01000001', '0.01', '200', '0.01'],
    ['0.00999999', '0.01', '200', '0.01'],
    ['0.0100000006', '0.01', '200', '0.01'],
    ['0.0099999994', '0.01', '200', '0.01'],
    ['1.000000000004', '2', '1', '1'],
    ['0.999999999996', '2', '1', '1'],
  ])('α = %s at η = %s is not a period-2 map', (alpha, lr, a0, c) => {
    expect(at(fourStages, toy(alpha, '0', 1, { lr, a0, c }), 'control')).toMatchObject({ verdict: 'violated', evidence: { code: 'period_two' } });
  });
  it('the exact map has the period-2 orbit at both step sizes', () => {
    expect(at(fourStages, toy('0.01', '0', 1), 'claim').verdict).toBe('holds');
    expect(at(fourStages, toy('1', '0', 1, { lr: '2', a0: '1', c: '1' }), 'claim').verdict).toBe('holds');
  });
});

describe('arora: the projection branch, FLOW_C and the two-cycle tolerance', () => {
  it('λ₁(Φ(θ)) falls measurably at every projection sample (a constant measure would hold vacuously)', () => {
    const o = at(sharpnessDecreasesAlongFlow, manifold('0.5', '1.5', '0.03', 'ngd', { horizon: '0.3', sample: 'projection' }), 'claim');
    expect(o.verdict).toBe('holds');
    // Per sample λ₁ − 1 = z*² shrinks by e^{−0.1}·…: the largest relative change is a fall of about 2%.
    expect(o.evidence.observed).toBeLessThan(-0.01);
  });
  it.each([
    ['ngd', ngdLimitingFlow],
    ['sqrt-gd', sqrtLimitingFlow],
  ] as const)('the %s limiting flow flags a flow off by 1.5·(0.1·η), and its bound is 0.1·η', (rule, claim) => {
    // Started from z₀ with |x₀| = 0.12, Phase I moves z by a relative 4.5e-3–4.7e-3 = 1.5–1.6 × 0.1·η at η = 0.03.
    const o = at(claim, manifold('0.12', '1', '0.03', rule, { flowStart: 'z0' }), 'control');
    expect(o).toMatchObject({ verdict: 'violated', evidence: { code: 'off_limiting_flow' } });
    expect(o.evidence.observed).toBeLessThan(2 * 0.003);
    expect(o.evidence.bound).toBeCloseTo(0.003, 15);
  });
  it.each([
    ['ngd', ngdTwoCycleHarmonicMean, '0.1'],
    ['sqrt-gd', sqrtEntersEos, '0.08'],
  ] as const)('the %s two-cycle claim flags a harmonic mean 3–4× its abs tolerance off ½', (rule, claim, lr) => {
    const o = at(claim, manifold('0.5', '1.5', lr, rule, { statistic: 'harmonic' }), 'control');
    expect(o).toMatchObject({ verdict: 'violated', evidence: { code: 'harmonic_mean_off_edge', bound: 1e-3 } });
    expect(o.evidence.observed).toBeLessThan(1e-2);
  });
});

describe('hypothesis guards at their edge', () => {
  it('x₀ = 0 (not z₀ = 0) is the minimizer the manifold claims set aside', () => {
    for (const claim of [ngdTwoCycleHarmonicMean, sharpnessDecreasesAlongFlow]) {
      expect(at(claim, manifold('0', '1', '0.03', 'ngd', { statistic: 'harmonic', sample: 'projection' }), 'claim')).toMatchObject({
        verdict: 'inconclusive',
        evidence: { code: 'on_manifold' },
      });
      expect(at(claim, manifold('0.5', '0', '0.03', 'ngd', { statistic: 'harmonic', sample: 'projection' }), 'claim').verdict).not.toBe('inconclusive');
    }
    expect(at(ngdLimitingFlow, manifold('0.5', '0', '0.03', 'ngd', {}), 'claim')).toMatchObject({
      verdict: 'inconclusive',
      evidence: { code: 'degenerate_start' },
    });
    expect(at(ngdLimitingFlow, manifold('0', '1', '0.03', 'ngd', {}), 'claim')).toMatchObject({
      verdict: 'inconclusive',
      evidence: { code: 'degenerate_start' },
    });
  });
});

describe('wr: the blow-up test', () => {
  it('is false for a non-finite or a too-large coordinate, true inside', () => {
    expect(finiteSmall(f64, [1, -2])).toBe(true);
    expect(finiteSmall(f64, [BLOW_UP * 0.999, 0])).toBe(true);
    expect(finiteSmall(f64, [BLOW_UP, 0])).toBe(false);
    expect(finiteSmall(f64, [0, -2 * BLOW_UP])).toBe(false);
    expect(finiteSmall(f64, [Number.NaN, 0])).toBe(false);
    expect(finiteSmall(f64, [1, Number.POSITIVE_INFINITY])).toBe(false);
  });
});
