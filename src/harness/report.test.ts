import { describe, expect, it } from 'vitest';
import { claimVerdict, wilsonInterval, zeroCounts } from './report.js';

const counts = (o: Partial<ReturnType<typeof zeroCounts>>) => ({ ...zeroCounts(), ...o });

describe('claimVerdict', () => {
  it('forall/identity: any violation wins, then artifacts, then holds; nothing exercised is never a pass', () => {
    expect(claimVerdict('forall', counts({ holds: 99, violated: 1 }))).toBe('violated');
    expect(claimVerdict('identity', counts({ holds: 50, artifact: 3 }))).toBe('artifact');
    expect(claimVerdict('forall', counts({ holds: 1, inconclusive: 99, diverged: 5 }))).toBe('holds');
    expect(claimVerdict('forall', counts({ inconclusive: 10, diverged: 3 }))).toBe('inconclusive');
  });

  it('statistical: decided on the 95% Wilson interval of the hold fraction, inconclusive when it straddles the threshold', () => {
    // 8 of 10 at 0.8: the interval [0.49, 0.94] straddles it; 95 of 100 clears it; 3 of 20 is far below.
    expect(claimVerdict('statistical', counts({ holds: 8, violated: 2, inconclusive: 50 }), 0.8)).toBe('inconclusive');
    expect(claimVerdict('statistical', counts({ holds: 95, violated: 5 }), 0.8)).toBe('holds');
    expect(claimVerdict('statistical', counts({ holds: 90, artifact: 5, violated: 5 }), 0.8)).toBe('holds');
    expect(claimVerdict('statistical', counts({ holds: 3, violated: 17 }), 0.8)).toBe('violated');
    expect(claimVerdict('statistical', counts({ holds: 7, violated: 3 }), 0.8)).toBe('inconclusive');
    expect(claimVerdict('statistical', counts({ inconclusive: 3 }))).toBe('inconclusive');
  });

  it('a failure the interval re-run could not certify keeps a forall claim from reading holds', () => {
    expect(claimVerdict('forall', counts({ holds: 99, inconclusive: 1, uncertified: 1 }))).toBe('inconclusive');
    expect(claimVerdict('forall', counts({ holds: 98, violated: 1, inconclusive: 1, uncertified: 1 }))).toBe('violated');
  });

  it('a check that threw makes the claim `error`, unless a certified violation already refutes it', () => {
    expect(claimVerdict('forall', counts({ holds: 9, error: 1 }))).toBe('error');
    expect(claimVerdict('forall', counts({ violated: 1, error: 1 }))).toBe('violated');
    expect(claimVerdict('statistical', counts({ holds: 9, violated: 5, error: 1 }))).toBe('error');
  });
});

describe('wilsonInterval', () => {
  it('matches the closed form on known values (Wilson 1927; e.g. Newcombe 1998, table I) and stays in [0, 1]', () => {
    // Newcombe's examples: 81/263 → [0.2553, 0.3662]; 15/148 → [0.0624, 0.1605]; 0/20 → [0, 0.1611]; 1/29 → [0.0061, 0.1718].
    const cases: [number, number, number, number][] = [
      [81, 263, 0.2553, 0.3662],
      [15, 148, 0.0624, 0.1605],
      [0, 20, 0, 0.1611],
      [1, 29, 0.0061, 0.1718],
    ];
    for (const [k, n, lo, hi] of cases) {
      const w = wilsonInterval(k, n);
      expect(w.lo).toBeCloseTo(lo, 4);
      expect(w.hi).toBeCloseTo(hi, 4);
    }
    expect(wilsonInterval(20, 20)).toMatchObject({ hi: 1 });
    expect(wilsonInterval(20, 20).lo).toBeCloseTo(1 - 0.1611, 4);
    expect(wilsonInterval(0, 0)).toEqual({ held: 0, of: 0, lo: 0, hi: 1 });
  });
});
