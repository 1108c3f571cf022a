import { describe, expect, test } from 'vitest';
import { runClaim } from '../../harness/runClaim.js';
import { WXZT_CLAIMS } from './index.js';


const SEED = 424242;

describe('WXZT claims (Wang, Xu, Zhao, Tao)', () => {
  for (const claim of WXZT_CLAIMS) {
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
});
