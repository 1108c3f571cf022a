import { describe, expect, test } from 'vitest';
import type { Claim } from '../src/claims/claim.js';
import { ngdLimitingFlowCodim2, ngdSharpnessDecreasesCodim2, type CodimInstance } from '../src/claims/arora/codimTwoFlow.js';
import { enterEosCodim2 } from '../src/claims/arora/codimTwoEos.js';
import { evaluate } from '../src/harness/evaluate.js';
import { generateInstance } from '../src/harness/generateInstance.js';

/**
 * Arora–Li–Panigrahi on a manifold of codimension ≥ 2: with the pinned seed each claim holds on its
 * first instances, and its negative control (plain GD, which has no bias along Γ) fails for the
 * right reason — the order fit finds no convergence, or λ₁(Φ) does not decrease.
 */
const claims: [Claim<CodimInstance>, readonly string[]][] = [
  [ngdLimitingFlowCodim2, ['order_too_low']],
  [ngdSharpnessDecreasesCodim2, ['sharpness_not_decreasing']],
  [enterEosCodim2, ['order_too_low']],
];

describe('Arora–Li–Panigrahi, codimension ≥ 2 (diagonal-linear)', () => {
  for (const [claim, codes] of claims) {
    test(`${claim.id} holds on seed 1 with its order fit in the evidence`, () => {
      const { value } = generateInstance(claim.arbitrary, 1, claim.id, 1);
      const r = evaluate(claim, value.value, { mode: 'claim' });
      expect(r.verdict.verdict, r.verdict.evidence.message).toBe('holds');
      const d = r.verdict.evidence.details ?? {};
      expect(d.fitHi as number).toBeGreaterThanOrEqual(1);
      expect(String(d.fitRungs)).toMatch(/^η=0\.08000: .*η=0\.01000: /);
    }, 60_000);

    test(`${claim.id}: plain GD (the control) is flagged with ${codes.join(' or ')}`, () => {
      for (const k of [0, 1]) {
        const { value } = generateInstance(claim.negativeControl.arbitrary, 1, claim.id, k, 'control');
        const r = evaluate(claim, value.value, { mode: 'control' });
        expect(r.verdict.verdict, r.verdict.evidence.message).toBe('violated');
        expect(codes).toContain(r.verdict.evidence.code);
      }
    }, 60_000);
  }
});
