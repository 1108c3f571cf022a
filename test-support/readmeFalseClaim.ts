import { join } from 'node:path';
import type { Claim } from '../src/claims/claim.js';
import { loadClaimsFile } from '../src/claims/loadClaimsFile.js';

/** The README's user claims file: a deliberately false claim (η < 3/λ_max) that the harness must refute. */
export const README_FALSE_CLAIM_FILE = join(import.meta.dirname, '../properties/examples/falseClaim.ts');

/**
 * The README's false claim, loaded as `--claims` loads it (loadClaimsFile), so the harness's tests
 * take it as a user's input rather than import code from above their layer.
 */
export async function readmeFalseClaim(): Promise<Claim> {
  const [only, ...rest] = await loadClaimsFile(README_FALSE_CLAIM_FILE);
  if (only === undefined || rest.length > 0) throw new Error(`${README_FALSE_CLAIM_FILE} should export exactly one claim`);
  return only.claim;
}
