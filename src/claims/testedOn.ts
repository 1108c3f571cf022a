import fc from 'fast-check';
import type { Claim } from './claim.js';

/**
 * The models a claim is tested on, read off its own instance generator (a sample of `n` instances,
 * seed 0; generators may do real work, e.g. measure a network's initial sharpness, so n is small): so `list` and the README say what the claim actually runs on, not what a comment says.
 * Instances without a `model` field (a claim on a map rather than a model) give `[]`.
 */
export function testedOn(claim: Claim, n = 8): string[] {
  const models = new Set<string>();
  for (const inst of fc.sample(claim.arbitrary, { seed: 0, numRuns: n })) {
    const m = (inst as { model?: unknown }).model;
    if (typeof m === 'string') models.add(m);
  }
  return [...models].sort();
}
