import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Claim } from '../src/claims/claim.js';
import { isClaim } from '../src/claims/defineClaim.js';

/**
 * The claims a suite runs: the whole catalog (src/claims/registry.ts), or, when `npm run mutation`
 * names the modules that hold the claims of the file it mutates (EOSCHECK_CLAIM_MODULES, paths from
 * the repository root), only those modules: importing the catalog costs seconds, paid again by every
 * mutant's run. Either way it is imported when called, inside a test, so that a claim module's top
 * level runs in the test that uses it (a mutation run credits that test with it).
 */
export async function suiteCatalog(env = process.env): Promise<readonly Claim[]> {
  const modules = (env.EOSCHECK_CLAIM_MODULES ?? '').split(',').filter((m) => m !== '');
  if (modules.length === 0) return (await import('../src/claims/registry.js')).BUILTIN_CLAIMS as readonly Claim[];
  const root = join(import.meta.dirname, '..');
  const found = new Map<string, Claim>();
  for (const m of modules) {
    const mod = (await import(pathToFileURL(join(root, m)).href)) as Record<string, unknown>;
    for (const v of Object.values(mod).flatMap((x) => (Array.isArray(x) ? x : [x]))) if (isClaim(v) && !found.has(v.id)) found.set(v.id, v as Claim);
  }
  return [...found.values()];
}
