import { describe, expect, it } from 'vitest';
import { mulberry32Advance, mulberry32Output, rng } from './rng.js';

describe('mulberry32', () => {
  it('gives the stream of the reference algorithm (first outputs of seed 1, pinned before the steps were shared)', () => {
    let s = 1;
    const out: number[] = [];
    for (let i = 0; i < 4; i++) {
      s = mulberry32Advance(s);
      out.push(mulberry32Output(s));
    }
    expect(out).toEqual([2693262067, 11749833, 2265367787, 4213581821]);
  });

  it('rng(seed).next() takes 53 bits from two outputs: 21 high bits of the first, 32 of the second >>> 11', () => {
    const r = rng(1);
    expect(r.next()).toBe((2693262067 * 2 ** 21 + (11749833 >>> 11)) / 2 ** 53);
    expect(r.next()).toBe((2265367787 * 2 ** 21 + (4213581821 >>> 11)) / 2 ** 53);
  });

  it('a state held signed or unsigned gives the same output', () => {
    for (const s of [0x80000000, 0xffffffff, 0x6d2b79f5, 7]) expect(mulberry32Output(s | 0)).toBe(mulberry32Output(s >>> 0));
  });
});
