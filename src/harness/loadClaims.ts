import type { Claim } from '../claims/claim.js';
import { loadClaimsFile } from '../claims/loadClaimsFile.js';
import { withUserClaims } from '../claims/registry.js';

/** The built-in catalog plus the claims of every `--claims FILE`, in that order. */
export async function loadClaims(files: readonly string[]): Promise<Claim[]> {
  const user: { claim: Claim; file: string }[] = [];
  for (const f of files) user.push(...(await loadClaimsFile(f)));
  return withUserClaims(user);
}
