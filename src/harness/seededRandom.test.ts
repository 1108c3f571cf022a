import { describe, expect, it } from 'vitest';
import { mulberry32Advance, mulberry32Output } from '../numerics/rng.js';
import { Mulberry32 } from './seededRandom.js';

describe('Mulberry32 (fast-check generator)', () => {
  it('draws the stream of src/numerics/rng.ts as int32, and clones keep their place', () => {
    for (const seed of [1, -1, 0, 2 ** 31 - 1]) {
      const g = new Mulberry32(seed);
      let s = seed;
      for (let i = 0; i < 1000; i++) {
        s = mulberry32Advance(s);
        expect(g.next()).toBe(mulberry32Output(s) | 0);
      }
      const c = g.clone();
      expect([c.next(), c.next()]).toEqual([g.next(), g.next()]);
      expect(c.getState()).toEqual(g.getState());
    }
  });
});
