import { describe, expect, it } from 'vitest';
import { column, randomOrthogonal, withSpectrum } from '../../test-support/testMatrices.js';
import { eigSymF64 } from '../numerics/eigSymF64.js';
import { rng } from '../numerics/rng.js';
import { lanczos } from './lanczos.js';
import { vectorAngle } from './principalAngles.js';

const matVec = (H: number[][]) => (v: number[]) =>
  H.map((row) => {
    let s = 0;
    for (let j = 0; j < row.length; j++) s += row[j] * v[j];
    return s;
  });

function problem(lambda: number[], seed: number) {
  const Q = randomOrthogonal(lambda.length, seed);
  const H = withSpectrum(Q, lambda);
  const order = lambda.map((_, i) => i).sort((a, b) => lambda[b] - lambda[a]);
  return { H, hvp: matVec(H), sorted: order.map((i) => lambda[i]), eigvec: (i: number) => column(Q, order[i]) };
}

describe('lanczos', () => {
  it('finds the top-5 eigenpairs of a dense 200×200 matrix of known spectrum; agrees with eigSymF64', () => {
    const lambda = rng(1).normalVector(200);
    const { H, hvp, sorted, eigvec } = problem(lambda, 2);
    const res = lanczos(hvp, 200, { k: 5, seed: 3 });
    const normH = Math.max(...lambda.map(Math.abs));
    expect(res.converged).toBe(true);
    expect(res.iterations).toBeLessThan(200);
    const dense = eigSymF64(H);
    res.values.forEach((x, i) => {
      expect(res.residuals[i]).toBeLessThanOrEqual(1e-10 * normH);
      // |θ − λ| ≤ ‖r‖ (and ≈ ‖r‖²/gap): both the known λ and eigSymF64 agree.
      expect(Math.abs(x - sorted[i])).toBeLessThanOrEqual(res.residuals[i] + 1e-13 * normH);
      expect(Math.abs(x - dense.values[i])).toBeLessThanOrEqual(res.residuals[i] + 1e-13 * normH);
      const gap = Math.min(sorted[i] - sorted[i + 1], i > 0 ? sorted[i - 1] - sorted[i] : Infinity);
      expect(vectorAngle(res.vectors[i], eigvec(i))).toBeLessThanOrEqual((2 * res.residuals[i]) / gap + 1e-13);
      expect(vectorAngle(res.vectors[i], dense.vectors[i])).toBeLessThanOrEqual((2 * res.residuals[i]) / gap + 1e-12);
    });
    expect(res.matvecs).toBe(res.iterations + 5);
  });

  it('resolves a clustered top (gaps 1e-6) separated from the rest of the spectrum', () => {
    const r = rng(4);
    const lambda = [10, 10 - 1e-6, 10 - 2e-6, ...Array.from({ length: 147 }, () => 5 * (2 * r.next() - 1))];
    const { hvp, sorted } = problem(lambda, 5);
    const res = lanczos(hvp, 150, { k: 3, seed: 6 });
    expect(res.converged).toBe(true);
    res.values.forEach((x, i) => expect(Math.abs(x - sorted[i])).toBeLessThanOrEqual(res.residuals[i] + 1e-12));
    expect(res.values[0] - res.values[1]).toBeCloseTo(1e-6, 9);
  });

  it('returns the algebraically largest eigenvalue, not the largest in magnitude', () => {
    const lambda = [-100, -50, 1, 0.5, ...Array.from({ length: 36 }, (_, i) => -i / 10)];
    const { hvp } = problem(lambda, 7);
    const res = lanczos(hvp, 40, { k: 2, seed: 1 });
    expect(res.values[0]).toBeCloseTo(1, 10);
    expect(res.values[1]).toBeCloseTo(0.5, 10);
  });

  it('finds a repeated top eigenvalue (k = 1) and exhausts small spaces exactly', () => {
    const { hvp } = problem([3, 3, 1, 0.5, -2, 0, 0.1, 0.2], 8);
    const res = lanczos(hvp, 8, { seed: 2 });
    expect(res.values[0]).toBeCloseTo(3, 12);
    expect(res.converged).toBe(true);
    const small = lanczos(
      matVec([
        [2, 1],
        [1, 2],
      ]),
      2,
      { k: 5 },
    );
    expect(small.values.length).toBe(2);
    expect(small.values[0]).toBeCloseTo(3, 14);
    expect(small.values[1]).toBeCloseTo(1, 14);
    expect(small.converged).toBe(true); // k is clamped to n = 2: both pairs, exact
    expect(lanczos(matVec([[-4]]), 1).values).toEqual([-4]);
  });

  it('a warm start at the previous top eigenvector converges in far fewer steps', () => {
    const lambda = rng(9).normalVector(120);
    const { hvp, eigvec, sorted } = problem(lambda, 10);
    const cold = lanczos(hvp, 120, { seed: 11 });
    // The "previous step": the true top eigenvector, slightly rotated.
    const u = eigvec(0);
    const nudged = u.map((x, i) => x + 1e-4 * eigvec(1)[i]);
    const warm = lanczos(hvp, 120, { seed: 11, start: nudged });
    expect(warm.converged && cold.converged).toBe(true);
    expect(Math.abs(warm.values[0] - sorted[0])).toBeLessThanOrEqual(warm.residuals[0] + 1e-13);
    expect(warm.iterations).toBeLessThan(cold.iterations / 2);
    // An exact eigenvector that is NOT the top one: the noise component still finds the top.
    const trap = lanczos(hvp, 120, { seed: 11, start: eigvec(7) });
    expect(Math.abs(trap.values[0] - sorted[0])).toBeLessThanOrEqual(trap.residuals[0] + 1e-13);
  });

  it('is deterministic for a seed, and the seed changes only the path', () => {
    const { hvp } = problem(rng(12).normalVector(60), 13);
    const a = lanczos(hvp, 60, { k: 2, seed: 5 });
    const b = lanczos(hvp, 60, { k: 2, seed: 5 });
    const c = lanczos(hvp, 60, { k: 2, seed: 6 });
    expect(b).toEqual(a);
    c.values.forEach((x, i) => expect(Math.abs(x - a.values[i])).toBeLessThan(1e-9));
  });

  it('reports non-convergence honestly when maxIter is too small', () => {
    const { hvp } = problem(rng(14).normalVector(200), 15);
    const res = lanczos(hvp, 200, { k: 3, maxIter: 6, seed: 1 });
    expect(res.converged).toBe(false);
    expect(res.iterations).toBe(6);
    expect(Math.max(...res.residuals)).toBeGreaterThan(1e-10);
  });

  it('rejects bad input with the reason', () => {
    expect(() => lanczos(() => [1, 2], 3)).toThrow(/returned 2 entries, expected 3/);
    expect(() => lanczos(() => [NaN], 1)).toThrow(/non-finite/);
    expect(() => lanczos((v) => v, 0)).toThrow(/positive integer/);
    expect(() => lanczos((v) => v, 3, { start: [1, 0] })).toThrow(/start has 2 entries/);
    expect(() => lanczos((v) => v, 3, { start: [0, 0, 0] })).toThrow(/non-zero/);
  });
});
