import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UsageError } from '../errors.js';
import type { Claim } from './claim.js';
import { isClaim } from './defineClaim.js';

/**
 * User claims from a TypeScript or JavaScript module: every export (default or named) that is a
 * claim built with defineClaim, or an array of them. The CLI runs under tsx, so `.ts` files import
 * directly. A missing file, a module that throws, or one without claims is a UsageError naming `claimsFile`.
 */
export async function loadClaimsFile(file: string): Promise<{ claim: Claim; file: string }[]> {
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError(`cannot read "${file}": no such file`, 'claimsFile');
  let mod: Record<string, unknown>;
  try {
    mod = (await import(pathToFileURL(path).href)) as Record<string, unknown>;
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new UsageError(`cannot load "${file}": ${msg}`, 'claimsFile');
  }
  const out: { claim: Claim; file: string }[] = [];
  const seen = new Set<Claim>();
  for (const value of Object.values(mod)) {
    const items = Array.isArray(value) ? value : [value];
    for (const x of items) {
      if (isClaim(x) && !seen.has(x)) {
        seen.add(x);
        out.push({ claim: x, file });
      }
    }
  }
  if (out.length === 0) throw new UsageError(`"${file}" exports no claims (export claims built with defineClaim, or arrays of them)`, 'claimsFile');
  return out;
}
