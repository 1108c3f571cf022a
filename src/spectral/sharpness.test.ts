import type { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeModel, type BoundModel, type Model } from '../models/model.js';
import { deepScalar } from '../models/deepScalar.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import type { Field, Vec } from '../numerics/field.js';
import type { Interval } from '../numerics/interval.js';
import { intervalField } from '../numerics/intervalField.js';
import { sharpness, sharpnessGradient, topEigenpairs } from './sharpness.js';

const D60 = decimalField(60);

/**
 * A random symmetric cubic: L(θ) = ½θᵀAθ + (1/6)Σᵣ cᵣ(aᵣ·θ)³, so ∇²L = A + Σᵣ cᵣ(aᵣ·θ)aᵣaᵣᵀ and
 * ∇³L[u,u] = Σᵣ cᵣ(aᵣ·u)²aᵣ. With c = 0 it is a quadratic (∇S = 0, S = λ_max(A)).
 */
function cubic(A: string[][], a: string[][], c: string[]): Model {
  const p = A.length;
  return makeModel({
    id: 'random-cubic',
    dim: p,
    thetaNames: A.map((_, i) => `x${i}`),
    bind<T>(F: Field<T>) {
      const AF = A.map((row) => row.map((x) => F.from(x)));
      const aF = a.map((row) => row.map((x) => F.from(x)));
      const cF = c.map((x) => F.from(x));
      const dotF = (x: Vec<T>, y: Vec<T>) => x.reduce((s, xi, i) => F.add(s, F.mul(xi, y[i])), F.zero);
      const six = F.int(6);
      const two = F.int(2);
      return {
        loss: (th: Vec<T>) => {
          let s = F.div(
            dotF(
              th,
              AF.map((row) => dotF(row, th)),
            ),
            two,
          );
          aF.forEach((ar, r) => (s = F.add(s, F.div(F.mul(cF[r], F.powi(dotF(ar, th), 3)), six))));
          return s;
        },
        grad: (th: Vec<T>) =>
          AF.map((row, i) => aF.reduce((s, ar, r) => F.add(s, F.mul(F.div(F.mul(cF[r], F.powi(dotF(ar, th), 2)), two), ar[i])), dotF(row, th))),
        hessian: (th: Vec<T>) =>
          AF.map((row, i) => row.map((x, j) => aF.reduce((s, ar, r) => F.add(s, F.mul(F.mul(cF[r], dotF(ar, th)), F.mul(ar[i], ar[j]))), x))),
        third: (_th: Vec<T>, u: Vec<T>) => A.map((_, i) => aF.reduce((s, ar, r) => F.add(s, F.mul(F.mul(cF[r], F.powi(dotF(ar, u), 2)), ar[i])), F.zero)),
      };
    },
  });
}

/** Central differences of S at dec:60 with step 1e-20: truncation ~1e-40, rounding ~1e-40. */
function fdSharpnessGradient(m: BoundModel<Decimal>, theta: Decimal[]): Decimal[] {
  const h = D60.from('1e-20');
  return theta.map((_, i) => {
    const plus = theta.map((x, k) => (k === i ? D60.add(x, h) : x));
    const minus = theta.map((x, k) => (k === i ? D60.sub(x, h) : x));
    return D60.div(D60.sub(sharpness(D60, m, plus), sharpness(D60, m, minus)), D60.add(h, h));
  });
}

function relErr(a: Decimal[], b: Decimal[]): number {
  const num = Math.max(...a.map((x, i) => Math.abs(x.minus(b[i]).toNumber())));
  const den = Math.max(...b.map((x) => Math.abs(x.toNumber())));
  return den === 0 ? num : num / den;
}

const dec = (lo: number, hi: number) => fc.integer({ min: Math.round(lo * 1e4), max: Math.round(hi * 1e4) }).map((k) => String(k / 1e4));

describe('topEigenpairs', () => {
  it('f64 and dec:50: the top k of a known spectrum, with residuals, gap and norm', () => {
    // H = R diag(5, 2, −7) Rᵀ with the exact rotation R = [[0.6, −0.8, 0], [0.8, 0.6, 0], [0, 0, 1]]:
    // eigenvectors (0.6, 0.8, 0) for 5 and (−0.8, 0.6, 0) for 2.
    const H = [
      ['3.08', '1.44', '0'],
      ['1.44', '3.92', '0'],
      ['0', '0', '-7'],
    ];
    for (const F of [f64, decimalField(50)] as Field<unknown>[]) {
      const t = topEigenpairs(
        F,
        H.map((row) => row.map((x) => F.from(x))),
        2,
      );
      expect(t.values.map((x) => F.toNumber(x))).toEqual([expect.closeTo(5, 13), expect.closeTo(2, 13)]);
      expect(t.gap).toBeCloseTo(3, 13);
      expect(t.norm).toBeCloseTo(7, 13);
      expect(t.converged).toBe(true);
      expect(Math.max(...t.residuals)).toBeLessThan(F === f64 ? 1e-14 : 1e-47);
      expect(Math.abs(F.toNumber(t.vectors[0][0]))).toBeCloseTo(0.6, 13);
    }
    expect(topEigenpairs(f64, [[4]], 3)).toMatchObject({ values: [4], gap: Infinity, norm: 4 });
    expect(() => topEigenpairs(f64, [], 1)).toThrow(/empty/);
  });

  it('interval:30: certified enclosures and eigenvector boxes that contain the exact eigenvectors', () => {
    const I = intervalField(30);
    const H = [
      ['3.08', '1.44', '0'],
      ['1.44', '3.92', '0'],
      ['0', '0', '-7'],
    ].map((row) => row.map((x) => I.from(x)));
    const t = topEigenpairs(I, H, 2);
    expect(t.values[0].contains(5) && t.values[1].contains(2)).toBe(true);
    expect(I.radius(t.values[0])).toBeLessThan(1e-27);
    expect(t.gap).toBeGreaterThan(2.999);
    expect(t.gap).toBeLessThanOrEqual(3);
    // (0.6, 0.8, 0) and (−0.8, 0.6, 0), up to sign.
    const sign = (v: Interval[], first: number) => (v[0].lo.isNegative() === first < 0 ? 1 : -1);
    const u0 = [0.6, 0.8, 0].map((x) => x * sign(t.vectors[0], 0.6));
    const u1 = [-0.8, 0.6, 0].map((x) => x * sign(t.vectors[1], -0.8));
    t.vectors[0].forEach((box, i) => expect(box.contains(u0[i])).toBe(true));
    t.vectors[1].forEach((box, i) => expect(box.contains(u1[i])).toBe(true));
  });
});

describe('sharpness and its gradient', () => {
  it('deep-scalar at a minimizer: S = ‖∇∏w‖² in f64, dec:60 and an interval enclosure', () => {
    const m = deepScalar.create({ dim: 3, params: { target: '2' } });
    const w = ['1', '4', '0.5'];
    // ∇∏ = (2, 0.5, 4): S = 4 + 0.25 + 16.
    expect(sharpness(f64, m.bind(f64), w.map(Number))).toBeCloseTo(20.25, 12);
    expect(
      Math.abs(
        sharpness(
          D60,
          m.bind(D60),
          w.map((x) => D60.from(x)),
        )
          .minus('20.25')
          .toNumber(),
      ),
    ).toBeLessThan(1e-55);
    const I = intervalField(40);
    expect(
      sharpness(
        I,
        m.bind(I),
        w.map((x) => I.from(x)),
      ).contains('20.25'),
    ).toBe(true);
  });

  it('∇S agrees with central differences of S at dec:60 (deep-scalar, random points) to 1e-30', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }).chain((D) => fc.tuple(fc.array(dec(-1.5, 1.5), { minLength: D, maxLength: D }), dec(-2, 2))),
        ([w, y]) => {
          const m = deepScalar.create({ dim: w.length, params: { target: y } }).bind(D60);
          const theta = w.map((x) => D60.from(x));
          const g = sharpnessGradient(D60, m, theta);
          fc.pre(g.simple);
          expect(relErr(g.value, fdSharpnessGradient(m, theta))).toBeLessThan(1e-30);
          // f64 agrees with dec:60 to float64 accuracy amplified by ‖H‖/gap (the eigenvector's conditioning).
          const g64 = sharpnessGradient(f64, deepScalar.create({ dim: w.length, params: { target: y } }).bind(f64), w.map(Number));
          const cond = Math.max(1, topEigenpairs(D60, m.hessian(theta)).norm / g.gap);
          const scale = Math.max(...g.value.map((x) => Math.abs(x.toNumber())));
          g64.value.forEach((x, i) => expect(Math.abs(x - g.value[i].toNumber())).toBeLessThan(1e-13 * cond * scale + 1e-14));
        },
      ),
      { numRuns: 25, seed: 606 },
    );
  });

  it('∇S agrees with central differences of S at dec:60 for random symmetric cubics', () => {
    const sym = (p: number) =>
      fc.array(dec(-2, 2), { minLength: (p * (p + 1)) / 2, maxLength: (p * (p + 1)) / 2 }).map((xs) => {
        const A: string[][] = Array.from({ length: p }, () => new Array<string>(p));
        let k = 0;
        for (let i = 0; i < p; i++) for (let j = i; j < p; j++) A[i][j] = A[j][i] = xs[k++];
        return A;
      });
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 4 })
          .chain((p) =>
            fc.tuple(
              sym(p),
              fc.array(fc.array(dec(-1, 1), { minLength: p, maxLength: p }), { minLength: 1, maxLength: 3 }),
              fc.array(dec(-1, 1), { minLength: 3, maxLength: 3 }),
              fc.array(dec(-1, 1), { minLength: p, maxLength: p }),
            ),
          ),
        ([A, a, c, th]) => {
          const m = cubic(A, a, c.slice(0, a.length)).bind(D60);
          const theta = th.map((x) => D60.from(x));
          const g = sharpnessGradient(D60, m, theta);
          fc.pre(g.simple && g.gap > 1e-6);
          expect(relErr(g.value, fdSharpnessGradient(m, theta))).toBeLessThan(1e-30);
        },
      ),
      { numRuns: 30, seed: 707 },
    );
  });

  it('a quadratic has ∇S = 0 and S = λ_max(A)', () => {
    const m = cubic(
      [
        ['3.08', '1.44', '0'],
        ['1.44', '3.92', '0'],
        ['0', '0', '-7'],
      ],
      [['1', '0', '0']],
      ['0'],
    ).bind(D60);
    const th = ['0.3', '-1', '2'].map((x) => D60.from(x));
    const g = sharpnessGradient(D60, m, th);
    expect(g.simple).toBe(true);
    expect(g.value.every((x) => x.isZero())).toBe(true);
    expect(Math.abs(sharpness(D60, m, th).minus(5).toNumber())).toBeLessThan(1e-55);
  });

  it('warns when the top eigenvalue is not simple (f64, dec and interval)', () => {
    const model = cubic(
      [
        ['2', '0', '0'],
        ['0', '2', '0'],
        ['0', '0', '1'],
      ],
      [['1', '1', '0']],
      ['1'],
    );
    for (const F of [f64, decimalField(40), intervalField(30)] as Field<unknown>[]) {
      const g = sharpnessGradient(
        F,
        model.bind(F),
        [0, 0, 0].map((x) => F.from(x)),
      );
      expect(g.simple, F.precision.kind).toBe(false);
      expect(g.warning).toMatch(/top eigenvalue is not simple/);
      expect(g.gap).toBeLessThanOrEqual(0);
    }
    // Separated by 1e-3: simple in every precision, and the interval value encloses the exact ∇S.
    const sep = cubic(
      [
        ['2.001', '0', '0'],
        ['0', '2', '0'],
        ['0', '0', '1'],
      ],
      [['1', '1', '0']],
      ['1'],
    );
    const I = intervalField(30);
    const gi = sharpnessGradient(
      I,
      sep.bind(I),
      [0, 0, 0].map((x) => I.from(x)),
    );
    expect(gi.simple).toBe(true);
    expect(gi.warning).toBeUndefined();
    // u = e₁, so ∇S = c(a·u)²a = (1, 1, 0).
    expect(gi.value.map((x) => x.contains(1))).toEqual([true, true, false]);
    expect(gi.value[2].contains(0)).toBe(true);
    expect(Math.max(...gi.value.map((x) => I.radius(x)))).toBeLessThan(1e-20);
  });

  it('interval:40 ∇S encloses the dec:80 value for deep-scalar', () => {
    const w = ['0.7', '-1.3', '1.1'];
    const m = deepScalar.create({ dim: 3, params: { target: '0.4' } });
    const I = intervalField(40);
    const D = decimalField(80);
    const gi = sharpnessGradient(
      I,
      m.bind(I),
      w.map((x) => I.from(x)),
    );
    const gd = sharpnessGradient(
      D,
      m.bind(D),
      w.map((x) => D.from(x)),
    );
    expect(gi.simple && gd.simple).toBe(true);
    gi.value.forEach((x, i) => expect(x.contains(gd.value[i])).toBe(true));
    expect(Math.max(...gi.value.map((x) => I.radius(x)))).toBeLessThan(1e-30);
  });
});
