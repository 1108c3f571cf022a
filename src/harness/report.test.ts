import { describe, expect, it } from 'vitest';
import { claimVerdict, zeroCounts } from './report.js';

const counts = (o: Partial<ReturnType<typeof zeroCounts>>) => ({ ...zeroCounts(), ...o });

describe('claimVerdict', () => {
  it('forall/identity: any violation wins, then artifacts, then holds; nothing exercised is never a pass', () => {
    expect(claimVerdict('forall', counts({ holds: 99, violated: 1 }))).toBe('violated');
    expect(claimVerdict('identity', counts({ holds: 50, artifact: 3 }))).toBe('artifact');
    expect(claimVerdict('forall', counts({ holds: 1, inconclusive: 99, diverged: 5 }))).toBe('holds');
    expect(claimVerdict('forall', counts({ inconclusive: 10, diverged: 3 }))).toBe('inconclusive');
  });

  it('statistical: holds when the fraction of exercised instances that hold reaches the threshold', () => {
    expect(claimVerdict('statistical', counts({ holds: 8, violated: 2, inconclusive: 50 }), 0.8)).toBe('holds');
    expect(claimVerdict('statistical', counts({ holds: 7, violated: 3 }), 0.8)).toBe('violated');
    expect(claimVerdict('statistical', counts({ holds: 7, artifact: 1, violated: 2 }), 0.8)).toBe('holds');
    expect(claimVerdict('statistical', counts({ inconclusive: 3 }))).toBe('inconclusive');
  });
});
