import { describe, expect, test } from 'vitest';
import { BUILTIN_CLAIMS } from '../src/claims/registry.js';
import { evaluate } from '../src/harness/evaluate.js';
import { BOUNDARIES } from './boundary/index.js';
import { scaledTolerance } from './boundary/boundary.js';

/**
 * Every boundary control (properties/boundary/): outside instances violated, inside instances
 * holding, and the claim with its declared tolerance ×10 no longer violating some outside instance.
 * `npm run mutation` narrows it to the claims of the file it mutates (EOSCHECK_CLAIMS).
 */
const only = (process.env.EOSCHECK_CLAIMS ?? '').split(',').filter((id) => id !== '');
const selected = only.length === 0 ? BOUNDARIES : BOUNDARIES.filter((b) => only.includes(b.claim.id));

describe('boundary controls', () => {
  for (const b of selected) {
    const id = b.claim.id;
    test(`${id}: ${b.outside.description} is flagged`, () => {
      for (const inst of b.outside.instances) {
        const v = evaluate(b.claim, inst, { mode: 'control' }).verdict;
        expect(v.verdict, `${JSON.stringify(inst)}: ${v.evidence.message}`).toBe('violated');
      }
    });
    test(`${id}: the instances just inside hold`, () => {
      for (const inst of b.inside) {
        const v = evaluate(b.claim, inst, { mode: 'claim' }).verdict;
        expect(v.verdict, `${JSON.stringify(inst)}: ${v.evidence.message}`).toBe('holds');
      }
    });
    if (b.notTolerance === undefined) {
      test(`${id}: with its tolerance ×10 an outside instance is no longer violated`, () => {
        const loose = scaledTolerance(b.claim, 10);
        const verdicts = b.outside.instances.map((inst) => evaluate(loose, inst, { mode: 'control' }).verdict.verdict);
        expect(verdicts, 'the boundary does not pin the declared tolerance').not.toEqual(verdicts.map(() => 'violated'));
      });
    }
  }
});

test('boundary controls name registered claims, once each', () => {
  const ids = BOUNDARIES.map((b) => b.claim.id);
  expect(new Set(ids).size).toBe(ids.length);
  const registered = new Set(BUILTIN_CLAIMS.map((c) => c.id));
  expect(ids.filter((id) => !registered.has(id))).toEqual([]);
});
