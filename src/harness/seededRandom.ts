import fc from 'fast-check';
import { mulberry32Advance, mulberry32Output } from '../numerics/rng.js';

/**
 * mulberry32 (the steps of src/numerics/rng.ts) as a pure-rand v8 style generator (`next()` → int32), so fast-check's `Random` can
 * wrap it without this package importing pure-rand (a dependency of fast-check, not ours).
 */
export class Mulberry32 {
  constructor(private s: number) {}
  clone(): Mulberry32 {
    return new Mulberry32(this.s);
  }
  next(): number {
    this.s = mulberry32Advance(this.s);
    return mulberry32Output(this.s) | 0;
  }
  getState(): readonly number[] {
    return [this.s];
  }
}

/** The raw generator behind seededRandom (for Random subclasses). */
export function seededGenerator(seed: number): Mulberry32 {
  return new Mulberry32(seed | 0);
}

/** A fast-check `Random` determined by a 32-bit seed alone. */
export function seededRandom(seed: number): fc.Random {
  return new fc.Random(new Mulberry32(seed | 0));
}

/**
 * fast-check's bias schedule (its `runIdToFrequency`): run k draws a "small/edge" value with
 * probability 1/(2 + ⌊log10(k+1)⌋). Using it per run index gives N sharded instances the same
 * mix of edge cases as one fast-check run of N.
 */
export function biasFor(runIndex: number): number {
  return 2 + Math.floor(Math.log10(runIndex + 1));
}
