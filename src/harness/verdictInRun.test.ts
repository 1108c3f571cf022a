import { describe, expect, it } from 'vitest';
import { NO_SHARD } from './shard.js';
import { verdictInRun } from './verdictInRun.js';

describe('verdictInRun', () => {
  it("the whole, uncut run gives the claim's own verdict", () => {
    for (const v of ['holds', 'violated', 'artifact', 'inconclusive'] as const) {
      expect(verdictInRun(v, 'forall', { shard: NO_SHARD, interrupted: false })).toBe(v);
      expect(verdictInRun(v, 'statistical', { shard: NO_SHARD, interrupted: false })).toBe(v);
    }
  });

  it("a shard decides only a ∀ claim's violation; the rest is partial", () => {
    const shard = { index: 2, count: 3 };
    expect(verdictInRun('violated', 'forall', { shard, interrupted: false })).toBe('violated');
    expect(verdictInRun('violated', 'identity', { shard, interrupted: false })).toBe('violated');
    expect(verdictInRun('violated', 'statistical', { shard, interrupted: false })).toBe('partial');
    for (const v of ['holds', 'artifact', 'inconclusive'] as const) {
      expect(verdictInRun(v, 'forall', { shard, interrupted: false })).toBe('partial');
      expect(verdictInRun(v, 'statistical', { shard, interrupted: false })).toBe('partial');
    }
  });

  it('a claim cut by a signal is interrupted, never holds (a ∀ violation found before the cut stands)', () => {
    for (const shard of [NO_SHARD, { index: 1, count: 2 }]) {
      expect(verdictInRun('holds', 'forall', { shard, interrupted: true })).toBe('interrupted');
      expect(verdictInRun('holds', 'statistical', { shard, interrupted: true })).toBe('interrupted');
      expect(verdictInRun('violated', 'statistical', { shard, interrupted: true })).toBe('interrupted');
      expect(verdictInRun('violated', 'forall', { shard, interrupted: true })).toBe('violated');
    }
  });
});
