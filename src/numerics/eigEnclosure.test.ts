import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EoscheckError } from '../errors.js';
import { decimalCtor, decimalField } from './decimalField.js';
import { eigEnclosure } from './eigEnclosure.js';
import { eigSym } from './eigSym.js';
import { eigSymJacobi } from './eigSymJacobi.js';
import { Interval } from './interval.js';
import { intervalField } from './intervalField.js';

/** Sign-aligned distance ‖u − s·v‖ (s = ±1 with u·v·s ≥ 0), computed in decimals. */
function alignedDistance(u: readonly Decimal[], v: readonly Decimal[]): number {
  const C = decimalCtor(80);
  const d = u.reduce((s, x, i) => s.plus(new C(x).times(v[i])), new C(0));
  const s = d.isNegative() ? -1 : 1;
  return u
    .reduce((acc, x, i) => acc.plus(new C(x).minus(new C(v[i]).times(s)).pow(2)), new C(0))
    .sqrt()
    .toNumber();
}

const entry = fc.integer({ min: -1e9, max: 1e9 }).map((k) => `${k}e-8`);
const symmetric = fc.integer({ min: 2, max: 8 }).chain((n) =>
  fc.array(entry, { minLength: (n * (n + 1)) / 2, maxLength: (n * (n + 1)) / 2 }).map((xs) => {
    const M: string[][] = Array.from({ length: n }, () => new Array<string>(n));
    let k = 0;
    for (let i = 0; i < n; i++) for (let j = i; j < n; j++) M[i][j] = M[j][i] = xs[k++];
    return M;
  }),
);

describe('eigEnclosure', () => {
  it('encloses the dec:2N Jacobi eigenvalues of random symmetric matrices (sizes 2–8), tightly', () => {
    let maxRelRadius = 0;
    fc.assert(
      fc.property(symmetric, fc.constantFrom(20, 30), (M, N) => {
        const I = intervalField(N);
        const enc = eigEnclosure(
          I,
          M.map((row) => row.map((x) => I.from(x))),
        );
        const D2 = decimalField(2 * N);
        const ref = eigSymJacobi(
          D2,
          M.map((row) => row.map((x) => D2.from(x))),
        );
        ref.values.forEach((l, i) => {
          if (!enc.values[i].contains(l)) throw new Error(`λ${i} = ${l.toString()} not in ${enc.values[i].toString()} (N = ${N})`);
        });
        const scale = Math.max(...ref.values.map((x) => Math.abs(x.toNumber())));
        maxRelRadius = Math.max(maxRelRadius, enc.radius / scale);
        // Tight: the certified radius is within a few hundred ulps of ‖A‖, not a vacuous bound.
        expect(enc.radius).toBeLessThan(10 ** (3 - N) * scale);
        enc.vectorErrorBound.forEach((b, i) => {
          if (Number.isFinite(b)) expect(alignedDistance(ref.vectors[i], enc.vectors[i])).toBeLessThanOrEqual(b);
        });
      }),
      { numRuns: 50, seed: 9090 },
    );
    expect(maxRelRadius).toBeGreaterThan(0);
  });

  it('covers every symmetric matrix inside wide intervals: eigenvalues and eigenvectors of samples', () => {
    let finiteVectorChecks = 0;
    fc.assert(
      fc.property(
        symmetric,
        fc.integer({ min: 3, max: 9 }),
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 36, maxLength: 36 }),
        (M, widthExp, ts) => {
          const N = 25;
          const I = intervalField(N);
          const C = decimalCtor(2 * N);
          const w = new C(`1e-${widthExp}`);
          const A = M.map((row) => row.map((x) => new Interval(new C(x).minus(w), new C(x).plus(w))));
          const enc = eigEnclosure(I, A);
          // A symmetric sample Â with Âᵢⱼ = mᵢⱼ + (t/1000)·w, including the corners t = ±1000.
          const n = M.length;
          const S: Decimal[][] = Array.from({ length: n }, () => new Array<Decimal>(n));
          let k = 0;
          for (let i = 0; i < n; i++) for (let j = i; j < n; j++) S[i][j] = S[j][i] = new C(M[i][j]).plus(w.times(ts[k++]).div(1000));
          const ref = eigSymJacobi(decimalField(2 * N), S);
          ref.values.forEach((l, i) => expect(enc.values[i].contains(l), `${l} in ${enc.values[i]}`).toBe(true));
          enc.vectorErrorBound.forEach((b, i) => {
            if (!Number.isFinite(b)) return;
            finiteVectorChecks++;
            expect(alignedDistance(ref.vectors[i], enc.vectors[i])).toBeLessThanOrEqual(b);
          });
        },
      ),
      { numRuns: 60, seed: 31337 },
    );
    expect(finiteVectorChecks).toBeGreaterThan(50);
  });

  it('gives finite vector bounds for simple eigenvalues and Infinity for a repeated one', () => {
    const I = intervalField(30);
    // H diag(3, −1, 1) H with the exact reflection H = I − 2wwᵀ/25, w = (3, 4, 0): spectrum {3, 1, −1}.
    const A = [
      ['-0.6864', '-1.0752', '0'],
      ['-1.0752', '2.6864', '0'],
      ['0', '0', '1'],
    ].map((row) => row.map((x) => I.from(x)));
    const enc = eigEnclosure(I, A);
    ['3', '1', '-1'].forEach((l, i) => expect(enc.values[i].contains(l)).toBe(true));
    expect(enc.radius).toBeLessThan(1e-27);
    // Exact eigenvectors: H's columns (0.28, −0.96, 0), (0, 0, 1), (−0.96, −0.28, 0).
    const D = decimalField(60);
    const exact = [
      ['0.28', '-0.96', '0'],
      ['0', '0', '1'],
      ['-0.96', '-0.28', '0'],
    ].map((v) => v.map((x) => D.from(x)));
    exact.forEach((u, i) => expect(alignedDistance(u, enc.vectors[i])).toBeLessThanOrEqual(enc.vectorErrorBound[i]));
    expect(enc.vectorErrorBound.every(Number.isFinite)).toBe(true);
    const R = eigEnclosure(
      I,
      [
        ['2', '0', '0'],
        ['0', '2', '0'],
        ['0', '0', '1'],
      ].map((row) => row.map((x) => I.from(x))),
    );
    expect(R.vectorErrorBound[0]).toBe(Infinity);
    expect(R.vectorErrorBound[1]).toBe(Infinity);
    expect(R.vectorErrorBound[2]).toBeLessThan(1e-25);
    expect(R.values.map((v) => v.toString())).toEqual(['[2, 2]', '[2, 2]', '[1, 1]']);
  });

  it('is exact on a 1×1 matrix and rejects bad input with the reason', () => {
    const I = intervalField(20);
    const one = eigEnclosure(I, [[new Interval(new Decimal('0.5'), new Decimal('0.75'))]]);
    expect(one.values[0].toString()).toBe('[0.5, 0.75]');
    expect(eigEnclosure(I, []).values).toEqual([]);
    expect(() =>
      eigEnclosure(I, [
        [I.one, I.from('1')],
        [I.from('2'), I.one],
      ]),
    ).toThrow(/no symmetric matrix in A/);
    expect(() => eigEnclosure(decimalField(20) as never, [])).toThrow(/needs an interval field/);
    expect(() => eigEnclosure(I, [[I.log(I.zero)]])).toThrow(/not a finite interval/);
  });

  it('eigSym refuses interval matrices and points to eigEnclosure', () => {
    const I = intervalField(20);
    let err: unknown;
    try {
      eigSym(I, [[I.one]]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(EoscheckError);
    expect((err as EoscheckError).code).toBe('EOSCHECK_USE_EIG_ENCLOSURE');
    expect((err as Error).message).toMatch(/eigEnclosure/);
  });
});
