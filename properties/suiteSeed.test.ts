import { describe, expect, it } from 'vitest';
import { suiteSeed } from './suiteSeed.js';

describe('suiteSeed', () => {
  it('reads EOSCHECK_SEED, and refuses to run in CI without it', () => {
    expect(suiteSeed({ EOSCHECK_SEED: '42' })).toBe(42);
    expect(suiteSeed({ EOSCHECK_SEED: '-7', CI: 'true' })).toBe(-7);
    expect(suiteSeed({})).toBe(1);
    expect(() => suiteSeed({ CI: 'true' })).toThrow(/refuse to run in CI without a pinned seed/);
    expect(() => suiteSeed({ CI: '1', EOSCHECK_SEED: '' })).toThrow(/pinned seed/);
    expect(() => suiteSeed({ EOSCHECK_SEED: '1.5' })).toThrow(/32-bit integer/);
  });

  it('is pinned under vitest (vitest.config.ts), so `CI=true npm test` runs', () => {
    expect(process.env.EOSCHECK_SEED).toMatch(/^-?\d+$/);
  });
});
