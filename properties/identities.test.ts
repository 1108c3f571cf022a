import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Claim } from '../src/claims/claim.js';
import { BUILTIN_CLAIMS } from '../src/claims/registry.js';
import { checkAt } from '../src/harness/evaluate.js';
import { resolveTolerance } from '../src/harness/checkContext.js';
import { parsePrecision } from '../src/numerics/precision.js';
import { suiteSeed } from './suiteSeed.js';

/**
 * The catalog's exact identities in float64 alone, on at least 1000 random instances each (the
 * closed-form oracles on 100: see ORACLE_N): every instance that meets the hypotheses must hold at
 * f64 (no escalation to decimal), and the claim's f64 tolerance is at most 1e-10 relative. The oracle
 * claims judge their own f64 evaluation against 90-digit references with a 1e-10 bound (oracle.ts)
 * and use no claim tolerance at f64.
 */
const seed = suiteSeed();
const N = 1000;
// Each oracle instance evaluates the model's closed forms against 90-digit references (10–30 ms an
// instance). A wrong closed form is wrong on almost every draw (the finite differences agree with a
// right one to 1e-45 and more); what a rare draw could show is an f64 evaluation past 1e-10, and
// over 200 draws of every model (seed 1) the worst was 1.2e-13 (expr; the others 6e-16 to 5e-14),
// three decades inside. So 100 draws here, beside the claim suite's 20 on other draws and each
// model test's own 40–60 through the same checkDerivatives and bounds. The plain identities keep 1000.
const ORACLE_N = 100;
const countFor = (c: Claim): number => (c.id.startsWith('oracle.') ? ORACLE_N : N);
const f64 = parsePrecision('f64');
const identities = BUILTIN_CLAIMS.filter((c) => c.kind === 'identity');

describe(`exact identities in f64 on ${N} instances each, oracles on ${ORACLE_N} (seed ${seed})`, () => {
  test('the catalog has identities', () => expect(identities.length).toBeGreaterThanOrEqual(20));

  for (const claim of identities as readonly Claim[]) {
    test(`${claim.id}`, () => {
      if (!claim.id.startsWith('oracle.')) expect(resolveTolerance(claim.tolerance, f64).rel).toBeLessThanOrEqual(1e-10);
      // Over-draw so that N instances meet the hypotheses (a few generated ones may not).
      const n = countFor(claim);
      const instances = fc.sample(claim.arbitrary, { seed, numRuns: Math.ceil(n * 1.25) });
      let exercised = 0;
      const failures: string[] = [];
      for (const inst of instances) {
        const { outcome } = checkAt(claim, inst, f64, { mode: 'claim', onInvalid: 'inconclusive' });
        if (outcome.verdict === 'inconclusive' || outcome.verdict === 'diverged') continue;
        exercised++;
        if (outcome.verdict !== 'holds' && failures.length < 3) failures.push(`${outcome.verdict}: ${outcome.evidence.message} on ${JSON.stringify(inst)}`);
        if (exercised === n) break;
      }
      expect(failures, failures.join('\n')).toEqual([]);
      expect(exercised, `only ${exercised} of ${instances.length} instances met the hypotheses`).toBe(n);
    });
  }
});
