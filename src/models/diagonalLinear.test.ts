import fc from 'fast-check';
import { eigs } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { diagonalLinear } from './diagonalLinear.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import { assertDerivatives } from '../../test-support/expectDerivatives.js';
import { expectSymbolicAgreement, symbolicOracle } from '../../test-support/symbolicOracle.js';
import { microVector } from '../../test-support/decimalArbs.js';

const instance = fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 })).chain(([n, d]) =>
  fc.record({
    X: fc.array(microVector(d, -2, 2), { minLength: n, maxLength: n }),
    y: microVector(n, -2, 2),
    theta: microVector(2 * d, -1.5, 1.5),
    u: microVector(2 * d, -1, 1),
    v: microVector(2 * d, -1, 1),
  }),
);

/** The objective written out for mathjs, from the data's text, independently of the model code. */
function objective(X: string[][], y: string[]): { expr: string; vars: string[] } {
  const n = X.length;
  const d = X[0].length;
  const vars = [...Array.from({ length: d }, (_, k) => `u${k + 1}`), ...Array.from({ length: d }, (_, k) => `v${k + 1}`)];
  const terms = X.map((row, i) => `(${row.map((x, k) => `(${x})*u${k + 1}*v${k + 1}`).join(' + ')} - (${y[i]}))^2`);
  return { expr: `(${terms.join(' + ')}) / (2*${n})`, vars };
}

const topEig = (M: number[][]): number => Math.max(...(eigs(M).values as number[]));

describe('diagonal-linear', () => {
  it('closed forms agree with finite differences (1e-30), f64 to 1e-10, dec:50 to 1e-30; loss is (1/2n)‖X(u⊙v) − y‖²', () => {
    assertDerivatives(
      diagonalLinear,
      instance,
      ({ X, y }) => ({ data: { X, y } }),
      { numRuns: 60, seed: 26 },
      (m, { X, y, theta }) => {
        // The definition itself, by plain loops in f64.
        const d = X[0].length;
        const t = theta.map(Number);
        let naive = 0;
        let scale = 0;
        for (let i = 0; i < X.length; i++) {
          let f = 0;
          let fa = 0;
          for (let k = 0; k < d; k++) {
            f += Number(X[i][k]) * t[k] * t[d + k];
            fa += Math.abs(Number(X[i][k]) * t[k] * t[d + k]);
          }
          naive += (f - Number(y[i])) ** 2 / (2 * X.length);
          scale += (fa + Math.abs(Number(y[i]))) ** 2 / (2 * X.length);
        }
        expect(Math.abs(m.bind(f64).loss(t) - naive)).toBeLessThanOrEqual(1e-14 * scale);
      },
    );
  });

  it('loss, Hessian and ∇³L[e,e] match mathjs symbolic derivatives (n = 2, d = 3)', () => {
    const X = [
      ['0.5', '-1', '2'],
      ['1.5', '0.25', '-0.75'],
    ];
    const y = ['0.3', '-1.2'];
    const { expr, vars } = objective(X, y);
    const oracle = symbolicOracle(expr, vars);
    const model = diagonalLinear.create({ dim: 6, data: { X, y } }).bind(f64);
    fc.assert(
      fc.property(microVector(6, -1.5, 1.5), microVector(6, -1, 1), (ts, es) => {
        const t = ts.map(Number);
        const L = oracle.loss(t);
        expect(Math.abs(model.loss(t) - L)).toBeLessThanOrEqual(1e-13 * Math.max(1, L));
        expectSymbolicAgreement(model, oracle, t, es.map(Number));
      }),
      { numRuns: 4, seed: 5 },
    );
  });

  it('at an interpolator (g = 0): S = λ_max((1/n) X diag(u² + v²) Xᵀ)', () => {
    // n = 2 < d = 3; β = u⊙v and y = Xβ, so g = 0.
    const X = [
      [1, -0.5, 2],
      [0.25, 1.5, -1],
    ];
    const u = [1.2, -0.7, 0.4];
    const v = [0.5, 1.1, -0.9];
    const beta = u.map((uk, k) => uk * v[k]);
    const yv = X.map((row) => row.reduce((s, x, k) => s + x * beta[k], 0));
    const m = diagonalLinear.create({ dim: 6, data: { X: X.map((r) => r.map(String)), y: yv.map(String) } });
    expect(m.lossStar).toBeUndefined();
    const b = m.bind(f64);
    const t = [...u, ...v];
    expect(b.loss(t)).toBeLessThan(1e-30);
    for (const g of b.grad(t)) expect(Math.abs(g)).toBeLessThan(1e-15);
    const w = u.map((uk, k) => uk * uk + v[k] * v[k]);
    const M = X.map((xi) => X.map((xj) => xi.reduce((s, x, k) => s + x * w[k] * xj[k], 0) / 2));
    expect(topEig(b.hessian(t))).toBeCloseTo(topEig(M), 12);
  });

  it('one GD step satisfies the exact identity (u² − v²)⁺ = (u² − v²)(1 − γ²g²) (docs/claims/even.md), in dec:50', () => {
    const F = decimalField(50);
    const X = [
      ['1', '-0.5', '2'],
      ['0.25', '1.5', '-1'],
    ];
    const b = diagonalLinear.create({ dim: 6, data: { X, y: ['0.7', '-0.2'] } }).bind(F);
    const t = ['1.2', '-0.7', '0.4', '0.5', '1.1', '-0.9'].map((x) => F.from(x));
    const gamma = F.from('0.3');
    const grad = b.grad(t);
    const next = t.map((x, i) => F.sub(x, F.mul(gamma, grad[i])));
    // g = ∇_β L = ∇_u L / v (v has no zero entry here)
    for (let k = 0; k < 3; k++) {
      const g = F.div(grad[k], t[3 + k]);
      const before = F.sub(F.mul(t[k], t[k]), F.mul(t[3 + k], t[3 + k]));
      const after = F.sub(F.mul(next[k], next[k]), F.mul(next[3 + k], next[3 + k]));
      const want = F.mul(before, F.sub(F.one, F.mul(F.mul(gamma, gamma), F.mul(g, g))));
      expect(Math.abs(F.toNumber(F.sub(after, want)))).toBeLessThan(1e-45);
    }
  });

  it('rejects bad input, naming the option', () => {
    const X = [
      ['1', '2'],
      ['3', '4'],
    ];
    expect(() => diagonalLinear.create({ data: { X, y: ['1'] } })).toThrow(/data: "y" must have 2 entries, got 1/);
    expect(() => diagonalLinear.create({ data: { X } })).toThrow(/data: "y" must be an array/);
    expect(() => diagonalLinear.create({ data: { y: ['1'] } })).toThrow(/data: "X" must be a non-empty array/);
    expect(() => diagonalLinear.create({ data: { X: [['1', '2'], ['3']], y: ['1', '2'] } })).toThrow(/data: "X"\[1\] must be a row of 2 numbers/);
    expect(() => diagonalLinear.create({ data: { X: [['1', 'x']], y: ['1'] } })).toThrow(/data: "X"\[0\]\[1\] must be a finite number/);
    expect(() => diagonalLinear.create({ data: { X, y: ['1', '2'], w: [] } })).toThrow(/data: unknown key "w"/);
    expect(() => diagonalLinear.create({ data: [] })).toThrow(/data: must be a JSON object/);
    expect(() => diagonalLinear.create({ dim: 3, data: { X, y: ['1', '2'] } })).toThrow(/theta: model diagonal-linear has 4 coordinates here, got 3/);
    expect(() => diagonalLinear.create({ data: { X, y: ['1', '2'] }, params: { lr: '1' } })).toThrow(/params: unknown parameter "lr"/);
  });
});
