import { UsageError } from '../errors.js';

/** Shard i of n (1-based): it owns run indices k with k mod n = i − 1, and fixtures likewise. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

export const NO_SHARD: Shard = Object.freeze({ index: 1, count: 1 });

/** Parses "i/n" with 1 ≤ i ≤ n ≤ 10 000; anything else is a UsageError naming `option`. */
export function parseShard(text: string, option = '--shard'): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (m === null) throw new UsageError(`"${text}" is not a shard; use i/n, e.g. 2/3`, option);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (!(count >= 1 && count <= 10_000 && index >= 1 && index <= count)) {
    throw new UsageError(`"${text}" needs 1 ≤ i ≤ n ≤ 10000`, option);
  }
  return { index, count };
}

export const formatShard = (s: Shard): string => `${s.index}/${s.count}`;

/** True when run (or fixture) number k belongs to this shard. */
export const ownedBy = (s: Shard, k: number): boolean => k % s.count === s.index - 1;
