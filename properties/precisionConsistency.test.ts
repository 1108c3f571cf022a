import { describe, expect, test } from 'vitest';
import type { Claim, ErrorVerdict, Outcome } from '../src/claims/claim.js';
import { BUILTIN_CLAIMS } from '../src/claims/registry.js';
import { checkAt, evaluate } from '../src/harness/evaluate.js';
import { generateInstance } from '../src/harness/generateInstance.js';
import { F64, parsePrecision } from '../src/numerics/precision.js';
import { suiteSeed } from './suiteSeed.js';

/**
 * A check must mean the same thing at every precision: on its own generated instances each
 * catalog claim's check gives the same verdict at f64 and at dec:40, unless one of the two decided
 * nothing (an `uncertain` margin, or one within its rounding allowance) or the full ladder settles
 * the instance with an interval certificate. A check that converts to doubles while its tolerance
 * scales with the precision fails here (it did: wr.swap-is-not-rotation). Claims whose ladder is
 * f64 alone (networks on float32, chaotic maps judged over many seeds) do not run at dec:40.
 */
const seed = suiteSeed();
const INSTANCES = 2;
const dec40 = parsePrecision('dec:40');

const undecided = (o: Outcome | ErrorVerdict) =>
  (o.verdict === 'inconclusive' && o.reason === 'uncertain') ||
  ((o.verdict === 'holds' || o.verdict === 'violated') && o.evidence.allowance !== undefined && Math.abs(o.evidence.margin) <= o.evidence.allowance);

describe(`f64 and dec:40 agree (seed ${seed}, ${INSTANCES} instances per claim)`, () => {
  for (const claim of BUILTIN_CLAIMS.filter((c) => c.ladder.length > 1)) {
    test(claim.id, () => {
      for (let k = 0; k < INSTANCES; k++) {
        const instance = generateInstance(claim.arbitrary, seed, claim.id, k).value.value;
        const o = { mode: 'claim' as const, onInvalid: 'inconclusive' as const };
        const a = checkAt(claim as Claim, instance, F64, o).outcome;
        const b = checkAt(claim as Claim, instance, dec40, o).outcome;
        expect(a.verdict, `run ${k}: the check threw at f64: ${a.evidence.message}`).not.toBe('error');
        expect(b.verdict, `run ${k}: the check threw at dec:40: ${b.evidence.message}`).not.toBe('error');
        if (a.verdict === b.verdict || undecided(a) || undecided(b)) continue;
        const full = evaluate(claim as Claim, instance, o).verdict;
        const certified = 'certificate' in full && full.certificate !== undefined;
        expect(
          certified,
          `run ${k}: f64 says ${a.verdict} (${a.evidence.message}), dec:40 says ${b.verdict} (${b.evidence.message}), and no certificate settles it (${full.verdict})`,
        ).toBe(true);
      }
    });
  }
});
