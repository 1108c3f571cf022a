import { describe, expect, test } from 'vitest';
import type { Claim } from '../src/claims/claim.js';
import {
  ngdLimitingFlowCodim2,
  ngdSharpnessDecreasesCodim2,
  sqrtLimitingFlowCodim2,
  sqrtSharpnessDecreasesCodim2,
  type CodimInstance,
} from '../src/claims/arora/codimTwoFlow.js';
import { enterEosCodim2 } from '../src/claims/arora/codimTwoEos.js';
import { evaluate } from '../src/harness/evaluate.js';
import { generateInstance } from '../src/harness/generateInstance.js';

/**
 * Arora–Li–Panigrahi on a manifold of codimension ≥ 2: with the pinned seed each claim holds on its
 * first instance, and its negative control (plain GD, which has no bias along Γ) fails for the
 * right reason — the order fit finds no convergence, or λ₁(Φ) does not decrease. The √L-GD claims
 * run 10⁵ steps at their smallest η, so their control is asserted on its first instance only.
 */
interface Case {
  readonly claim: Claim<CodimInstance>;
  readonly codes: readonly string[];
  /** The claim instance checked, and the control instances. */
  readonly run: number;
  readonly controls: readonly number[];
  /** The fit's first and last rungs as the evidence prints them. */
  readonly rungs: RegExp;
}
const NGD_RUNGS = /^η=0\.08000: .*η=0\.01000: /;
const SQRT_RUNGS = /^η=0\.01000: .*η=0\.001250: /;
const cases: Case[] = [
  { claim: ngdLimitingFlowCodim2, codes: ['order_too_low'], run: 1, controls: [0, 1], rungs: NGD_RUNGS },
  { claim: ngdSharpnessDecreasesCodim2, codes: ['sharpness_not_decreasing'], run: 1, controls: [0, 1], rungs: NGD_RUNGS },
  // Run 1 (√L-GD) is order_undetermined: asserted below.
  { claim: enterEosCodim2, codes: ['order_too_low'], run: 0, controls: [0, 1], rungs: NGD_RUNGS },
  { claim: sqrtLimitingFlowCodim2, codes: ['order_too_low'], run: 0, controls: [0], rungs: SQRT_RUNGS },
  { claim: sqrtSharpnessDecreasesCodim2, codes: ['sharpness_not_decreasing'], run: 0, controls: [0], rungs: SQRT_RUNGS },
];

describe('Arora–Li–Panigrahi, codimension ≥ 2 (diagonal-linear)', () => {
  for (const { claim, codes, run, controls, rungs } of cases) {
    test(`${claim.id} holds on seed 1 with its order fit in the evidence`, () => {
      const { value } = generateInstance(claim.arbitrary, 1, claim.id, run);
      const r = evaluate(claim, value.value, { mode: 'claim' });
      expect(r.verdict.verdict, r.verdict.evidence.message).toBe('holds');
      const d = r.verdict.evidence.details ?? {};
      expect(d.fitHi as number).toBeGreaterThanOrEqual(1);
      expect(d.fitLo as number).toBeGreaterThan(0);
      expect(String(d.fitRungs)).toMatch(rungs);
    }, 60_000);

    test(`${claim.id}: plain GD (the control) is flagged with ${codes.join(' or ')}`, () => {
      for (const k of controls) {
        const { value } = generateInstance(claim.negativeControl.arbitrary, 1, claim.id, k, 'control');
        const r = evaluate(claim, value.value, { mode: 'control' });
        expect(r.verdict.verdict, r.verdict.evidence.message).toBe('violated');
        expect(codes).toContain(r.verdict.evidence.code);
      }
    }, 60_000);
  }
});

test('arora.enters-eos-codim2 on its seed-1 run 1 (√L-GD): an interval reaching 1 but containing 0 is order_undetermined, not a pass', () => {
  const { value } = generateInstance(enterEosCodim2.arbitrary, 1, enterEosCodim2.id, 1);
  const r = evaluate(enterEosCodim2, value.value, { mode: 'claim' });
  expect([r.verdict.verdict, r.verdict.evidence.code]).toEqual(['inconclusive', 'order_undetermined']);
  expect(r.verdict.evidence.message).toMatch(/slope 1\.51 \[-0\.00, 3\.02\] in η: the 95% interval contains 0/);
}, 60_000);
