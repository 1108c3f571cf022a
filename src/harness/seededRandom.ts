import fc from 'fast-check';

/**
 * mulberry32 as a pure-rand v8 style generator (`next()` → int32), so fast-check's `Random` can
 * wrap it without this package importing pure-rand (a dependency of fast-check, not ours).
 */
export class Mulberry32 {
  constructor(private s: number) {}
  clone(): Mulberry32 {
    return new Mulberry32(this.s);
  }
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) | 0;
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
