import type { ClaimKind } from '../claims/claim.js';
import type { RowVerdict } from './report.js';
import type { Shard } from './shard.js';

/**
 * A claim's verdict as one run reports it. `whole` is the verdict of its counts (claimVerdict) as
 * if they were the whole run. A shard (`shard.count > 1`) holds only part of the instances, so a
 * statistical claim's fraction and a ∀ claim's `holds` (or `artifact`, `inconclusive`) are not
 * decided there: the row says `partial` and `merge` decides on the summed counts. A run cut by a
 * signal says `interrupted` for the claim it was running. Only a ∀ claim's violation stands on its
 * own: its violating instance is a counterexample whatever the other instances do.
 */
export function verdictInRun(whole: RowVerdict, kind: ClaimKind, o: { readonly shard: Shard; readonly interrupted: boolean }): RowVerdict {
  if (!o.interrupted && o.shard.count === 1) return whole;
  if (kind !== 'statistical' && whole === 'violated') return whole;
  return o.interrupted ? 'interrupted' : 'partial';
}
