import * as math from 'mathjs';
import { describe, expect, it } from 'vitest';
import { column, withSpectrum } from '../../test-support/testMatrices.js';
import { descendingOrder, eigSymF64, eigValuesSymF64 } from './eigSymF64.js';
import { rng } from './rng.js';

/** A random orthogonal matrix from the QR factorisation (mathjs) of a Gaussian matrix. */
function qrOrthogonal(n: number, seed: number): number[][] {
  const r = rng(seed);
  const M = Array.from({ length: n }, () => r.normalVector(n));
  return (math.qr(M) as unknown as { Q: number[][] }).Q;
}

const norm = (v: readonly number[]) => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
const dotp = (a: readonly number[], b: readonly number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
/** Sign-insensitive distance between the directions of u and v: min ‖û ∓ v̂‖ (no cancellation). */
function directionDistance(u: readonly number[], v: readonly number[]): number {
  const nu = norm(u);
  const nv = norm(v);
  const minus = norm(u.map((x, i) => x / nu - v[i] / nv));
  const plus = norm(u.map((x, i) => x / nu + v[i] / nv));
  return Math.min(minus, plus);
}

/** max‖Av − λv‖, max|vᵢ·vⱼ − δᵢⱼ| and ‖A‖₂ (largest |λ|). */
function quality(A: number[][], values: number[], vectors: number[][]) {
  let residual = 0;
  for (let i = 0; i < values.length; i++) {
    const v = vectors[i];
    const Av = A.map((row) => dotp(row, v));
    residual = Math.max(residual, norm(Av.map((x, k) => x - values[i] * v[k])));
  }
  let orth = 0;
  for (let i = 0; i < vectors.length; i++) {
    for (let j = 0; j < vectors.length; j++) orth = Math.max(orth, Math.abs(dotp(vectors[i], vectors[j]) - (i === j ? 1 : 0)));
  }
  return { residual, orth };
}

const spectra: Record<string, (n: number) => number[]> = {
  random: (n) => rng(n).normalVector(n),
  clustered: (n) => Array.from({ length: n }, (_, k) => (k < n / 2 ? 1 + k * 1e-10 : -3 + k * 1e-3)),
  repeated: (n) => Array.from({ length: n }, (_, k) => (k % 3 === 0 ? 2 : k % 3 === 1 ? -1 : 0)),
  graded: (n) => Array.from({ length: n }, (_, k) => 10 ** (6 - (12 * k) / Math.max(1, n - 1))),
};

describe('eigSymF64', () => {
  for (const n of [1, 2, 5, 20, 60, 100]) {
    for (const [name, make] of Object.entries(spectra)) {
      it(`recovers a known spectrum Q diag(λ) Qᵀ: n = ${n}, ${name}`, () => {
        const lambda = make(n);
        const Q = qrOrthogonal(n, 1000 + n);
        const A = withSpectrum(Q, lambda);
        const { values, vectors } = eigSymF64(A);
        const normA = Math.max(...lambda.map(Math.abs));
        const sorted = [...lambda].sort((a, b) => b - a);
        const valueErr = Math.max(...values.map((x, i) => Math.abs(x - sorted[i])));
        const { residual, orth } = quality(A, values, vectors);
        expect(valueErr).toBeLessThanOrEqual(1e-12 * normA);
        expect(residual).toBeLessThanOrEqual(1e-12 * normA);
        expect(orth).toBeLessThanOrEqual(1e-12);
        for (let i = 1; i < n; i++) expect(values[i]).toBeLessThanOrEqual(values[i - 1]);
        // Eigenvectors of simple, separated eigenvalues match Q's columns up to sign.
        if (name === 'random' || name === 'graded') {
          const idx = lambda.map((_, k) => k).sort((a, b) => lambda[b] - lambda[a]);
          for (let i = 0; i < n; i++) {
            const gap = Math.min(i > 0 ? sorted[i - 1] - sorted[i] : Infinity, i < n - 1 ? sorted[i] - sorted[i + 1] : Infinity);
            if (gap < 1e-3 * normA) continue;
            expect(directionDistance(vectors[i], column(Q, idx[i]))).toBeLessThanOrEqual((1e-13 * normA) / gap);
          }
        }
      });
    }
  }

  it('agrees with mathjs float64 eigs (values and eigenvectors of random symmetric matrices)', () => {
    for (const [n, seed] of [
      [3, 1],
      [10, 2],
      [30, 3],
    ]) {
      const r = rng(seed);
      const M = Array.from({ length: n }, () => r.normalVector(n));
      const A = M.map((row, i) => row.map((_, j) => (M[i][j] + M[j][i]) / 2));
      const ours = eigSymF64(A);
      const ref = math.eigs(A) as unknown as { values: number[]; eigenvectors: { value: number; vector: number[] }[] };
      const refPairs = [...ref.eigenvectors].sort((a, b) => b.value - a.value);
      const normA = Math.max(...ref.values.map(Math.abs));
      for (let i = 0; i < n; i++) {
        expect(Math.abs(ours.values[i] - refPairs[i].value)).toBeLessThanOrEqual(1e-12 * normA);
        const gap = Math.min(i > 0 ? ours.values[i - 1] - ours.values[i] : Infinity, i < n - 1 ? ours.values[i] - ours.values[i + 1] : Infinity);
        expect(directionDistance(ours.vectors[i], refPairs[i].vector)).toBeLessThanOrEqual((1e-13 * normA) / gap);
      }
    }
  });

  it('matches the closed-form spectrum of the tridiagonal 1-D Laplacian: 2 − 2cos(kπ/(n+1))', () => {
    const n = 50;
    const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 2 : Math.abs(i - j) === 1 ? -1 : 0)));
    const { values, vectors } = eigSymF64(A);
    for (let k = 1; k <= n; k++) {
      expect(Math.abs(values[k - 1] - (2 - 2 * Math.cos(((n + 1 - k) * Math.PI) / (n + 1))))).toBeLessThan(1e-14);
    }
    // Eigenvector of the smallest eigenvalue: sin(jπ/(n+1)), normalised.
    const u = Array.from({ length: n }, (_, j) => Math.sin(((j + 1) * Math.PI) / (n + 1)));
    expect(directionDistance(vectors[n - 1], u)).toBeLessThan(1e-12);
  });

  it('handles the trivial and degenerate cases', () => {
    expect(eigSymF64([])).toEqual({ values: [], vectors: [] });
    expect(eigSymF64([[-3]])).toEqual({ values: [-3], vectors: [[1]] });
    const z = eigSymF64([
      [0, 0],
      [0, 0],
    ]);
    expect(z.values).toEqual([0, 0]);
    expect(
      quality(
        [
          [0, 0],
          [0, 0],
        ],
        z.values,
        z.vectors,
      ).orth,
    ).toBe(0);
    const d = eigSymF64([
      [1, 0, 0],
      [0, 3, 0],
      [0, 0, 2],
    ]);
    expect(d.values).toEqual([3, 2, 1]);
    expect(d.vectors.map((v) => v.map(Math.abs))).toEqual([
      [0, 1, 0],
      [0, 0, 1],
      [1, 0, 0],
    ]);
  });

  it('orders eigenvalues as the stable built-in sort by d[b] − d[a] does: ties, ±0 and non-finite values', () => {
    const r = rng(5);
    const pool = [0, -0, 1, -1, 2.5, 1e-300, Number.POSITIVE_INFINITY, Number.NaN];
    for (let trial = 0; trial < 300; trial++) {
      const n = 1 + (trial % 9);
      // Mostly ties drawn from a few values; every tenth trial may hold a non-finite one.
      const d = Float64Array.from({ length: n }, () => pool[r.int(trial % 10 === 0 ? 8 : 6)]);
      const ref = Array.from({ length: n }, (_, i) => i).sort((a, b) => d[b] - d[a]);
      expect(descendingOrder(d, n)).toEqual(ref);
    }
  });

  it('rejects non-square, non-finite and non-symmetric input with the reason', () => {
    expect(() => eigSymF64([[1, 2]])).toThrow(/square/);
    expect(() =>
      eigSymF64([
        [1, NaN],
        [NaN, 1],
      ]),
    ).toThrow(/entry \(0, 1\) is not a finite number/);
    expect(() =>
      eigSymF64([
        [1, 2],
        [3, 1],
      ]),
    ).toThrow(/not symmetric/);
    // Asymmetry at the level of roundoff is accepted (the symmetric part is used).
    expect(
      eigSymF64([
        [1, 2],
        [2 + 1e-15, 1],
      ]).values[0],
    ).toBeCloseTo(3, 14);
  });

  it('eigValuesSymF64 gives the values of eigSymF64 bit for bit (random, clustered, repeated, graded, zero and asymmetric-by-roundoff input)', () => {
    const bits = (xs: readonly number[]) => xs.map((x) => (Object.is(x, -0) ? '-0' : String(x)));
    const cases: number[][][] = [
      [],
      [[-3]],
      [
        [0, 0],
        [0, 0],
      ],
      [
        [1, 0, 0],
        [0, 3, 0],
        [0, 0, 2],
      ],
      [
        [1, 2],
        [2 + 1e-15, 1],
      ],
    ];
    for (let n = 1; n <= 12; n++) {
      for (const [name, spectrum] of Object.entries(spectra)) cases.push(withSpectrum(qrOrthogonal(n, 31 * n + name.length), spectrum(n)));
      const r = rng(100 + n);
      // Gaussian entries; rank one; a zero row and column.
      const G = Array.from({ length: n }, () => r.normalVector(n));
      cases.push(G.map((row, i) => row.map((x, j) => x + G[j][i])));
      const v = r.normalVector(n);
      cases.push(v.map((a) => v.map((b) => a * b)));
      cases.push(G.map((row, i) => row.map((x, j) => (i === 0 || j === 0 ? 0 : x + G[j][i]))));
    }
    for (const A of cases) expect(bits(eigValuesSymF64(A)), JSON.stringify(A)).toEqual(bits(eigSymF64(A).values));
    expect(() => eigValuesSymF64([[1, 2]])).toThrow(/square/);
    expect(() =>
      eigValuesSymF64([
        [1, 2],
        [3, 1],
      ]),
    ).toThrow(/not symmetric/);
  });
});
