import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topEigenpairs } from '../spectral/sharpness.js';
import { decimalField } from './decimalField.js';
import { eigSymJacobi } from './eigSymJacobi.js';
import { eigTopRefined } from './eigTopRefined.js';
import type { Field } from './field.js';
import { dot, matMul, transpose } from './linalg.js';

/** A = Q diag(λ) Qᵀ with Q = I − 2wwᵀ/(wᵀw), wᵀw = 25 (terminating decimals): A and its spectrum λ are exact. */
function known<T>(F: Field<T>, lambdas: string[]): T[][] {
  const w = [3, 0, 4, 0, 0, 0, 0].slice(0, lambdas.length);
  const n = lambdas.length;
  const Q = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => F.sub(i === j ? F.one : F.zero, F.div(F.int(2 * w[i] * w[j]), F.int(25)))));
  const L = lambdas.map((l, i) => lambdas.map((_, j) => (i === j ? F.from(l) : F.zero)));
  return matMul(F, matMul(F, Q, L), transpose(Q));
}

const rel = <T>(F: Field<T>, a: T, b: T) => F.toNumber(F.div(F.abs(F.sub(a, b)), F.add(F.abs(b), F.one)));

describe('eigTopRefined: Rayleigh-quotient refinement of the f64 top pairs', () => {
  it('agrees with decimal Jacobi on random symmetric matrices at 50 and 80 digits (values and vectors up to sign)', () => {
    for (const digits of [50, 80]) {
      const F = decimalField(digits);
      fc.assert(fc.property(fc.integer({ min: 2, max: 9 }), fc.array(fc.integer({ min: -999, max: 999 }), { minLength: 81, maxLength: 81 }), fc.integer({ min: 1, max: 3 }), (n, entries, k) => {
        const H = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => F.from(`${entries[Math.min(i, j) * 9 + Math.max(i, j)]}e-2`)));
        const kk = Math.min(k, n);
        const r = eigTopRefined(F, H, kk, 1e-60);
        const J = eigSymJacobi(F, H);
        if (r === undefined) return; // f64 could not separate them: the caller uses Jacobi
        for (let i = 0; i < kk; i++) {
          expect(rel(F, r.values[i], J.values[i])).toBeLessThan(Number(`1e-${digits - 8}`));
          const c = F.toNumber(F.abs(dot(F, r.vectors[i], J.vectors[i])));
          expect(Math.abs(c - 1)).toBeLessThan(Number(`1e-${digits - 8}`));
        }
      }), { seed: 11, numRuns: 60 });
    }
  });

  it('reaches the exact spectrum of a known matrix to the working precision', () => {
    const F = decimalField(60);
    const H = known(F, ['2.5', '-1', '0.75']);
    const r = eigTopRefined(F, H, 2, 1e-50)!;
    expect(rel(F, r.values[0], F.from('2.5'))).toBeLessThan(1e-55);
    expect(rel(F, r.values[1], F.from('0.75'))).toBeLessThan(1e-55);
  });

  it('declines when f64 cannot separate the wanted eigenvalue (double or near-double), and topEigenpairs then falls back to Jacobi', () => {
    const F = decimalField(50);
    expect(eigTopRefined(F, known(F, ['3', '3', '1']), 1, 1e-40)).toBeUndefined();
    const near = known(F, ['3', '2.9999999999999', '1']);
    expect(eigTopRefined(F, near, 1, 1e-40)).toBeUndefined();
    const t = topEigenpairs(F, near, 2);
    expect(rel(F, t.values[0], F.from('3'))).toBeLessThan(1e-40);
    expect(rel(F, t.values[1], F.from('2.9999999999999'))).toBeLessThan(1e-40);
    expect(t.converged).toBe(true);
    // The zero matrix: nothing to refine from.
    expect(eigTopRefined(F, [[F.zero, F.zero], [F.zero, F.zero]], 1, 1e-40)).toBeUndefined();
  });

  it('topEigenpairs takes the fast path with the same answers as Jacobi, gap included', () => {
    const F = decimalField(50);
    const H = known(F, ['4', '1.5', '-2']);
    const t = topEigenpairs(F, H, 1);
    expect(rel(F, t.values[0], F.from('4'))).toBeLessThan(1e-45);
    expect(t.gap).toBeCloseTo(2.5, 12);
    expect(t.residuals[0]).toBeLessThan(1e-45);
  });
});
