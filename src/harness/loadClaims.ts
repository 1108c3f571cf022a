import type { Claim } from '../claims/claim.js';
import { loadClaimsFile } from '../claims/loadClaimsFile.js';
import { BUILTIN_CLAIMS, selectClaims, withUserClaims } from '../claims/registry.js';

/** The built-in catalog plus the claims of every `--claims FILE`, in that order. */
export async function loadClaims(files: readonly string[]): Promise<Claim[]> {
  const user: { claim: Claim; file: string }[] = [];
  for (const f of files) user.push(...(await loadClaimsFile(f)));
  return withUserClaims(user);
}

/**
 * The claims a run covers: those the ids or prefixes name (in the catalog and the files); without
 * ids, the files' own claims when files are given, else the whole catalog.
 */
export async function claimsToRun(files: readonly string[], patterns: readonly string[]): Promise<Claim[]> {
  const all = await loadClaims(files);
  if (patterns.length === 0 && files.length > 0) return all.slice(BUILTIN_CLAIMS.length);
  return selectClaims(all, patterns);
}
