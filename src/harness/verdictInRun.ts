import type { ClaimKind } from '../claims/claim.js';
import type { RowVerdict } from './report.js';
import type { Shard } from './shard.js';

/** Verdicts one instance of a ∀ (or identity) claim decides for the whole claim, whatever the others give. */
const DECIDED_BY_ONE: ReadonlySet<RowVerdict> = new Set(['violated']);

/**
 * A claim's verdict as one run reports it. `whole` is the verdict of its counts (claimVerdict) as
 * if they were the whole run. A shard (`shard.count > 1`) holds only part of the instances, so a
 * statistical claim's fraction and a ∀ claim's `holds` (or `artifact`, `inconclusive`) are not
 * decided there: the row says `partial` and `merge` decides on the summed counts. A run cut by a
 * signal says `interrupted` for the claim it was running. Only a ∀ claim's violation stands on its
 * own: its violating instance is a counterexample whatever the other instances do; and an `error`
 * (a check that threw) stands in every kind of claim.
 */
export function verdictInRun(whole: RowVerdict, kind: ClaimKind, o: { readonly shard: Shard; readonly interrupted: boolean }): RowVerdict {
  if (!o.interrupted && o.shard.count === 1) return whole;
  // A check that threw is a bug, in any shard and for any kind of claim: never hidden as `partial`.
  if (whole === 'error') return whole;
  if (kind !== 'statistical' && DECIDED_BY_ONE.has(whole)) return whole;
  return o.interrupted ? 'interrupted' : 'partial';
}
