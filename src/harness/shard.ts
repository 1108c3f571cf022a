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

/**
 * The shard a Slurm job array task stands for, when the environment has `SLURM_ARRAY_TASK_ID`
 * (else undefined). Task ids need not start at 1 nor be contiguous: with `--array=MIN-MAX:STEP`
 * the task is shard (ID − MIN)/STEP + 1 of SLURM_ARRAY_TASK_COUNT. Inconsistent variables are a
 * UsageError naming the variable, never a silent 1/1 (that would run every shard's work n times).
 */
export function shardFromSlurm(env: Readonly<Record<string, string | undefined>>): Shard | undefined {
  const idText = env.SLURM_ARRAY_TASK_ID;
  if (idText === undefined || idText === '') return undefined;
  const int = (name: string, fallback?: number): number => {
    const v = env[name];
    if (v === undefined || v === '') {
      if (fallback !== undefined) return fallback;
      throw new UsageError(`is not set although SLURM_ARRAY_TASK_ID is (${idText}); run under a job array or give the shard (i/n) explicitly`, name);
    }
    if (!/^\d+$/.test(v.trim())) throw new UsageError(`"${v}" is not a whole number`, name);
    return Number(v);
  };
  const id = int('SLURM_ARRAY_TASK_ID');
  const count = int('SLURM_ARRAY_TASK_COUNT');
  const min = int('SLURM_ARRAY_TASK_MIN', 0);
  const step = int('SLURM_ARRAY_TASK_STEP', 1);
  if (step < 1) throw new UsageError(`"${step}" must be at least 1`, 'SLURM_ARRAY_TASK_STEP');
  if (id < min || (id - min) % step !== 0) {
    throw new UsageError(`task ${id} is not on the array MIN=${min}, STEP=${step}`, 'SLURM_ARRAY_TASK_ID');
  }
  const index = (id - min) / step + 1;
  if (!(count >= 1 && count <= 10_000 && index <= count)) {
    throw new UsageError(
      `task ${id} would be shard ${index} of ${count} (MIN=${min}, STEP=${step}); a job array with a gap (e.g. --array=1,3,7) cannot be mapped to shards, use --array=MIN-MAX[:STEP]`,
      'SLURM_ARRAY_TASK_COUNT',
    );
  }
  return { index, count };
}

/** `--shard i/n` when given, else the Slurm job array task's shard, else the whole run. */
export function resolveShard(
  shardText: string | undefined,
  env: Readonly<Record<string, string | undefined>> = process.env,
): { shard: Shard; from: 'option' | 'slurm' | 'none' } {
  if (shardText !== undefined) return { shard: parseShard(shardText), from: 'option' };
  const s = shardFromSlurm(env);
  return s !== undefined ? { shard: s, from: 'slurm' } : { shard: NO_SHARD, from: 'none' };
}
