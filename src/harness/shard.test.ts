import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { parseShard, resolveShard, shardFromSlurm } from './shard.js';

describe('shards', () => {
  it('parses i/n and refuses the rest, naming the option', () => {
    expect(parseShard('2/3')).toEqual({ index: 2, count: 3 });
    expect(() => parseShard('0/3')).toThrow(/--shard: "0\/3" needs 1 ≤ i ≤ n/);
    expect(() => parseShard('x')).toThrow(UsageError);
  });

  it('maps a Slurm job array task to its shard: 0-based, 1-based and stepped arrays', () => {
    expect(shardFromSlurm({})).toBeUndefined();
    // sbatch --array=0-3
    expect([0, 1, 2, 3].map((id) => shardFromSlurm({ SLURM_ARRAY_TASK_ID: `${id}`, SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_MIN: '0' }))).toEqual(
      [1, 2, 3, 4].map((index) => ({ index, count: 4 })),
    );
    // sbatch --array=1-4
    expect(shardFromSlurm({ SLURM_ARRAY_TASK_ID: '1', SLURM_ARRAY_TASK_COUNT: '4', SLURM_ARRAY_TASK_MIN: '1', SLURM_ARRAY_TASK_MAX: '4' })).toEqual({
      index: 1,
      count: 4,
    });
    // sbatch --array=10-16:3 → tasks 10, 13, 16
    expect(shardFromSlurm({ SLURM_ARRAY_TASK_ID: '16', SLURM_ARRAY_TASK_COUNT: '3', SLURM_ARRAY_TASK_MIN: '10', SLURM_ARRAY_TASK_STEP: '3' })).toEqual({
      index: 3,
      count: 3,
    });
  });

  it('refuses inconsistent Slurm variables instead of running everything', () => {
    expect(() => shardFromSlurm({ SLURM_ARRAY_TASK_ID: '2' })).toThrow(/SLURM_ARRAY_TASK_COUNT: is not set although SLURM_ARRAY_TASK_ID is \(2\)/);
    expect(() => shardFromSlurm({ SLURM_ARRAY_TASK_ID: 'a', SLURM_ARRAY_TASK_COUNT: '2' })).toThrow(/SLURM_ARRAY_TASK_ID: "a" is not a whole number/);
    // --array=1,3,7: three tasks, ids not on a MIN-MAX:STEP grid
    expect(() => shardFromSlurm({ SLURM_ARRAY_TASK_ID: '7', SLURM_ARRAY_TASK_COUNT: '3', SLURM_ARRAY_TASK_MIN: '1' })).toThrow(/gap.*--array=MIN-MAX/);
  });

  it('--shard wins over the environment', () => {
    const env = { SLURM_ARRAY_TASK_ID: '0', SLURM_ARRAY_TASK_COUNT: '2', SLURM_ARRAY_TASK_MIN: '0' };
    expect(resolveShard('2/5', env)).toEqual({ shard: { index: 2, count: 5 }, from: 'option' });
    expect(resolveShard(undefined, env)).toEqual({ shard: { index: 1, count: 2 }, from: 'slurm' });
    expect(resolveShard(undefined, {})).toEqual({ shard: { index: 1, count: 1 }, from: 'none' });
  });
});
