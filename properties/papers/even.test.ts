import { describe, expect, test } from 'vitest';
import { runClaim } from '../../src/harness/runClaim.js';
import { evenHyperbolicIdentity } from '../../src/claims/even/even.js';

const SEED = 424242;

describe('Even et al. claims (diagonal linear networks)', () => {
  test("the hyperbolic identity's control is flagged for both stated reasons, not only because the parameterization breaks", async () => {
    const r = await runClaim(evenHyperbolicIdentity, { seed: SEED, runs: 30, mode: 'control', shrink: false });
    const codes = new Set(r.counterexamples.map((c) => c.verdict.evidence.code));
    expect([...codes].sort()).toEqual(['identity_mismatch', 'parameterization_broken']);
  });
});
