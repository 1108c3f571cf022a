import { describe, expect, it } from 'vitest';
import { swapIsNotRotation as claim, type UvRunInstance } from '../../src/claims/wangRoberts/swapIsNotRotation.js';
import { checkAt } from '../../src/harness/evaluate.js';
import { parsePrecision } from '../../src/numerics/precision.js';

/**
 * wr.swap-is-not-rotation through its own check at f64, against balanced uv written out: with u = v, GD is
 * u ← u − η(u² − 1)u and the Hessian's eigenvalues are 3u² − 1 on (1, 1) and 1 − u² on (1, −1), so the top
 * line is (1, 1) exactly when u² > ½ and the naive angle jumps 90° exactly when u² crosses ½. Also: a start on
 * that crossing is skipped, a start off the balanced set is refused, and the tolerance is what absorbs the
 * eigensolver's rounding.
 */
const f64 = parsePrecision('f64');
const uv = (u: string, lr: string, steps: number, v = u): UvRunInstance => ({ model: 'uv', params: { target: '1' }, theta: [u, v], lr, steps });

/** The steps k ≥ 1 at which u² crosses ½, u following the balanced map for `steps` steps. */
function crossings(i: UvRunInstance): number {
  let u = Number(i.theta[0]);
  const eta = Number(i.lr);
  let n = 0;
  for (let k = 1; k <= i.steps; k++) {
    const next = u - eta * (u * u - 1) * u;
    if (next * next > 0.5 !== u * u > 0.5) n++;
    u = next;
  }
  return n;
}

describe('wr.swap-is-not-rotation against balanced uv written out', () => {
  it('counts as swaps exactly the steps at which u² crosses ½: every step of a period-two orbit, the first step only, or none', () => {
    for (const [i, expected] of [
      [uv('0.22', '1.37', 114), 53],
      [uv('0.7', '0.25', 1), 1],
      [uv('0.7', '0.25', 3), 1],
      [uv('0.5', '0.25', 2), 0],
    ] as const) {
      const o = checkAt(claim, i, f64, { mode: 'claim' }).outcome;
      expect([o.verdict, o.evidence.code], o.evidence.message).toEqual(['holds', 'fixed_frame']);
      expect(crossings(i)).toBe(expected);
      expect(o.evidence.details).toEqual({ swaps: expected, skipped: 0 });
    }
  });

  it('a start on the crossing (u₀² = ½ to 8 digits, eigengap 1e-8 relative) is skipped, and no swap is counted across it', () => {
    const o = checkAt(claim, uv('0.70710678', '0.25', 3), f64, { mode: 'claim' }).outcome;
    expect([o.verdict, o.evidence.details]).toEqual(['holds', { swaps: 0, skipped: 1 }]);
  });

  it('refuses a start 1e-8 off the balanced set', () => {
    expect(checkAt(claim, uv('0.5', '0.25', 3, '0.50000001'), f64, { mode: 'claim' }).outcome.evidence.code).toBe('unbalanced');
  });

  it("the top eigenvector is 1.6e-16 rad off (1, ±1) in f64: within 0.75 of an ulp pair it holds with margin tol − worst, within 0.5 the frame 'moved' at step 1", () => {
    const i = uv('0.7', '0.25', 1);
    const held = checkAt({ ...claim, tolerance: { ulps: 0.75 } }, i, f64, { mode: 'claim' }).outcome;
    const moved = checkAt({ ...claim, tolerance: { ulps: 0.5 } }, i, f64, { mode: 'claim' }).outcome;
    expect([moved.verdict, moved.evidence.code, moved.evidence.step]).toEqual(['violated', 'frame_moved', 1]);
    expect(moved.evidence.observed).toBeGreaterThan(moved.evidence.bound);
    expect(held.verdict).toBe('holds');
    expect(held.evidence.observed).toBe(moved.evidence.observed);
    expect(held.evidence.bound).toBe(0.75 * 2 * 2 ** -53);
    expect(held.evidence.margin).toBe(held.evidence.bound - held.evidence.observed);
  });
});
