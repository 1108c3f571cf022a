import { describe, expect, test } from 'vitest';
import { checkAt, evaluate } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';
import { KREISLER_COUNTEREXAMPLE, gfsSharpness, kreislerGfsMonotone, type DeepScalarInstance } from '../../src/claims/kreisler/kreisler.js';
import { kreislerConvergesToEos } from '../../src/claims/kreisler/convergesToEos.js';
import { f64 } from '../../src/numerics/f64Field.js';

/** A scalar network with y = 1 from `theta`, η = κ/φ(w₀). */
const ds = (theta: string[], kappa: number, steps = 8000): DeepScalarInstance => ({
  model: 'deep-scalar',
  params: { target: '1' },
  theta,
  lr: String(kappa / gfsSharpness(f64, theta.map(Number), 1)),
  steps,
});

describe('Kreisler et al. claims', () => {
  test('the documented counterexample: outside the step-size condition, and φ rises by 8.6% once the condition is waived', () => {
    expect(evaluate(kreislerGfsMonotone, KREISLER_COUNTEREXAMPLE, { mode: 'claim' }).verdict).toMatchObject({
      verdict: 'inconclusive',
      evidence: { code: 'step_size_condition' },
    });
    const v = evaluate(kreislerGfsMonotone, KREISLER_COUNTEREXAMPLE, { mode: 'control' }).verdict;
    expect(v.verdict).toBe('violated');
    expect(v.evidence.code).toBe('gfs_sharpness_increased');
    expect(v.evidence.observed).toBeCloseTo(0.0864, 3);
  });

  test('converges-to-eos: D = 3 lands within 10% of the edge; D = 2 can land further (a counterexample instance, not a hypothesis); a run cut short is not_converged', () => {
    const near = evaluate(kreislerConvergesToEos, ds(['2', '0.7', '0.6'], 2.4), { mode: 'claim' }).verdict;
    expect(near).toMatchObject({ verdict: 'holds', evidence: { code: 'near_edge' } });
    expect(near.evidence.observed).toBeGreaterThan(1.98);
    expect(near.evidence.observed).toBeLessThanOrEqual(2);
    // Its margin is computed in doubles (not certifiable): a failing instance is `inconclusive` through
    // `evaluate`, so the check's own f64 outcome is read here.
    const f64p = parsePrecision('f64');
    const atF64 = (i: DeepScalarInstance, mode: 'claim' | 'control') => checkAt(kreislerConvergesToEos, i, f64p, { mode }).outcome;
    expect(evaluate(kreislerConvergesToEos, ds(['2.2', '0.6'], 2.3), { mode: 'claim' }).verdict).toMatchObject({
      verdict: 'inconclusive',
      reason: 'uncertified',
    });
    const far = atF64(ds(['2.2', '0.6'], 2.3), 'claim');
    expect(far).toMatchObject({ verdict: 'violated', evidence: { code: 'far_below_edge' } });
    expect(far.evidence.observed).toBeCloseTo(1.6205, 3);
    expect(atF64(ds(['2', '0.7', '0.6'], 2.4, 50), 'control')).toMatchObject({ verdict: 'violated', evidence: { code: 'not_converged' } });
    // The control's below-the-edge half: GD converges next to its start, η·S∞ ≈ η·φ(w₀) = 1.
    const below = atF64(ds(['2', '0.7', '0.6'], 1), 'control');
    expect(below).toMatchObject({ verdict: 'violated', evidence: { code: 'far_below_edge' } });
    expect(below.evidence.observed).toBeCloseTo(1, 2);
  });
});
