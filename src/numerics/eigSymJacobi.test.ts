import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EoscheckError } from '../errors.js';
import { decimalField } from './decimalField.js';
import { eigSymF64 } from './eigSymF64.js';
import { eigSymJacobi } from './eigSymJacobi.js';
import { f64 } from './f64Field.js';
import type { Field } from './field.js';
import { dot, identity, matMul, matVec, norm2, transpose, vecSub } from './linalg.js';

/**
 * Householder reflections I − 2wwᵀ/(wᵀw) with integer w whose wᵀw divides a power of ten
 * (4, 8, 25, 50, ...): every entry is a terminating decimal, so Q = H₁H₂H₃ and
 * A = Q diag(λ) Qᵀ are EXACT in decimal arithmetic with enough digits, and λ is A's exact spectrum.
 */
const REFLECTORS: number[][] = [
  [1, 1, 1, 1, 0, 0, 0, 0, 0, 0], // wᵀw = 4
  [3, 0, 4, 0, 0, 0, 0, 0, 0, 0], // 25
  [0, 1, 2, 2, 4, 0, 0, 0, 0, 0], // 25
  [0, 0, 0, 1, 1, 1, 1, 1, 1, 1], // 7: not 2^a·5^b, used only where exactness is not needed
  [0, 0, 0, 0, 0, 2, 0, 0, 1, 1], // 6: idem
  [1, 0, 0, 0, 1, 1, 1, 1, 1, 2], // 10
  [0, 0, 0, 0, 0, 0, 3, 4, 0, 0], // 25
];
const EXACT = [0, 1, 2, 5, 6];

function reflector<T>(F: Field<T>, w: number[], n: number): T[][] {
  const ww = w.slice(0, n).reduce((s, x) => s + x * x, 0);
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => F.sub(i === j ? F.one : F.zero, F.div(F.int(2 * w[i] * w[j]), F.int(ww)))));
}

/** True when 1/m is a terminating decimal (m = 2^a·5^b). */
function terminating(m: number): boolean {
  if (m <= 0) return false;
  while (m % 2 === 0) m /= 2;
  while (m % 5 === 0) m /= 5;
  return m === 1;
}

/**
 * Q = product of the chosen reflectors (truncated to n entries) and A = Q diag(λ) Qᵀ. With
 * `exactOnly`, reflectors whose truncated wᵀw is not 2^a·5^b are skipped, so Q stays exact.
 */
function knownMatrix<T>(F: Field<T>, lambda: readonly string[], which: readonly number[], exactOnly = true): { A: T[][]; Q: T[][] } {
  const n = lambda.length;
  let Q = identity(F, n);
  for (const k of which) {
    const w = REFLECTORS[k].slice(0, n);
    const ww = w.reduce((s, x) => s + x * x, 0);
    if (ww === 0 || (exactOnly && !terminating(ww))) continue;
    Q = matMul(F, Q, reflector(F, w, n));
  }
  const L = lambda.map((x) => F.from(x));
  const QL = Q.map((row) => row.map((x, k) => F.mul(x, L[k])));
  return { A: matMul(F, QL, transpose(Q)), Q };
}

/** max‖Av − λv‖ and max|vᵢ·vⱼ − δᵢⱼ| in F, as doubles. */
function quality<T>(F: Field<T>, A: T[][], values: T[], vectors: T[][]) {
  let residual = 0;
  let orth = 0;
  values.forEach((l, i) => {
    const r = vecSub(
      F,
      matVec(F, A, vectors[i]),
      vectors[i].map((x) => F.mul(l, x)),
    );
    residual = Math.max(residual, F.toNumber(norm2(F, r)));
    vectors.forEach((w, j) => {
      orth = Math.max(orth, Math.abs(F.toNumber(F.sub(dot(F, vectors[i], w), i === j ? F.one : F.zero))));
    });
  });
  return { residual, orth };
}

/** min ‖u ∓ v‖ for unit u, v: sign-insensitive distance without cancellation. */
function directionDistance<T>(F: Field<T>, u: T[], v: T[]): number {
  return Math.min(
    F.toNumber(norm2(F, vecSub(F, u, v))),
    F.toNumber(
      norm2(
        F,
        u.map((x, i) => F.add(x, v[i])),
      ),
    ),
  );
}

const SPECTRA: Record<string, string[]> = {
  simple: ['3.25', '-1.5', '0.75', '2', '-4.125', '0.5', '1', '-0.25', '6', '0'],
  clustered: [
    '1',
    '1.00000000000000000000000000000000001',
    '1.00000000000000000000000000000000002',
    '-2',
    '5',
    '0.3',
    '0.30000000000000000000001',
    '-7',
    '2',
    '4',
  ],
  repeated: ['2', '2', '2', '-1', '-1', '0', '0', '0', '3', '2'],
};

describe('eigSymJacobi', () => {
  for (const digits of [50, 60, 80]) {
    for (const [name, lambdaAll] of Object.entries(SPECTRA)) {
      for (const n of [3, 6, 10]) {
        it(`recovers an exactly known spectrum at dec:${digits}: ${name}, n = ${n}`, () => {
          const D = decimalField(digits);
          const lambda = lambdaAll.slice(0, n);
          // Built at 2×digits, where it is exact (it equals the 4×digits construction), then
          // rounded to the working precision: a perturbation of n·10^-digits·‖A‖ at most.
          const D2 = decimalField(2 * digits);
          const { A: A2, Q: Q2 } = knownMatrix(D2, lambda, EXACT);
          const { A: A4 } = knownMatrix(decimalField(4 * digits), lambda, EXACT);
          expect(A2.flat().map(String)).toEqual(A4.flat().map(String));
          const A = A2.map((row) => row.map((x) => D.from(x.toString())));
          const Q = Q2.map((row) => row.map((x) => D.from(x.toString())));
          const { values, vectors } = eigSymJacobi(D, A);
          const want = lambda.map((x) => D.from(x)).sort((a, b) => b.cmp(a));
          const scale = want.reduce((m, x) => D.max(m, D.abs(x)), D.zero);
          const tol = 10 ** (5 - digits);
          const valueErr = Math.max(...values.map((v, i) => D.toNumber(D.div(D.abs(D.sub(v, want[i])), scale))));
          expect(valueErr).toBeLessThanOrEqual(tol);
          if (digits === 60) expect(valueErr).toBeLessThan(1e-40);
          const { residual, orth } = quality(D, A, values, vectors);
          expect(residual).toBeLessThanOrEqual(tol * D.toNumber(scale));
          expect(orth).toBeLessThanOrEqual(tol);
          // Simple, separated eigenvalues: the eigenvector is Q's column, up to sign.
          const exact = lambda.map((x) => D.from(x));
          values.forEach((v, i) => {
            const others = values.filter((_, j) => j !== i).map((w) => Math.abs(D.toNumber(D.sub(v, w))));
            const gap = Math.min(...others);
            if (gap < 1e-3) return;
            const k = exact.findIndex((x) => D.toNumber(D.abs(D.sub(x, v))) < 1e-30);
            const q = Q.map((row) => row[k]);
            expect(directionDistance(D, vectors[i], q)).toBeLessThanOrEqual((tol * D.toNumber(scale)) / gap);
          });
          // The same matrix in float64: eigSymF64 agrees to float64 accuracy.
          const f = eigSymF64(A.map((row) => row.map((x) => x.toNumber())));
          f.values.forEach((x, i) => expect(Math.abs(x - values[i].toNumber())).toBeLessThan(1e-13 * D.toNumber(scale)));
        });
      }
    }
  }

  it('agrees with itself at twice the digits on random symmetric matrices (dec:40 vs dec:80)', () => {
    const entry = fc.integer({ min: -1e9, max: 1e9 }).map((k) => `${k}e-8`);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }).chain((n) => fc.array(entry, { minLength: (n * (n + 1)) / 2, maxLength: (n * (n + 1)) / 2 }).map((xs) => ({ n, xs }))),
        ({ n, xs }) => {
          const build = <T>(F: Field<T>): T[][] => {
            const A: T[][] = Array.from({ length: n }, () => new Array<T>(n));
            let k = 0;
            for (let i = 0; i < n; i++) for (let j = i; j < n; j++) A[i][j] = A[j][i] = F.from(xs[k++]);
            return A;
          };
          const lo = eigSymJacobi(decimalField(40), build(decimalField(40)));
          const hi = eigSymJacobi(decimalField(80), build(decimalField(80)));
          const scale = Math.max(1e-300, ...hi.values.map((x) => Math.abs(x.toNumber())));
          lo.values.forEach((x, i) => expect(Math.abs(x.minus(hi.values[i]).toNumber())).toBeLessThanOrEqual(1e-35 * scale));
          const f = eigSymF64(build(f64));
          f.values.forEach((x, i) => expect(Math.abs(x - hi.values[i].toNumber())).toBeLessThanOrEqual(1e-13 * scale));
        },
      ),
      { numRuns: 40, seed: 4242 },
    );
  });

  it('gives the same decomposition with and without the float64 warm start', () => {
    const D = decimalField(50);
    const { A } = knownMatrix(D, SPECTRA.clustered, [0, 1, 2, 3, 4, 5, 6], false);
    const warm = eigSymJacobi(D, A);
    const cold = eigSymJacobi(D, A, { warmStart: false });
    warm.values.forEach((x, i) => expect(Math.abs(x.minus(cold.values[i]).toNumber())).toBeLessThan(1e-47));
    // Sorted: 5, 4, 2, then the 1 ± 1e-35 triple and the 0.3 pair (gap 1e-23), then −2, −7.
    for (const i of [0, 1, 2, 8, 9]) expect(directionDistance(D, warm.vectors[i], cold.vectors[i])).toBeLessThan(1e-44);
    expect(quality(D, A, warm.values, warm.vectors).orth).toBeLessThan(1e-47);
  });

  it('runs in any field: f64 Jacobi agrees with eigSymF64', () => {
    const { A } = knownMatrix(f64, SPECTRA.simple, [0, 1, 2, 3, 4, 5, 6], false);
    const j = eigSymJacobi(f64, A);
    const q = eigSymF64(A);
    j.values.forEach((x, i) => expect(Math.abs(x - q.values[i])).toBeLessThan(1e-13 * 6));
    expect(quality(f64, A, j.values, j.vectors).orth).toBeLessThan(1e-13);
  });

  it('handles 0×0, 1×1 and diagonal input; sorts descending', () => {
    const D = decimalField(30);
    expect(eigSymJacobi(D, [])).toEqual({ values: [], vectors: [] });
    const one = eigSymJacobi(D, [[D.from('-2.5')]]);
    expect(one.values.map(String)).toEqual(['-2.5']);
    const d = eigSymJacobi(D, [
      [D.int(1), D.zero],
      [D.zero, D.int(4)],
    ]);
    expect(d.values.map(String)).toEqual(['4', '1']);
    expect(d.vectors.map((v) => v.map(String))).toEqual([
      ['0', '1'],
      ['1', '0'],
    ]);
  });

  it('throws clear errors: non-finite, non-symmetric, no convergence (code EOSCHECK_NO_CONVERGENCE)', () => {
    const D = decimalField(30);
    const x = (s: string) => D.from(s);
    expect(() =>
      eigSymJacobi(D, [
        [x('1'), D.div(D.zero, D.zero)],
        [x('1'), x('1')],
      ]),
    ).toThrow(/entry \(0, 1\) is not a finite number/);
    expect(() =>
      eigSymJacobi(D, [
        [x('1'), x('2')],
        [x('3'), x('1')],
      ]),
    ).toThrow(/not symmetric/);
    const { A } = knownMatrix(D, SPECTRA.simple.slice(0, 6), [0, 1, 2, 3], false);
    let err: unknown;
    try {
      eigSymJacobi(D, A, { maxSweeps: 1, warmStart: false });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EoscheckError);
    expect((err as EoscheckError).code).toBe('EOSCHECK_NO_CONVERGENCE');
    expect((err as Error).message).toMatch(/did not converge in 1 sweeps/);
  });
});
