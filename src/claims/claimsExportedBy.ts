import type { Claim } from './claim.js';
import { isClaim } from './defineClaim.js';

/** The claims a module exports, one by one or as arrays of them, in export order, each object once. */
export function claimsExportedBy(mod: Readonly<Record<string, unknown>>): Claim[] {
  const found = Object.values(mod)
    .flatMap((v) => (Array.isArray(v) ? (v as unknown[]) : [v]))
    .filter(isClaim);
  return found.filter((c, k) => found.indexOf(c) === k);
}
