import type { Claim, ClaimTolerance, Instance } from '../../src/claims/claim.js';

/**
 * A claim's boundary control: its own check, mode and statistic on instances a small, stated
 * amount past the claim's bound (`outside`, run in control mode, must be violated) and just inside
 * it (`inside`, run in claim mode, must hold). The far negative control proves the check can fail;
 * this proves it fails where the statement stops being true, so a loosened tolerance, a dropped
 * `abs` or a shifted constant turns one of the instances.
 */
export interface Boundary {
  readonly claim: Claim;
  /** How far past the bound the outside instances are (e.g. "2.2× the 1024-ulp bound"). */
  readonly outside: { readonly description: string; readonly instances: readonly Instance[] };
  readonly inside: readonly Instance[];
  /**
   * Why multiplying the declared tolerance by 10 does not turn an outside instance, when it does not:
   * the bound is a constant of the statement (the declared tolerance is 0 or rounding slack on top of it).
   */
  readonly notTolerance?: string;
  /**
   * For a check whose failures cannot be certified (properties/certificationReach.test.ts: they are
   * `inconclusive` through `evaluate`): the outside instances are judged by the check's own f64
   * outcome (checkAt), which must be a violation with this failure code; `why` says why no certificate.
   */
  readonly f64Only?: { readonly code: string; readonly why: string };
  /**
   * For a claim whose tolerance is the size a conclusion must exceed to count (a rise counts only beyond it), a larger
   * tolerance makes the claim harder to hold, not easier: ×10 must then turn an inside instance (it no longer holds), and
   * this says why. The outside instances are not asked to turn.
   */
  readonly toleranceTurnsInside?: string;
  /**
   * A statistical claim's Wilson decision at its threshold, through the harness' own claimVerdict with every one of
   * `runs` instances exercised: `holdsFrom` holds reads `holds` and one fewer does not; `violatedUpTo` holds reads
   * `violated` and one more does not. Stated here, so a changed threshold or run count moves them and fails.
   */
  readonly decision?: { readonly runs: number; readonly holdsFrom: number; readonly violatedUpTo: number };
}

export const boundary = <I extends Instance>(
  claim: Claim<I>,
  b: Omit<Boundary, 'claim'> & { readonly outside: { readonly instances: readonly I[] }; readonly inside: readonly I[] },
): Boundary => ({ ...b, claim: claim as unknown as Claim });

const times = (x: number | undefined, k: number) => (x === undefined ? undefined : x * k);

/** The claim with every component of its declared tolerance multiplied by k (what a careless edit of `tolerance` does). */
export function scaledTolerance(claim: Claim, k: number): Claim {
  const t = claim.tolerance;
  const tolerance: ClaimTolerance = { ulps: times(t.ulps, k), rel: times(t.rel, k), abs: times(t.abs, k) };
  return { ...claim, tolerance };
}
