import type { Claim, Evidence, Instance, Verdict } from '../claims/claim.js';

/** A claim's tightest instance of a run where it held, and the margins of all of them. */
export interface ClosestCall {
  readonly instance: Instance;
  readonly evidence: Evidence;
  /** The finite margins of every instance that held, ascending. */
  readonly margins: readonly number[];
}

/**
 * Collects, per claim, the held instance with the smallest margin (the closest call: how tight the
 * bound is where the claim held) and the distribution of margins. Feed it every generated verdict
 * (`runCheck`'s `onInstance`); instances without a finite margin are left out.
 */
export function closestCalls(): {
  readonly onInstance: (claim: Claim, instance: Instance, verdict: Verdict) => void;
  readonly result: () => Map<string, ClosestCall>;
} {
  const best = new Map<string, { instance: Instance; evidence: Evidence }>();
  const margins = new Map<string, number[]>();
  return {
    onInstance(claim, instance, verdict) {
      if (verdict.verdict !== 'holds' && verdict.verdict !== 'artifact') return;
      const m = verdict.evidence.margin;
      if (!Number.isFinite(m)) return;
      let all = margins.get(claim.id);
      if (all === undefined) margins.set(claim.id, (all = []));
      all.push(m);
      const b = best.get(claim.id);
      // The first of equal margins (run order), so the result is deterministic.
      if (b === undefined || m < b.evidence.margin) best.set(claim.id, { instance, evidence: verdict.evidence });
    },
    result() {
      const out = new Map<string, ClosestCall>();
      for (const [id, b] of best) out.set(id, { ...b, margins: [...(margins.get(id) ?? [])].sort((x, y) => x - y) });
      return out;
    },
  };
}
