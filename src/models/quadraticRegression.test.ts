import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExactJson } from './model.js';
import { quadraticRegression } from './quadraticRegression.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import { assertDerivatives } from '../../test-support/expectDerivatives.js';
import { microVector } from '../../test-support/decimalArbs.js';

const vec = (p: number, lo = -1, hi = 1) => microVector(p, lo, hi);

/** A random instance: J (n×p), symmetric Q (n×p×p) from its upper triangle, y, and θ, u, v. */
const instance = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 4 })).chain(([n, p]) =>
  fc.record({
    J: fc.array(vec(p), { minLength: n, maxLength: n }),
    Q: fc.array(
      fc.array(vec(p), { minLength: p, maxLength: p }).map((m) => m.map((row, i) => row.map((x, j) => (j >= i ? x : m[j][i])))),
      { minLength: n, maxLength: n },
    ),
    y: vec(n),
    theta: vec(p, -2, 2),
    u: vec(p),
    v: vec(p),
  }),
);

describe('quadratic-regression', () => {
  it('closed forms agree with high-precision finite differences, f64 to 1e-10, dec:50 to 1e-30', () => {
    assertDerivatives(quadraticRegression, instance, ({ J, Q, y }) => ({ data: { J, Q, y } }), { numRuns: 40, seed: 61 });
  });

  it('the loss is ½Σᵢ(Jᵢ·θ + ½θᵀQᵢθ − yᵢ)², written out naively', () => {
    fc.assert(
      fc.property(instance, ({ J, Q, y, theta }) => {
        const m = quadraticRegression.create({ data: { J, Q, y } });
        const t = theta.map(Number);
        let naive = 0;
        for (let i = 0; i < y.length; i++) {
          let f = 0;
          for (let j = 0; j < t.length; j++) {
            f += Number(J[i][j]) * t[j];
            for (let k = 0; k < t.length; k++) f += 0.5 * t[j] * Number(Q[i][j][k]) * t[k];
          }
          naive += 0.5 * (f - Number(y[i])) ** 2;
        }
        expect(m.bind(f64).loss(t)).toBeCloseTo(naive, 11);
      }),
      { numRuns: 40, seed: 62 },
    );
  });

  it('with J = 0, Q = [[0,1],[1,0]] it is the uv model ½(uv − y)²: H = [[v², 2uv − y], [·, u²]]', () => {
    const m = quadraticRegression.create({
      data: {
        J: [['0', '0']],
        Q: [
          [
            ['0', '1'],
            ['1', '0'],
          ],
        ],
        y: ['1.5'],
      },
    });
    const F = decimalField(50);
    const b = m.bind(F);
    const th = [F.from('0.7'), F.from('-1.3')];
    expect(b.hessian(th).map((r) => r.map((x) => F.toString(x)))).toEqual([
      ['1.69', '-3.32'],
      ['-3.32', '0.49'],
    ]);
    // ∂uuv = 2v, ∂uvv = 2u: ∇³L[e,e] = (4v·e_u·e_v + 2u·e_v², 2v·e_u² + 4u·e_u·e_v)
    const e = [F.from('0.6'), F.from('0.8')];
    expect(b.third(th, e).map((x) => F.toString(x))).toEqual(['-1.6', '0.408']);
    expect(F.toString(b.loss(th))).toBe('2.90405'); // ½(0.7·(−1.3) − 1.5)²
    expect(m.lossStar).toBeUndefined();
    expect(m.thetaNames).toEqual(['theta1', 'theta2']);
  });

  it('rejects bad data and θ length, naming the option', () => {
    const good = {
      J: [['1', '0']],
      Q: [
        [
          ['1', '2'],
          ['2', '0'],
        ],
      ],
      y: ['1'],
    };
    const bad = (data: ExactJson) => () => quadraticRegression.create({ data });
    expect(() => quadraticRegression.create({})).toThrow(/data: model quadratic-regression needs data/);
    expect(
      bad({
        ...good,
        Q: [
          [
            ['1', '2'],
            ['2.5', '0'],
          ],
        ],
      }),
    ).toThrow(/data: "Q"\[0\] must be symmetric/);
    expect(
      bad({
        ...good,
        Q: [
          [
            ['1', '2'],
            ['2.0', '0'],
          ],
        ],
      }),
    ).not.toThrow();
    expect(
      bad({
        ...good,
        Q: [
          [
            ['1', '2', '3'],
            ['2', '0', '1'],
          ],
        ],
      }),
    ).toThrow(/data: "Q\[0\]" must have 2 rows|data: "Q\[0\]"\[0\] must be a row of 2/);
    expect(bad({ ...good, Q: [] })).toThrow(/data: "Q" must be an array of n = 1/);
    expect(bad({ J: good.J, y: good.y })).toThrow(/data: "Q" must be an array/);
    expect(bad({ ...good, y: ['1', '2'] })).toThrow(/data: "y" must have 1 entries/);
    expect(bad({ ...good, J: [['1', 'x']] })).toThrow(/data: "J"\[0\]\[1\] must be a finite number/);
    expect(bad({ ...good, extra: '1' })).toThrow(/data: unknown key "extra"/);
    expect(bad(['1'])).toThrow(/data: must be a JSON object/);
    expect(() => quadraticRegression.create({ data: good, dim: 3 })).toThrow(/theta: model quadratic-regression has 2 coordinates/);
    expect(() => quadraticRegression.create({ data: good, params: { n: '1' } })).toThrow(/params: unknown parameter "n"/);
  });
});
