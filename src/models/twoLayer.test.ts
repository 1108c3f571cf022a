import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decimalMatrix, decimalVector } from '../../test-support/decimalArbs.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import { intervalField } from '../numerics/intervalField.js';
import { expr } from './expr.js';
import { twoLayer } from './twoLayer.js';
import { assertDerivatives } from '../../test-support/expectDerivatives.js';

const instance = fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 })).chain(([m, d, n]) =>
  fc.record({
    width: fc.constant(String(m)),
    activation: fc.constantFrom('tanh', 'softplus', 'sigmoid'),
    X: decimalMatrix(n, d, -2, 2),
    y: decimalVector(n, -2, 2),
    theta: decimalVector(m * (d + 1), -1.5, 1.5),
    u: decimalVector(m * (d + 1), -1, 1),
    v: decimalVector(m * (d + 1), -1, 1),
  }),
);

describe('two-layer', () => {
  it('closed forms agree with 90-digit finite differences (1e-30), f64 to 1e-10, dec:50 to 1e-30, for every activation', () => {
    assertDerivatives(twoLayer, instance, ({ width, activation, X, y }) => ({ params: { width, activation }, data: { X, y } }), { numRuns: 40, seed: 14 });
  });

  it('is the formula it documents: against the expr model written out by hand (m = 2, d = 1, n = 2)', () => {
    // f(x) = (a₁σ(w₁x) + a₂σ(w₂x))/√2 on x = 0.5 → y = 0.3 and x = −1.5 → y = −0.2; θ = (w₁, w₂, a₁, a₂).
    const data = { X: [['0.5'], ['-1.5']], y: ['0.3', '-0.2'] };
    const formulas: Record<string, (z: string) => string> = {
      tanh: (z) => `tanh(${z})`,
      sigmoid: (z) => `1/(1 + exp(-(${z})))`,
      softplus: (z) => `log(1 + exp(${z}))`,
    };
    const F = decimalField(60);
    const t = ['0.7', '-1.2', '1.1', '0.4'].map((s) => F.from(s));
    const e = ['0.3', '0.5', '-0.8', '0.6'].map((s) => F.from(s));
    for (const [activation, s] of Object.entries(formulas)) {
      const f = (x: string) => `(a1*${s(`w1*${x}`)} + a2*${s(`w2*${x}`)})/sqrt(2)`;
      const ref = expr.create({ expr: `((${f('0.5')} - 0.3)^2 + (${f('(-1.5)')} + 0.2)^2)/4`, vars: ['w1', 'w2', 'a1', 'a2'] }).bind(F);
      const got = twoLayer.create({ dim: 4, params: { width: '2', activation }, data }).bind(F);
      const diff = (a: ReturnType<typeof F.from>, b: ReturnType<typeof F.from>) => Math.abs(F.toNumber(F.sub(a, b)));
      expect(diff(got.loss(t), ref.loss(t)), activation).toBeLessThan(1e-50);
      got.third(t, e).forEach((x, i) => expect(diff(x, ref.third(t, e)[i]), activation).toBeLessThan(1e-50));
      got.hessian(t).forEach((row, i) => row.forEach((x, j) => expect(diff(x, ref.hessian(t)[i][j])).toBeLessThan(1e-50)));
    }
  });

  it('names θ as documented, defaults to tanh, and encloses the decimal values in interval arithmetic (every activation)', () => {
    const m = twoLayer.create({
      dim: 6,
      params: { width: '2' },
      data: {
        X: [
          ['1', '-0.5'],
          ['0.25', '2'],
        ],
        y: ['1', '0'],
      },
    });
    expect(m.thetaNames).toEqual(['w1_1', 'w1_2', 'w2_1', 'w2_2', 'a1', 'a2']);
    expect(m.params).toEqual({ width: '2', activation: 'tanh' });
    const t = ['0.3', '-0.7', '1.2', '0.1', '0.9', '-1.4'];
    const u = ['1', '0', '-0.5', '0.5', '0.2', '0.3'];
    const D = decimalField(60);
    const I = intervalField(40);
    for (const activation of ['tanh', 'softplus', 'sigmoid']) {
      const a = twoLayer.create({
        dim: 6,
        params: { width: '2', activation },
        data: {
          X: [
            ['1', '-0.5'],
            ['0.25', '2'],
          ],
          y: ['1', '0'],
        },
      });
      const want = a.bind(D).third(
        t.map((s) => D.from(s)),
        u.map((s) => D.from(s)),
      );
      const wantLoss = a.bind(D).loss(t.map((s) => D.from(s)));
      const got = a.bind(I);
      // The 40-digit enclosure contains the 60-digit value (to its last 15 digits) and is tight.
      const encloses = (z: ReturnType<typeof I.from>, w: ReturnType<typeof D.from>) => {
        const slack = w.abs().times('1e-45').plus('1e-50');
        expect(z.lo.lte(w.plus(slack)) && z.hi.gte(w.minus(slack)), activation).toBe(true);
        expect(I.radius(z), activation).toBeLessThan(1e-30);
      };
      encloses(got.loss(t.map((s) => I.from(s))), wantLoss);
      got
        .third(
          t.map((s) => I.from(s)),
          u.map((s) => I.from(s)),
        )
        .forEach((z, i) => encloses(z, want[i]));
    }
    // Far out on both sides σ saturates; f64 stays finite (softplus is evaluated without overflow).
    const far = twoLayer.create({ dim: 2, params: { width: '1', activation: 'softplus' }, data: { X: [['1']], y: ['0'] } }).bind(f64);
    expect(far.loss([800, 1])).toBeCloseTo(800 ** 2 / 2, 6);
    expect(far.grad([-800, 1]).every(Number.isFinite)).toBe(true);
  });

  it('rejects bad parameters and data, naming the parameter or field and the rule', () => {
    const data = {
      X: [
        ['1', '2'],
        ['3', '4'],
      ],
      y: ['1', '0'],
    };
    const mk =
      (params: Record<string, string>, d: Record<string, unknown> = data, dim?: number) =>
      () =>
        twoLayer.create({ params, data: d as never, ...(dim !== undefined ? { dim } : {}) });
    expect(mk({ width: '3' })().dim).toBe(9);
    expect(mk({})).toThrow(/model two-layer needs width=…/);
    expect(mk({ width: '0' })).toThrow(/width must be a positive integer \(at most 100000\), got 0/);
    expect(mk({ width: '1.5' })).toThrow(/width must be a positive integer/);
    expect(mk({ width: '50000' })).toThrow(/width must be at most 33333 here \(θ has width·\(d \+ 1\) coordinates, d = 2 columns of X\), got 50000/);
    expect(mk({ width: '2', activation: 'relu' })).toThrow(/activation must be one of tanh, softplus, sigmoid, got "relu"/);
    expect(mk({ width: '2', depth: '2' })).toThrow(/unknown parameter "depth"/);
    expect(mk({ width: '2' }, { X: data.X, y: ['1'] })).toThrow(/"y" must have 2 entries, got 1/);
    expect(mk({ width: '2' }, { X: [['1', '2'], ['3']], y: ['1', '0'] })).toThrow(/"X"\[1\] must be a row of 2 numbers/);
    expect(mk({ width: '2' }, { X: data.X })).toThrow(/"y" must be an array of numbers/);
    expect(mk({ width: '2' }, { ...data, Y: [] })).toThrow(/unknown key "Y"/);
    expect(mk({ width: '2' }, data, 5)).toThrow(/model two-layer has 6 coordinates here, got 5/);
  });
});
