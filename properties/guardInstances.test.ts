import { describe, expect, test } from 'vitest';
import { checkAt } from '../src/harness/evaluate.js';
import { parsePrecision } from '../src/numerics/precision.js';
import { GUARD_INSTANCES } from './boundary/guardInstances.js';

/**
 * Every hand-made guard instance (properties/boundary/guardInstances.ts) stops its own claim's check
 * at its own guard, at f64 (or the precision the instance names): `inconclusive` (hypotheses) for a hypothesis, `diverged` for a
 * divergence, with the guard's code. properties/guards.test.ts asks that every guard code of a paper
 * be reached by some instance; this asks which guard each instance reaches, so a guard disabled in
 * one claim is caught even where another claim of the paper has a guard of the same code.
 * `npm run mutation` narrows it to the claims of the file it mutates (EOSCHECK_CLAIMS).
 */
const only = (process.env.EOSCHECK_CLAIMS ?? '').split(',').filter((id) => id !== '');
const selected = only.length === 0 ? GUARD_INSTANCES : GUARD_INSTANCES.filter((g) => only.includes(g.claim.id));

describe('hand-made guard instances', () => {
  test(`each of ${selected.length} stops its claim's check at its own guard`, () => {
    const wrong = selected
      .map((g) => ({ g, o: checkAt(g.claim, g.instance, parsePrecision(g.precision), { mode: g.mode }).outcome }))
      .filter(({ g, o }) => o.evidence.code !== g.guard || !(o.verdict === 'diverged' || (o.verdict === 'inconclusive' && o.reason === 'hypotheses')))
      .map(({ g, o }) => `${g.claim.id} (${g.guard}): ${o.verdict} ${o.evidence.code}: ${o.evidence.message}`);
    expect(wrong).toEqual([]);
  });
});
