import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalField } from './decimalField.js';
import { eigSymJacobi } from './eigSymJacobi.js';
import { eigTopRefined } from './eigTopRefined.js';
import type { Field } from './field.js';
import { dot } from './linalg.js';
import { knownSpectrum as known } from '../../test-support/testMatrices.js';

const rel = <T>(F: Field<T>, a: T, b: T) => F.toNumber(F.div(F.abs(F.sub(a, b)), F.add(F.abs(b), F.one)));

describe('eigTopRefined: Rayleigh-quotient refinement of the f64 top pairs', () => {
  it('agrees with decimal Jacobi on random symmetric matrices at 50 and 80 digits (values and vectors up to sign)', () => {
    for (const digits of [50, 80]) {
      const F = decimalField(digits);
      fc.assert(
        fc.property(
          fc.integer({ min: 2, max: 9 }),
          fc.array(fc.integer({ min: -999, max: 999 }), { minLength: 81, maxLength: 81 }),
          fc.integer({ min: 1, max: 3 }),
          (n, entries, k) => {
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
          },
        ),
        { seed: 11, numRuns: 60 },
      );
    }
  });

  it('reaches the exact spectrum of a known matrix to the working precision', () => {
    const F = decimalField(60);
    const H = known(F, ['2.5', '-1', '0.75']);
    const r = eigTopRefined(F, H, 2, 1e-50)!;
    expect(rel(F, r.values[0], F.from('2.5'))).toBeLessThan(1e-55);
    expect(rel(F, r.values[1], F.from('0.75'))).toBeLessThan(1e-55);
  });

  it('declines when f64 cannot separate the wanted eigenvalue (double or near-double)', () => {
    const F = decimalField(50);
    expect(eigTopRefined(F, known(F, ['3', '3', '1']), 1, 1e-40)).toBeUndefined();
    const near = known(F, ['3', '2.9999999999999', '1']);
    expect(eigTopRefined(F, near, 1, 1e-40)).toBeUndefined();
    // The zero matrix: nothing to refine from.
    expect(
      eigTopRefined(
        F,
        [
          [F.zero, F.zero],
          [F.zero, F.zero],
        ],
        1,
        1e-40,
      ),
    ).toBeUndefined();
  });
});
