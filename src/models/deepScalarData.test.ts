import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deepScalar } from './deepScalar.js';
import { deepScalarData } from './deepScalarData.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import { expectDerivatives } from '../../test-support/expectDerivatives.js';
import { expectExactMinimum } from '../../test-support/expectExactMinimum.js';
import { microVector } from '../../test-support/decimalArbs.js';

const instance = fc.tuple(fc.integer({ min: 1, max: 5 }), fc.integer({ min: 1, max: 4 })).chain(([D, n]) =>
  fc.record({
    // x must not be all zero: a data set whose x vanishes is rejected.
    x: microVector(n, -2, 2).map((x) => (x.every((t) => Number(t) === 0) ? ['1', ...x.slice(1)] : x)),
    y: microVector(n, -2, 2),
    w: microVector(D, -2, 2),
    u: microVector(D, -1, 1),
    v: microVector(D, -1, 1),
  }),
);

describe('deep-scalar-data', () => {
  it('closed forms agree with finite differences (1e-30), f64 to 1e-10, dec:50 to 1e-30; loss is (1/2n)Σ(xπ − y)²', () => {
    fc.assert(
      fc.property(instance, ({ x, y, w, u, v }) => {
        const m = deepScalarData.create({ dim: w.length, data: { x, y } });
        expectDerivatives(m, w, u, v);
        // The definition itself, by a plain loop in f64, to the rounding of its terms.
        const pi = w.reduce((p, t) => p * Number(t), 1);
        let naive = 0;
        let scale = 0;
        for (let k = 0; k < x.length; k++) {
          const xk = Number(x[k]);
          const yk = Number(y[k]);
          naive += (xk * pi - yk) ** 2 / (2 * x.length);
          scale += ((xk * pi) ** 2 + yk ** 2) / (2 * x.length);
        }
        expect(Math.abs(m.bind(f64).loss(w.map(Number)) - naive)).toBeLessThanOrEqual(1e-14 * scale);
      }),
      { numRuns: 60, seed: 22 },
    );
  });

  it('is deep-scalar when there is one example x = 1', () => {
    const a = deepScalarData.create({ dim: 3, data: { x: ['1'], y: ['0.7'] } }).bind(f64);
    const b = deepScalar.create({ dim: 3, params: { target: '0.7' } }).bind(f64);
    const w = [0.9, -1.3, 0.4];
    const e = [0.2, 0.5, -0.1];
    expect(a.loss(w)).toBeCloseTo(b.loss(w), 15);
    a.grad(w).forEach((g, i) => expect(g).toBeCloseTo(b.grad(w)[i], 14));
    a.hessian(w).forEach((row, i) => row.forEach((h, j) => expect(h).toBeCloseTo(b.hessian(w)[i][j], 14)));
    a.third(w, e).forEach((t, i) => expect(t).toBeCloseTo(b.third(w, e)[i], 14));
  });

  it('interpolating data (y ∝ x): L* = 0 exactly, reached on ∏w = λ', () => {
    const m = deepScalarData.create({ dim: 2, data: { x: ['0.1', '-0.3', '0'], y: ['0.2', '-0.6', '0'] } });
    const { b, t: w } = expectExactMinimum(m, ['4', '0.5'], '0');
    // ∇L = (aπ − b)g with a = mean(x²) rounded (1/30 here): zero to the field's rounding.
    for (const g of b.grad(w)) expect(Math.abs(b.F.toNumber(g))).toBeLessThan(1e-48);
  });

  it('non-interpolating data: L* = c − b²/(2a) at ∏w = b/a, gradient 0, Hessian a·ggᵀ; lossStar text undefined', () => {
    // x = (1, 2), y = (1, 1): a = 5/2, b = 3/2, c = 1/2, L* = 1/2 − 9/20 = 1/20; minimizer π = 3/5.
    const m = deepScalarData.create({ dim: 2, data: { x: ['1', '2'], y: ['1', '1'] } });
    expect(m.lossStar).toBeUndefined();
    const F = decimalField(50);
    const b = m.bind(F);
    const w = [F.from('0.5'), F.from('1.2')];
    expect(F.toString(b.loss(w))).toBe('0.05');
    expect(F.toString(m.manifold!.residual(F, w))).toBe('0');
    expect(b.grad(w).map((g) => F.toString(g))).toEqual(['0', '0']);
    // g = (1.2, 0.5), a = 2.5: H = a ggᵀ = [[3.6, 1.5], [1.5, 0.625]]
    expect(b.hessian(w).map((row) => row.map((h) => F.toString(h)))).toEqual([
      ['3.6', '1.5'],
      ['1.5', '0.625'],
    ]);
    // the loss is never below L*, even in f64 (L* is a sum of squares)
    const lo = m.bind(f64);
    expect(lo.loss([0.5, 1.2])).toBeGreaterThanOrEqual(0.05 - 1e-17);
  });

  it('rejects bad input, naming the option', () => {
    expect(() => deepScalarData.create({ dim: 2, data: { x: ['1'] } })).toThrow(/data: "y" must be an array/);
    expect(() => deepScalarData.create({ dim: 2, data: { x: ['1', '2'], y: ['1'] } })).toThrow(/data: "y" must have 2 entries/);
    expect(() => deepScalarData.create({ dim: 2, data: { x: ['0', '0.0'], y: ['1', '2'] } })).toThrow(/data: "x" must not be all zero/);
    expect(() => deepScalarData.create({ dim: 2, data: { x: ['1'], y: ['1'], z: ['1'] } })).toThrow(/data: unknown key "z"/);
    expect(() => deepScalarData.create({ dim: 2 })).toThrow(/data: model deep-scalar-data needs data/);
    expect(() => deepScalarData.create({ data: { x: ['1'], y: ['1'] } })).toThrow(/theta/);
    expect(() => deepScalarData.create({ dim: 0, data: { x: ['1'], y: ['1'] } })).toThrow(/theta: model deep-scalar-data needs at least 1/);
    expect(() => deepScalarData.create({ dim: 2, data: { x: ['1'], y: ['1'] }, params: { target: '1' } })).toThrow(/params: unknown parameter "target"/);
  });
});
