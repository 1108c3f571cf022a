import fc from 'fast-check';
import type { Claim, Instance } from '../claims/claim.js';

/**
 * The top-level fields every instance the claim's own generator makes has, and `instance` lacks
 * (three samples, seeded, so the answer is the same every time). A fixture edited by hand or
 * written for another claim can lack a field its check reads (`lr`, `steps`, `data`): replaying it
 * would make the check throw, which would be reported as a bug in the claim instead of a bad file.
 */
export function missingFields(claim: Claim, instance: Instance): string[] {
  const samples = fc.sample(claim.arbitrary, { numRuns: 3, seed: 1 }) as readonly Instance[];
  const always = Object.keys(samples[0] ?? {}).filter((k) => samples.every((s) => Object.hasOwn(s, k)));
  return always.filter((k) => !Object.hasOwn(instance, k));
}
