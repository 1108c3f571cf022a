import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEPTH_FAMILIES } from '../../src/claims/wangRoberts/rotationEpisodes.js';

/**
 * The rotation claims' start families (src/claims/wangRoberts/rotationEpisodes.ts, before settling) against what they state:
 * deep-scalar weights in ±[0.3, 1.6] (a weight within 0.3 of 0 is moved away from it, keeping its sign), diagonal-linear
 * and deep-linear data in [−1.5, 1.5] with weights at least 0.3 and 0.2 away from 0, deep-linear widths 2-2-1 or 2-2-2-1, and
 * the depth-1 quadratics with A positive definite, |A₁₂| ≤ 0.25·√(A₁₁A₂₂).
 */
const nums = (xs: unknown) => (xs as readonly string[]).map(Number);
const flat = (xs: unknown): number[] => (Array.isArray(xs) ? xs.flatMap(flat) : [Number(xs)]);

function spans(values: readonly number[], lo: number, hi: number, floor = 0): void {
  for (const x of values) {
    expect(x).toBeGreaterThanOrEqual(lo);
    expect(x).toBeLessThanOrEqual(hi);
    expect(Math.abs(x)).toBeGreaterThanOrEqual(floor);
  }
  // Both signs, and values near each end of the range.
  expect(Math.min(...values)).toBeLessThan(lo / 2);
  expect(Math.max(...values)).toBeGreaterThan(hi / 2);
}

describe('the Wang–Roberts depth families', () => {
  it('deep-scalar D = 2, 3, 4: D weights in ±[0.3, 1.6], target 1', () => {
    for (const depth of [2, 3, 4]) {
      const draws = fc.sample(DEPTH_FAMILIES.scalarDepth(depth), { seed: 7, numRuns: 60 });
      for (const d of draws)
        expect([d.model, d.depth, (d.theta as readonly string[]).length, (d.params as { target?: string }).target, d.family]).toEqual([
          'deep-scalar',
          depth,
          depth,
          '1',
          `deep-scalar D=${depth}`,
        ]);
      spans(
        draws.flatMap((d) => nums(d.theta)),
        -1.6,
        1.6,
        0.3,
      );
    }
  });

  it('a weight drawn within 0.3 of 0 is moved out with its sign: some land just outside (−0.3, 0.3) on each side', () => {
    const moved = fc
      .sample(DEPTH_FAMILIES.scalarDepth(4), { seed: 7, numRuns: 100 })
      .flatMap((d) => nums(d.theta))
      .filter((x) => Math.abs(x) < 0.31);
    expect(moved.some((x) => x > 0)).toBe(true);
    expect(moved.some((x) => x < 0)).toBe(true);
  });

  it('the wide families: diagonal-linear (d = 2, 3) and deep-linear (2-2-1, 2-2-2-1) with their data in [−1.5, 1.5] and weights off 0', () => {
    const draws = fc.sample(DEPTH_FAMILIES.wide(), { seed: 7, numRuns: 120 });
    const byFamily = (f: string) => draws.filter((d) => d.family === f);
    expect(new Set(draws.map((d) => d.family))).toEqual(new Set(['diagonal-linear d=2', 'diagonal-linear d=3', 'deep-linear 2-2-1', 'deep-linear 2-2-2-1']));
    for (const d of [...byFamily('diagonal-linear d=2'), ...byFamily('diagonal-linear d=3')]) {
      const dim = String(d.family).endsWith('2') ? 2 : 3;
      expect([d.model, d.depth, (d.theta as readonly string[]).length]).toEqual(['diagonal-linear', 2, 2 * dim]);
    }
    const diag = draws.filter((d) => d.model === 'diagonal-linear');
    spans(
      diag.flatMap((d) => nums(d.theta)),
      -1.5,
      1.5,
      0.3,
    );
    spans(
      diag.flatMap((d) => flat((d.data as { X: unknown }).X)),
      -1.5,
      1.5,
    );
    for (const [f, depth, dim] of [
      ['deep-linear 2-2-1', 2, 6],
      ['deep-linear 2-2-2-1', 3, 10],
    ] as const)
      for (const d of byFamily(f)) expect([d.model, d.depth, (d.theta as readonly string[]).length]).toEqual(['deep-linear', depth, dim]);
    const deep = draws.filter((d) => d.model === 'deep-linear');
    spans(
      deep.flatMap((d) => nums(d.theta)),
      -1.4,
      1.4,
      0.2,
    );
    spans(
      deep.flatMap((d) => flat((d.data as { X: unknown; Y: unknown }).X)),
      -1.5,
      1.5,
    );
    spans(
      deep.flatMap((d) => flat((d.data as { Y: unknown }).Y)),
      -1.5,
      1.5,
    );
  });

  it('depth 1: quadratics with A₁₁, A₂₂ ∈ [0.3, 2], |A₁₂| ≤ 0.25·√(A₁₁A₂₂) of either sign, θ ∈ [−1.5, 1.5]', () => {
    const draws = fc.sample(DEPTH_FAMILIES.depthOne(), { seed: 7, numRuns: 80 });
    const offDiagonal: number[] = [];
    for (const d of draws) {
      const A = (d.data as { A: string[][] }).A.map(nums);
      expect([d.model, d.depth, A[0][1]]).toEqual(['quadratic', 1, A[1][0]]);
      for (const x of [A[0][0], A[1][1]]) expect(x >= 0.3 && x <= 2).toBe(true);
      expect(Math.abs(A[0][1])).toBeLessThanOrEqual(0.25 * Math.sqrt(A[0][0] * A[1][1]) + 1e-4);
      offDiagonal.push(A[0][1] / Math.sqrt(A[0][0] * A[1][1]));
    }
    expect(Math.min(...offDiagonal)).toBeLessThan(-0.15);
    expect(Math.max(...offDiagonal)).toBeGreaterThan(0.15);
    spans(
      draws.flatMap((d) => nums(d.theta)),
      -1.5,
      1.5,
    );
  });
});
