import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { BUILTIN_CLAIMS } from '../src/claims/registry.js';
import { formatFailure } from '../src/harness/formatFailure.js';
import { runClaim } from '../src/harness/runClaim.js';
import { suiteSeed } from './suiteSeed.js';

/**
 * Every registered claim, and its negative control, through the same runner `eoscheck check`
 * uses, with the seed pinned. A claim passes when no instance is violated and at least half its
 * instances exercised it (hypotheses met); its control passes when it is FLAGGED, i.e. at least
 * one instance is violated — proof that the check can fail at all.
 */
const seed = suiteSeed();
const RUNS = 100;
const CONTROL_RUNS = 10;
const root = join(import.meta.dirname, '..');

describe(`built-in claims (seed ${seed}, ${RUNS} runs each)`, () => {
  for (const claim of BUILTIN_CLAIMS) {
    test(`${claim.id} holds (seed ${seed})`, async () => {
      const r = await runClaim(claim, {
        seed, runs: RUNS,
        fixturesDir: join(root, 'fixtures/counterexamples'),
        // Counterexamples found by the suite go to the git-ignored .eoscheck/; copy one into
        // fixtures/counterexamples/<id>/ (with a `why`) to keep it as a regression fixture.
        storeDir: join(root, '.eoscheck/counterexamples'),
        command: `EOSCHECK_SEED=${seed} vitest run properties/claims.test.ts`,
      });
      if (r.row.verdict === 'violated') throw new Error(formatFailure(r, { seed, runs: RUNS }));
      expect(r.row.exercised, `only ${r.row.exercised} of ${RUNS} instances met the hypotheses`).toBeGreaterThanOrEqual(RUNS / 2);
      expect(r.mismatches).toEqual([]);
    });

    test(`${claim.id}: negative control is flagged (seed ${seed})`, async () => {
      const r = await runClaim(claim, { seed, runs: CONTROL_RUNS, mode: 'control' });
      expect(r.row.instances.violated, `negative control "${claim.negativeControl.description}" was never flagged: ${JSON.stringify(r.row.instances)}`).toBeGreaterThan(0);
    });
  }
});
