import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/harness/evaluate.js';
import { KREISLER_COUNTEREXAMPLE, kreislerGfsMonotone } from '../../src/claims/kreisler/kreisler.js';

describe('Kreisler et al. claims', () => {

  test('the documented counterexample: outside the step-size condition, and φ rises by 8.6% once the condition is waived', () => {
    expect(evaluate(kreislerGfsMonotone, KREISLER_COUNTEREXAMPLE, { mode: 'claim' }).verdict).toMatchObject({ verdict: 'inconclusive', evidence: { code: 'step_size_condition' } });
    const v = evaluate(kreislerGfsMonotone, KREISLER_COUNTEREXAMPLE, { mode: 'control' }).verdict;
    expect(v.verdict).toBe('violated');
    expect(v.evidence.code).toBe('gfs_sharpness_increased');
    expect(v.evidence.observed).toBeCloseTo(0.0864, 3);
  });
});
