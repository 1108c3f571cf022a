import { describe, expect, it } from 'vitest';
import { evaluate } from '../../src/harness/evaluate.js';
import { type ToyInstance } from '../../src/claims/damian/damian.js';
import { timeAverageSharpness, timeAverageXSquared } from '../../src/claims/damian/timeAverages.js';
import { reducedMapExact } from '../../src/claims/damian/reducedMap.js';
import { fourStages } from '../../src/claims/damian/fourStages.js';
import { DAMIAN_CLAIMS } from '../../src/claims/damian/index.js';
import { constrainedProjection } from '../../src/claims/damian/constrainedTrajectory.js';

/** ½(40.5 + z)x² − 0.05z at η = 0.05: ỹ₀ = 0.5, α = 0.05, β = 1, δ² = 0.1. */
const toy = (x0: string, steps: number, extra: Partial<ToyInstance> = {}): ToyInstance => ({
  model: 'cubic-toy',
  params: { a0: '40.5', b: '1', c: '0.05' },
  toy: { a0: '40.5', b: '1', c: '0.05' },
  theta: [x0, '0'],
  lr: '0.05',
  steps,
  ...extra,
});

describe('DAMIAN_CLAIMS through the harness (pinned seed)', () => {
  it('exports six claims with distinct damian.* ids', () => {
    expect(DAMIAN_CLAIMS.map((c) => c.id)).toEqual([
      'damian.reduced-map.exact',
      'damian.four-stages',
      'damian.time-average.x-squared',
      'damian.time-average.sharpness',
      'damian.constrained-trajectory.projection',
    ]);
  });
});

describe('hand-made instances', () => {
  it('GD on the toy is the reduced map; the map without β is flagged (and is outside the hypotheses)', () => {
    const x = toy('0.2', 300, { map: { alpha: '0.05', beta: '1' } });
    expect(evaluate(reducedMapExact, x, { mode: 'claim' }).verdict).toMatchObject({ verdict: 'holds', evidence: { code: 'map_exact' } });
    const noBeta = { ...x, map: { alpha: '0.05', beta: '0' } };
    expect(evaluate(reducedMapExact, noBeta, { mode: 'claim' }).verdict).toMatchObject({ verdict: 'inconclusive', evidence: { code: 'map_coefficients' } });
    expect(evaluate(reducedMapExact, noBeta, { mode: 'control' }).verdict).toMatchObject({ verdict: 'violated', evidence: { code: 'map_mismatch' } });
  });

  it('a quartic term breaks the identity: inconclusive as a claim instance, violated as a control', () => {
    const q: ToyInstance = { ...toy('0.3', 50), model: 'expr', params: {}, expr: '0.5*(40.5 + 1*z)*x^2 - 0.05*z + 1*x^4/24', vars: ['x', 'z'] };
    expect(evaluate(reducedMapExact, q, { mode: 'claim' }).verdict).toMatchObject({ verdict: 'inconclusive', evidence: { code: 'not_cubic' } });
    expect(evaluate(reducedMapExact, q, { mode: 'control' }).verdict).toMatchObject({ verdict: 'violated', evidence: { code: 'map_mismatch', step: 1 } });
  });

  it('four stages: sharpening at x = 0, and self-stabilization within T₁ from ỹ₀ > 0; with β = 0 it never comes', () => {
    expect(evaluate(fourStages, toy('0', 1), { mode: 'claim' }).verdict).toMatchObject({ verdict: 'holds', evidence: { details: { stages: 'sharpening' } } });
    const v = evaluate(fourStages, toy('0.001', 1), { mode: 'claim' }).verdict;
    expect(v.verdict).toBe('holds');
    expect(String(v.evidence.details?.stages)).toMatch(/blow-up stabilized-after-\d+-of-\d+/);
    const noBeta = { ...toy('0.001', 1), map: { alpha: '0.05', beta: '0' } };
    expect(evaluate(fourStages, noBeta, { mode: 'control' }).verdict).toMatchObject({
      verdict: 'violated',
      evidence: { code: expect.stringMatching(/self_stabilization/) },
    });
  });

  it('the x² identity holds exactly at 40 digits, and ⟨x²⟩ is near δ² = 0.1 over several cycles', () => {
    const v = evaluate(timeAverageXSquared, toy('0.3', 2000), { mode: 'claim' }).verdict;
    expect(v).toMatchObject({ verdict: 'holds', evidence: { precision: 'f64' } });
    expect(Number(v.evidence.details?.ratioToDelta2)).toBeGreaterThan(0.5);
    expect(Number(v.evidence.details?.ratioToDelta2)).toBeLessThan(2);
  });

  it('the log identity holds, and the naive ⟨ỹ⟩ ≈ (η/2)⟨ỹ²⟩ fails over an arbitrary window', () => {
    expect(evaluate(timeAverageSharpness, toy('0.01', 400), { mode: 'claim' }).verdict).toMatchObject({
      verdict: 'holds',
      evidence: { code: 'identity_holds' },
    });
    const naive = toy('0.01', 400, { variant: 'naive-second-order' });
    expect(evaluate(timeAverageSharpness, naive, { mode: 'claim' }).verdict).toMatchObject({ verdict: 'inconclusive', evidence: { code: 'naive_variant' } });
    expect(evaluate(timeAverageSharpness, naive, { mode: 'control' }).verdict).toMatchObject({ verdict: 'violated', evidence: { code: 'naive_fails' } });
  });

  it('PGD clamps z at (2/η − a₀)/b with x† = 0', () => {
    expect(evaluate(constrainedProjection, toy('0.2', 30), { mode: 'claim' }).verdict).toMatchObject({
      verdict: 'holds',
      evidence: { code: 'projection_exact' },
    });
  });
});

describe('damian.constrained-trajectory.projection: x† = 0 is forced only where a₀ + b·z > √(bc)', () => {
  // θ₀ = (0.1, 0), b = 1, c = 0.01 (√(bc) = 0.1), η = 0.01: ∇L·u = x(sλ + b²x²/2 − bc) has zeros with x ≠ 0 once s² ≤ bc.
  const at = (a0: string): ToyInstance => {
    const p = { a0, b: '1', c: '0.01' };
    return { model: 'cubic-toy', params: p, toy: p, theta: ['0.1', '0'], lr: '0.01', steps: 3, map: { alpha: '0.01', beta: '1' } };
  };
  it('a₀ = 0.01 and 0.1: outside the hypothesis (the projection lands with x ≠ 0, a certified violation before it was stated)', () => {
    for (const a0 of ['0.01', '0.1']) {
      const v = evaluate(constrainedProjection, at(a0), { mode: 'claim' }).verdict;
      expect(v.verdict, v.evidence.message).toBe('inconclusive');
      expect(v.evidence.code).toBe('sharpness_below_sqrt_bc');
    }
  });
  it('a₀ = 1 (s² = 100·bc): the projection is exact', () => {
    expect(evaluate(constrainedProjection, at('1'), { mode: 'claim' }).verdict).toMatchObject({ verdict: 'holds', evidence: { code: 'projection_exact' } });
  });
});
