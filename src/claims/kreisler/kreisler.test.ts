import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { evaluate } from '../../harness/evaluate.js';
import { runClaim } from '../../harness/runClaim.js';
import { KREISLER_COUNTEREXAMPLE, kreislerGfsMonotone } from './kreisler.js';
import { KREISLER_CLAIMS } from './index.js';

const SEED = 424242;
const fixturesDir = join(import.meta.dirname, '../../fixtures/counterexamples');

describe('Kreisler et al. claims', () => {
  for (const claim of KREISLER_CLAIMS) {
    test(`${claim.id} holds on 100 instances (with its fixtures)`, async () => {
      const r = await runClaim(claim, { seed: SEED, runs: 100, shrink: false, fixturesDir });
      expect(r.row.instances.violated, JSON.stringify(r.counterexamples[0]?.verdict.evidence)).toBe(0);
      expect(r.row.verdict).toBe('holds');
      expect(r.row.exercised).toBeGreaterThanOrEqual(50);
      expect(r.mismatches).toEqual([]);
    });
    test(`${claim.id}: negative control is flagged`, async () => {
      const r = await runClaim(claim, { seed: SEED, runs: 10, mode: 'control' });
      expect(r.row.instances.violated).toBeGreaterThan(0);
    });
  }

  test('the documented counterexample: outside the step-size condition, and φ rises by 8.6% once the condition is waived', () => {
    expect(evaluate(kreislerGfsMonotone, KREISLER_COUNTEREXAMPLE, { mode: 'claim' }).verdict).toMatchObject({ verdict: 'inconclusive', evidence: { code: 'step_size_condition' } });
    const v = evaluate(kreislerGfsMonotone, KREISLER_COUNTEREXAMPLE, { mode: 'control' }).verdict;
    expect(v.verdict).toBe('violated');
    expect(v.evidence.code).toBe('gfs_sharpness_increased');
    expect(v.evidence.observed).toBeCloseTo(0.0864, 3);
  });
});
