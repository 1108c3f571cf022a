import { describe, expect, test } from 'vitest';
import { runClaim } from '../../harness/runClaim.js';
import { evenHyperbolicIdentity } from './even.js';
import { EVEN_CLAIMS } from './index.js';

const SEED = 424242;

describe('Even et al. claims (diagonal linear networks)', () => {
  for (const claim of EVEN_CLAIMS) {
    test(`${claim.id} holds on 100 instances`, async () => {
      const r = await runClaim(claim, { seed: SEED, runs: 100, shrink: false });
      expect(r.row.instances.violated, JSON.stringify(r.counterexamples[0]?.verdict.evidence)).toBe(0);
      expect(r.row.verdict).toBe('holds');
      expect(r.row.exercised).toBeGreaterThanOrEqual(50);
    });
    test(`${claim.id}: negative control is flagged`, async () => {
      const r = await runClaim(claim, { seed: SEED, runs: 10, mode: 'control' });
      expect(r.row.instances.violated).toBeGreaterThan(0);
    });
  }

  test('the hyperbolic identity\'s control is flagged for both stated reasons, not only because the parameterization breaks', async () => {
    const r = await runClaim(evenHyperbolicIdentity, { seed: SEED, runs: 30, mode: 'control', shrink: false });
    const codes = new Set(r.counterexamples.map((c) => c.verdict.evidence.code));
    expect([...codes].sort()).toEqual(['identity_mismatch', 'parameterization_broken']);
  });
});
