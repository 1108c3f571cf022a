import type fc from 'fast-check';
import type { Instance, ViolatedVerdict } from '../claims/claim.js';

export interface Shrunk<I> {
  readonly instance: I;
  readonly verdict: ViolatedVerdict;
  /** Shrink indices taken, fast-check style (to append to the run index). */
  readonly path: readonly number[];
  readonly shrinks: number;
  /** Candidates tried (each one a full ladder evaluation when it fails in f64). */
  readonly tried: number;
}

export interface ShrinkLimits {
  /** Stop after this many candidates: bounds the work per counterexample, deterministically. */
  readonly maxTries: number;
  /** Checked between candidates: Ctrl-C ends shrinking with the best counterexample so far. */
  readonly stop?: { readonly requested: boolean };
}

/**
 * fast-check's shrinking loop, kept in our hands so it is bounded by a count (not wall-clock) and
 * interruptible: walk the shrink stream of the current counterexample, move to the first candidate
 * that is still `violated` (after the full precision ladder, so a shrink never lands on a rounding
 * artifact), record its index, repeat until no candidate fails or the limit is reached.
 * The recorded indices are exactly a fast-check replay path.
 */
export async function shrinkFailure<I extends Instance>(
  arb: fc.Arbitrary<I>,
  start: fc.Value<I>,
  verdict: ViolatedVerdict,
  stillFails: (candidate: I) => ViolatedVerdict | undefined,
  limits: ShrinkLimits,
): Promise<Shrunk<I>> {
  let current = start;
  let best = verdict;
  const path: number[] = [];
  let tried = 0;
  outer: for (;;) {
    let idx = 0;
    for (const candidate of arb.shrink(current.value_, current.context)) {
      if (tried >= limits.maxTries || limits.stop?.requested === true) break outer;
      tried++;
      // Let a pending SIGINT handler run between candidates.
      if (tried % 16 === 0) await new Promise((r) => setImmediate(r));
      const v = stillFails(candidate.value);
      if (v !== undefined) {
        current = candidate;
        best = v;
        path.push(idx);
        continue outer;
      }
      idx++;
    }
    break;
  }
  return { instance: current.value, verdict: best, path, shrinks: path.length, tried };
}
