import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { randomOrthogonal } from '../../test-support/testMatrices.js';
import { eigSymF64 } from '../numerics/eigSymF64.js';
import { rng } from '../numerics/rng.js';
import { principalAngles, vectorAngle } from './principalAngles.js';

/** Row i of R as a vector: the rotated basis vector e_i. */
const rotate = (R: number[][], x: readonly number[]) => R.map((row) => row.reduce((s, r, j) => s + r * x[j], 0));

/** Random invertible mixing: each output vector is a random combination of the inputs (plus the input, for conditioning). */
function mix(vectors: number[][], seed: number): number[][] {
  const r = rng(seed);
  return vectors.map((_, i) => {
    const c = vectors.map((__, j) => (i === j ? 3 : 0) + r.normal());
    return vectors[0].map((___, k) => vectors.reduce((s, v, j) => s + c[j] * v[k], 0));
  });
}

/**
 * Subspaces of R^n with known principal angles θ: A = span{eᵢ}, B = span{cos θᵢ eᵢ + sin θᵢ e_{k+i}},
 * both rotated by a random orthogonal matrix and given through random bases.
 */
function knownPair(theta: readonly number[], n: number, seed: number) {
  const k = theta.length;
  const R = randomOrthogonal(n, seed);
  const e = (i: number) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0));
  const A = theta.map((_, i) => rotate(R, e(i)));
  const B = theta.map((t, i) =>
    rotate(
      R,
      e(i).map((x, j) => x * Math.cos(t) + (j === k + i ? Math.sin(t) : 0)),
    ),
  );
  return { A: mix(A, seed + 1), B: mix(B, seed + 2) };
}

describe('principalAngles', () => {
  it('recovers constructed angles from 0 to π/2, small ones to full relative accuracy', () => {
    const theta = [0, 1e-12, 1e-9, 1e-5, 0.3, Math.PI / 4, 1.2, Math.PI / 2 - 1e-9, Math.PI / 2];
    const { A, B } = knownPair(theta, 20, 7);
    const got = principalAngles(A, B);
    const want = [...theta].sort((a, b) => a - b);
    got.forEach((x, i) => expect(Math.abs(x - want[i]), `θ${i} = ${want[i]}`).toBeLessThanOrEqual(2e-15 + 1e-12 * want[i]));
    // Symmetric in its arguments.
    principalAngles(B, A).forEach((x, i) => expect(Math.abs(x - got[i])).toBeLessThanOrEqual(2e-15));
  });

  it('random angles in random dimensions: property against the closed form', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 1, max: 5 })
          .chain((k) =>
            fc.tuple(
              fc.array(fc.double({ min: 0, max: Math.PI / 2, noNaN: true }), { minLength: k, maxLength: k }),
              fc.integer({ min: 2 * k, max: 2 * k + 6 }),
              fc.integer({ min: 1, max: 1e6 }),
            ),
          ),
        ([theta, n, seed]) => {
          const { A, B } = knownPair(theta, n, seed);
          const got = principalAngles(A, B);
          const want = [...theta].sort((a, b) => a - b);
          got.forEach((x, i) => expect(Math.abs(x - want[i])).toBeLessThanOrEqual(1e-13));
        },
      ),
      { numRuns: 300, seed: 123 },
    );
  });

  it('agrees with the eigenvalues of MᵀM (eigSymF64) for angles away from 0', () => {
    const r = rng(99);
    const n = 12;
    const A = Array.from({ length: 4 }, () => r.normalVector(n));
    const B = Array.from({ length: 3 }, () => r.normalVector(n));
    // Oracle: orthonormalise with eigSymF64 of the Gram matrices, then cos² = eig(MᵀM).
    const orth = (V: number[][]) => {
      const G = V.map((a) => V.map((b) => a.reduce((s, x, i) => s + x * b[i], 0)));
      const { values, vectors } = eigSymF64(G);
      return vectors.map((w, k) => V[0].map((_, i) => w.reduce((s, c, j) => s + c * V[j][i], 0) / Math.sqrt(values[k])));
    };
    const Qa = orth(A);
    const Qb = orth(B);
    const M = Qa.map((a) => Qb.map((b) => a.reduce((s, x, i) => s + x * b[i], 0)));
    const MtM = Qb.map((_, i) => Qb.map((__, j) => M.reduce((s, row) => s + row[i] * row[j], 0)));
    const oracle = eigSymF64(MtM).values.map((c2) => Math.acos(Math.sqrt(Math.min(1, Math.max(0, c2)))));
    const got = principalAngles(A, B);
    expect(got.length).toBe(3);
    got.forEach((x, i) => expect(Math.abs(x - oracle[i])).toBeLessThan(1e-10));
  });

  it('handles unequal dimensions: the angle between a line and a plane', () => {
    const plane = [
      [1, 0, 0],
      [0, 1, 0],
    ];
    const t = 0.25;
    expect(principalAngles(plane, [[Math.cos(t), 0, Math.sin(t)]])[0]).toBeCloseTo(t, 15);
    expect(principalAngles([[0, 0, 5]], plane)).toEqual([Math.PI / 2]);
    expect(principalAngles(plane, [])).toEqual([]);
  });

  it('rejects rank-deficient sets and mismatched lengths', () => {
    expect(() =>
      principalAngles(
        [
          [1, 0, 0],
          [2, 0, 0],
        ],
        [[0, 1, 0]],
      ),
    ).toThrow(/A\[1\] is .*rank-deficient/);
    expect(() => principalAngles([[1, 0, 0]], [[0, 1]])).toThrow(/B\[0\] has length 2, expected 3/);
    expect(() => principalAngles([[1, NaN]], [[0, 1]])).toThrow(/non-finite/);
  });
});

describe('vectorAngle', () => {
  it('is arccos(|u·v|/(‖u‖‖v‖)), sign- and scale-insensitive, accurate for tiny angles', () => {
    for (const t of [0, 1e-15, 1e-12, 1e-8, 0.5, 1, Math.PI / 2 - 1e-10, Math.PI / 2]) {
      const u = [1, 0, 0];
      const v = [Math.cos(t), Math.sin(t), 0];
      expect(Math.abs(vectorAngle(u, v) - t), `t = ${t}`).toBeLessThanOrEqual(1e-16 + 1e-15 * t);
      expect(
        Math.abs(
          vectorAngle(
            [-3e200, 0, 0],
            v.map((x) => x * 1e-200),
          ) - t,
        ),
      ).toBeLessThanOrEqual(1e-16 + 1e-15 * t);
    }
    // Obtuse pairs are lines at the acute angle.
    expect(vectorAngle([1, 0], [Math.cos(2.5), Math.sin(2.5)])).toBeCloseTo(Math.PI - 2.5, 15);
    // Agrees with the arccos formula where that formula is accurate.
    const r = rng(5);
    for (let k = 0; k < 20; k++) {
      const u = r.normalVector(6);
      const v = r.normalVector(6);
      const c = Math.abs(u.reduce((s, x, i) => s + x * v[i], 0)) / Math.hypot(...u) / Math.hypot(...v);
      expect(vectorAngle(u, v)).toBeCloseTo(Math.acos(c), 12);
    }
  });

  it('rejects zero vectors and length mismatches', () => {
    expect(() => vectorAngle([0, 0], [1, 0])).toThrow(/non-zero/);
    expect(() => vectorAngle([1, 0], [1, 0, 0])).toThrow(/lengths 2 and 3/);
  });
});
