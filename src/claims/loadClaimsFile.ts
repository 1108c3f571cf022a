import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import type { Claim, Outcome } from './claim.js';
import { claimsExportedBy } from './claimsExportedBy.js';
import { importClaimsModule } from './importClaimsModule.js';

/**
 * User claims from a TypeScript or JavaScript module: every export (default or named) that is a
 * claim built with defineClaim, or an array of them. `.ts` files load through tsx, and `eoscheck`
 * and `fast-check` resolve from this install when the file's folder lacks them. A missing file, a module that throws, or one without claims is a UsageError naming `claimsFile`.
 */
export async function loadClaimsFile(file: string): Promise<{ claim: Claim; file: string }[]> {
  const path = resolve(file);
  if (!existsSync(path)) throw new UsageError(`cannot read "${file}": no such file`, 'claimsFile');
  let mod: Record<string, unknown>;
  try {
    mod = await importClaimsModule(path);
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
    throw new UsageError(`cannot load "${file}": ${msg}`, 'claimsFile');
  }
  const out = claimsExportedBy(mod).map((claim) => ({ claim: checkedOutcome(claim, file), file }));
  if (out.length === 0) throw new UsageError(`"${file}" exports no claims (export claims built with defineClaim, or arrays of them)`, 'claimsFile');
  return out;
}

const OUTCOMES: readonly string[] = ['holds', 'violated', 'inconclusive', 'diverged'];

function describe(x: unknown): string {
  if (x === undefined || x === null) return String(x);
  if (typeof x !== 'object') return `${typeof x} ${String(x).slice(0, 40)}`;
  if (Array.isArray(x)) return 'an array';
  const v = (x as { verdict?: unknown }).verdict;
  return typeof v === 'string' ? `an object with verdict "${v.slice(0, 40)}"` : 'an object without a verdict';
}

/**
 * The user claim with its check's return value validated: a check that returns nothing, or
 * something other than an outcome `{ verdict, evidence }`, throws a TypeError naming the claim, the
 * file and what came back, rather than failing later deep in the harness. It is a bug in the claim,
 * so it is thrown as a check that throws (the harness reports it as such), not as bad input.
 */
function checkedOutcome(claim: Claim, file: string): Claim {
  const check = claim.check;
  const guarded = ((instance, ctx) => {
    const r: unknown = check(instance, ctx);
    const o = r as { verdict?: unknown; evidence?: unknown } | null | undefined;
    const ok =
      typeof o === 'object' &&
      o !== null &&
      typeof o.verdict === 'string' &&
      OUTCOMES.includes(o.verdict) &&
      typeof o.evidence === 'object' &&
      o.evidence !== null;
    if (!ok) {
      throw new TypeError(
        `claim "${claim.id}" (${file}): its check returned ${describe(r)}; a check must return an outcome ` +
          `{ verdict, evidence } with verdict ${OUTCOMES.join(', ')} (the holds/violated/... helpers build them)`,
      );
    }
    return r as Outcome;
  }) as Claim['check'];
  const copy = { ...claim, check: guarded };
  // The registry recognises claims by defineClaim's brand, a Symbol.for key, so the copy carries it too.
  Object.defineProperty(copy, Symbol.for('eoscheck.claim'), { value: true, enumerable: false });
  return Object.freeze(copy);
}
