import fc from 'fast-check';
import { eigs } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { decimalField } from './decimalField.js';
import { eigSym } from './eigSym.js';
import { eigSymF64 } from './eigSymF64.js';
import { eigSymJacobi } from './eigSymJacobi.js';
import { f64 } from './f64Field.js';
import type { Field } from './field.js';

/** Q diag(λ) Qᵀ with Q a product of Householder reflections I − 2wwᵀ/‖w‖², built in field F. */
function knownSpectrum<T>(F: Field<T>, lambda: string[], ws: string[][]): T[][] {
  let Q: T[][] = lambda.map((_, i) => lambda.map((__, j) => (i === j ? F.one : F.zero)));
  for (const wt of ws) {
    const w = wt.map((x) => F.from(x));
    const ww = w.reduce((s, x) => F.add(s, F.mul(x, x)), F.zero);
    if (F.sign(ww) === 0) continue;
    const H = w.map((wi, i) => w.map((wj, j) => F.sub(i === j ? F.one : F.zero, F.div(F.mul(F.int(2), F.mul(wi, wj)), ww))));
    Q = Q.map((row) => H[0].map((_, j) => row.reduce((s, x, k) => F.add(s, F.mul(x, H[k][j])), F.zero)));
  }
  const L = lambda.map((x) => F.from(x));
  return Q.map((qi) => Q.map((qj) => qi.reduce((s, x, k) => F.add(s, F.mul(F.mul(x, L[k]), qj[k])), F.zero)));
}

const lam = (n: number) =>
  fc.array(
    fc.integer({ min: -5000, max: 5000 }).map((k) => String(k / 1000)),
    { minLength: n, maxLength: n },
  );
const wv = (n: number) => fc.array(fc.array(fc.integer({ min: -9, max: 9 }).map(String), { minLength: n, maxLength: n }), { minLength: 1, maxLength: 3 });
const spectrum = fc.integer({ min: 1, max: 8 }).chain((n) => fc.tuple(lam(n), wv(n)));

function residual<T>(F: Field<T>, A: T[][], values: T[], vectors: T[][]): number {
  let worst = 0;
  values.forEach((l, i) => {
    const v = vectors[i];
    A.forEach((row, k) => {
      const s = row.reduce((acc, x, j) => F.add(acc, F.mul(x, v[j])), F.zero);
      worst = Math.max(worst, Math.abs(F.toNumber(F.sub(s, F.mul(l, v[k])))));
    });
  });
  return worst;
}

describe('eigSymF64', () => {
  it('recovers known spectra Q diag(λ) Qᵀ (repeated and clustered included), residuals and orthogonality ≤ 1e-12·‖A‖', () => {
    fc.assert(
      fc.property(spectrum, ([lambda, ws]) => {
        const A = knownSpectrum(f64, lambda, ws);
        const { values, vectors } = eigSymF64(A);
        const want = lambda.map(Number).sort((a, b) => b - a);
        const scale = Math.max(1, ...want.map(Math.abs));
        values.forEach((v, i) => expect(Math.abs(v - want[i])).toBeLessThan(1e-12 * scale));
        expect(residual(f64, A, values, vectors)).toBeLessThan(1e-12 * scale);
        vectors.forEach((u, i) =>
          vectors.forEach((w, j) => {
            const d = u.reduce((s, x, k) => s + x * w[k], 0);
            expect(Math.abs(d - (i === j ? 1 : 0))).toBeLessThan(1e-12);
          }),
        );
      }),
      { numRuns: 300, seed: 21 },
    );
  });

  it('agrees with mathjs float64 eigs on random symmetric matrices up to 40×40', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 40 }), fc.integer(), (n, seed) => {
        let s = seed >>> 0;
        const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
        const A: number[][] = Array.from({ length: n }, () => new Array(n).fill(0));
        for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) A[i][j] = A[j][i] = rnd();
        const mine = eigSymF64(A).values;
        const theirs = (eigs(A).values as number[]).slice().sort((a, b) => b - a);
        mine.forEach((v, i) => expect(Math.abs(v - theirs[i])).toBeLessThan(1e-12 * n));
      }),
      { numRuns: 40, seed: 5 },
    );
  });

  it('handles diagonal, zero and 1×1 matrices', () => {
    expect(eigSymF64([[3]]).values).toEqual([3]);
    expect(
      eigSymF64([
        [0, 0],
        [0, 0],
      ]).values,
    ).toEqual([0, 0]);
    const r = eigSymF64([
      [1, 0, 0],
      [0, 5, 0],
      [0, 0, -2],
    ]);
    expect(r.values).toEqual([5, 1, -2]);
    expect(r.vectors[0].map(Math.abs)).toEqual([0, 1, 0]);
  });
});

describe('eigSymJacobi in decimal', () => {
  it('recovers known spectra at dec:60 to 1e-40 relative, and matches eigSymF64 on the same matrix', () => {
    const D = decimalField(60);
    fc.assert(
      fc.property(spectrum, ([lambda, ws]) => {
        const A = knownSpectrum(D, lambda, ws);
        const { values, vectors } = eigSymJacobi(D, A);
        const want = lambda.map((x) => D.from(x)).sort((a, b) => b.cmp(a));
        const scale = D.max(
          D.one,
          want.reduce((m, x) => D.max(m, D.abs(x)), D.zero),
        );
        values.forEach((v, i) => expect(D.toNumber(D.div(D.abs(D.sub(v, want[i])), scale))).toBeLessThan(1e-40));
        expect(residual(D, A, values, vectors)).toBeLessThan(1e-40 * D.toNumber(scale));
        const f = eigSymF64(A.map((r) => r.map((x) => x.toNumber()))).values;
        f.forEach((x, i) => expect(Math.abs(x - values[i].toNumber())).toBeLessThan(1e-12 * D.toNumber(scale)));
      }),
      { numRuns: 60, seed: 8 },
    );
  });

  it('eigSym dispatches on the precision', () => {
    const A = [
      [2, 1],
      [1, 2],
    ];
    eigSym(f64, A).values.forEach((v, i) => expect(v).toBeCloseTo([3, 1][i], 14));
    const D = decimalField(30);
    const r = eigSym(
      D,
      A.map((row) => row.map((x) => D.int(x))),
    );
    expect(r.values.map(String)).toEqual(['3', '1']);
  });
});
