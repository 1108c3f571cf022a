import { join } from 'node:path';
import type { Claim } from '../src/claims/claim.js';
import { loadClaimsFile } from '../src/claims/loadClaimsFile.js';

/**
 * The claims a suite runs: the whole catalog (src/claims/registry.ts), or, when `npm run mutation`
 * names the modules that hold the claims of the file it mutates (EOSCHECK_CLAIM_MODULES, paths from
 * the repository root), only those modules, read as `--claims FILE` reads a module: importing the
 * catalog costs seconds, paid again by every mutant's run. Either way it is imported when called,
 * inside a test, so that a claim module's top level runs in the test that uses it (a mutation run
 * credits that test with it).
 */
export async function suiteCatalog(env = process.env): Promise<readonly Claim[]> {
  const modules = (env.EOSCHECK_CLAIM_MODULES ?? '').split(',').filter((m) => m !== '');
  if (modules.length === 0) return (await import('../src/claims/registry.js')).BUILTIN_CLAIMS as readonly Claim[];
  const root = join(import.meta.dirname, '..');
  const loaded = (await Promise.all(modules.map((m) => loadClaimsFile(join(root, m))))).flat().map((x) => x.claim);
  // A claim a module re-exports from another named module is the same claim once.
  return loaded.filter((c, k) => loaded.findIndex((x) => x.id === c.id) === k);
}
