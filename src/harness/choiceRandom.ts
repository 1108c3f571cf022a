import fc from 'fast-check';
import { seededGenerator, seededRandom } from './seededRandom.js';

/** One integer draw an arbitrary made: its value and the range it was drawn from. */
export interface Choice {
  readonly value: number;
  readonly min: number;
  readonly max: number;
}

const MIN_INT = -0x80000000;
const MAX_INT = 0x7fffffff;

/**
 * A fast-check Random that replays a given sequence of integer draws (clamped into whatever range
 * the arbitrary asks for at that position) and draws fresh ones past its end, recording every
 * draw. Every arbitrary built from fast-check's combinators reduces to `nextInt` draws, so an
 * instance is a function of its draw sequence, and a small edit of the sequence is a small move
 * in instance space, whatever the arbitrary (the idea of Hypothesis's choice sequences). This is
 * what lets `hunt` search any claim's instances without knowing their structure.
 */
export class ChoiceRandom extends fc.Random {
  readonly recorded: Choice[] = [];
  private readonly fresh: fc.Random;
  private pos = 0;

  constructor(
    private readonly replay: readonly number[],
    seed: number,
  ) {
    super(seededGenerator(seed));
    this.fresh = seededRandom(seed ^ 0x5bd1e995);
  }

  override nextInt(min?: number, max?: number): number {
    const lo = min ?? MIN_INT;
    const hi = max ?? MAX_INT;
    const v = this.pos < this.replay.length ? Math.min(hi, Math.max(lo, this.replay[this.pos])) : this.fresh.nextInt(lo, hi);
    this.pos++;
    this.recorded.push({ value: v, min: lo, max: hi });
    return v;
  }

  override next(bits: number): number {
    return this.nextInt(0, bits >= 31 ? MAX_INT : (1 << bits) - 1);
  }

  override nextBoolean(): boolean {
    return this.nextInt(0, 1) === 1;
  }

  override nextDouble(): number {
    // 53 random bits from two recorded draws, as fast-check composes them.
    const a = this.nextInt(0, (1 << 26) - 1);
    const b = this.nextInt(0, (1 << 27) - 1);
    return (a * 134217728 + b) / 9007199254740992;
  }

  override nextBigInt(min: bigint, max: bigint): bigint {
    // Rare in our arbitraries: drawn fresh (not replayable), but deterministic given the seed.
    return this.fresh.nextBigInt(min, max);
  }

  /** Shares this sequence: arbitraries that clone their Random stay a function of the draws. */
  override clone(): fc.Random {
    return this;
  }
}

/**
 * A neighbour of a draw sequence: one or two positions changed, each by a nudge of random scale
 * (a 2^−k fraction of its range, so both fine and coarse moves happen), a fresh uniform draw, or an
 * end of its range. `rng` decides everything, so a climb is reproducible from its seed.
 */
export function mutateChoices(choices: readonly Choice[], rng: fc.Random): number[] {
  const values = choices.map((c) => c.value);
  if (values.length === 0) return values;
  const edits = rng.nextInt(0, 3) === 0 ? 2 : 1;
  for (let e = 0; e < edits; e++) {
    const i = rng.nextInt(0, values.length - 1);
    const { min, max } = choices[i];
    const kind = rng.nextInt(0, 9);
    let v: number;
    if (kind <= 5) {
      const width = max - min;
      const step = Math.max(1, Math.round(width * 2 ** -rng.nextInt(1, 20) * (rng.nextInt(1, 1000) / 1000)));
      v = values[i] + (rng.nextBoolean() ? step : -step);
    } else if (kind <= 7) {
      v = rng.nextInt(min, max);
    } else {
      v = kind === 8 ? min : max;
    }
    values[i] = Math.min(max, Math.max(min, v));
  }
  return values;
}
