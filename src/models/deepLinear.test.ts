import { describe, expect, it } from 'vitest';
import { deepLinearInstance } from '../../test-support/decimalArbs.js';
import { decimalField } from '../numerics/decimalField.js';
import { f64 } from '../numerics/f64Field.js';
import { intervalField } from '../numerics/intervalField.js';
import { deepLinear } from './deepLinear.js';
import { deepScalarData } from './deepScalarData.js';
import { assertDerivatives } from '../../test-support/expectDerivatives.js';

const instance = deepLinearInstance;

/** (1/2n)Σₖ‖W_D⋯W₁xₖ − yₖ‖² from θ's documented layout, by plain loops over explicit matrices. */
function naiveLoss(X: number[][], Y: number[][], widths: number[], t: number[]): number {
  const Ws: number[][][] = [];
  let o = 0;
  for (let l = 1; l < widths.length; l++) {
    Ws.push(Array.from({ length: widths[l] }, (_, i) => t.slice(o + i * widths[l - 1], o + (i + 1) * widths[l - 1])));
    o += widths[l] * widths[l - 1];
  }
  let s = 0;
  X.forEach((x, k) => {
    let a = x;
    for (const W of Ws) a = W.map((row) => row.reduce((acc, w, j) => acc + w * a[j], 0));
    a.forEach((ai, i) => (s += (ai - Y[k][i]) ** 2));
  });
  return s / (2 * X.length);
}

describe('deep-linear', () => {
  it('closed forms agree with 90-digit finite differences (1e-30), f64 to 1e-10, dec:50 to 1e-30; the loss is the per-sample sum', () => {
    assertDerivatives(
      deepLinear,
      instance,
      ({ widths, X, Y }) => ({ data: { X, Y, widths } }),
      { numRuns: 40, seed: 14 },
      (m, { widths, X, Y, theta }) => {
        const want = naiveLoss(
          X.map((r) => r.map(Number)),
          Y.map((r) => r.map(Number)),
          widths.map(Number),
          theta.map(Number),
        );
        expect(m.bind(f64).loss(theta.map(Number))).toBeCloseTo(want, 12);
      },
    );
  });

  it('one layer is linear regression: ∇²L = I ⊗ XᵀX/n, ∇³L = 0', () => {
    // W (2×3), X (4×3): H[(i,j),(i′,j′)] = δᵢᵢ′ (XᵀX)ⱼⱼ′/n.
    const X = [
      [1, 0, 2],
      [0.5, -1, 0],
      [2, 1, 1],
      [0, 0, -1],
    ];
    const Y = [
      ['1', '0'],
      ['0', '1'],
      ['2', '-1'],
      ['0.5', '0.5'],
    ];
    const m = deepLinear.create({ dim: 6, data: { X: X.map((r) => r.map(String)), Y, widths: ['3', '2'] } });
    expect(m.thetaNames).toEqual(['W1_1_1', 'W1_1_2', 'W1_1_3', 'W1_2_1', 'W1_2_2', 'W1_2_3']);
    const b = m.bind(f64);
    const t = [0.3, -0.2, 1, 0.7, 0.1, -0.5];
    const H = b.hessian(t);
    for (let p = 0; p < 6; p++) {
      for (let q = 0; q < 6; q++) {
        const [i, j] = [Math.floor(p / 3), p % 3];
        const [i2, j2] = [Math.floor(q / 3), q % 3];
        const xtx = X.reduce((s, x) => s + x[j] * x[j2], 0) / 4;
        expect(H[p][q]).toBeCloseTo(i === i2 ? xtx : 0, 14);
      }
    }
    expect(b.third(t, [1, 2, 3, 4, 5, 6]).every((x) => x === 0)).toBe(true);
  });

  it('widths [1, 1, 1] is deep-scalar-data with D = 2, in every field', () => {
    const x = ['0.5', '-1', '2'];
    const y = ['1', '0.3', '-0.7'];
    const a = deepLinear.create({ dim: 2, data: { X: x.map((v) => [v]), Y: y.map((v) => [v]), widths: ['1', '1', '1'] } });
    const b = deepScalarData.create({ dim: 2, data: { x, y } });
    const F = decimalField(60);
    const t = ['0.8', '-1.3'].map((s) => F.from(s));
    const e = ['0.6', '0.25'].map((s) => F.from(s));
    const A = a.bind(F);
    const B = b.bind(F);
    const close = (p: string, q: string) => expect(Math.abs(Number(F.toString(F.sub(F.from(p), F.from(q)))))).toBeLessThan(1e-50);
    close(F.toString(A.loss(t)), F.toString(B.loss(t)));
    A.third(t, e).forEach((z, i) => close(F.toString(z), F.toString(B.third(t, e)[i])));
    A.hessian(t).forEach((row, i) => row.forEach((z, j) => close(F.toString(z), F.toString(B.hessian(t)[i][j]))));
    // Interval arithmetic encloses the same values.
    const I = intervalField(40);
    const ti = ['0.8', '-1.3'].map((s) => I.from(s));
    const ei = ['0.6', '0.25'].map((s) => I.from(s));
    a.bind(I)
      .third(ti, ei)
      .forEach((z, i) => {
        // The 40-digit enclosure contains the 60-digit value (to its last 15 digits) and is tight.
        const want = B.third(t, e)[i];
        const slack = want.abs().times('1e-45').plus('1e-50');
        expect(z.lo.lte(want.plus(slack)) && z.hi.gte(want.minus(slack))).toBe(true);
        expect(I.radius(z)).toBeLessThan(1e-30);
      });
  });

  it('rejects bad data, naming the field and the rule', () => {
    const X = [
      ['1', '2'],
      ['3', '4'],
    ];
    const Y = [['1'], ['0']];
    const mk = (data: Record<string, unknown>, dim?: number) => () => deepLinear.create({ data: data as never, ...(dim !== undefined ? { dim } : {}) });
    expect(mk({ X, Y, widths: ['2', '1'] })().dim).toBe(2);
    expect(mk({ X, Y, widths: ['2'] })).toThrow(/"widths" must list d₀, …, d_D with at least 2 entries \(D ≥ 1 layers\), got 1/);
    expect(mk({ X, Y, widths: ['2', '1.5'] })).toThrow(/"widths"\[1\] must be a positive integer/);
    expect(mk({ X, Y, widths: ['0', '1'] })).toThrow(/"widths"\[0\] must be a positive integer/);
    expect(mk({ X, Y, widths: ['3', '1'] })).toThrow(/"X" must have widths\[0\] = 3 columns \(one row per sample\), got 2/);
    expect(mk({ X, Y: [['1']], widths: ['2', '1'] })).toThrow(/"Y" must have one row per row of "X" \(2\), got 1/);
    expect(mk({ X, Y, widths: ['2', '4', '2'] })).toThrow(/"Y" must have widths\[2\] = 2 columns, got 1/);
    expect(mk({ X, Y, widths: ['2', '100000', '1'] })).toThrow(/"widths" give 300000 coordinates .*at most 100000/);
    expect(mk({ X, Y })).toThrow(/"widths" must be an array of numbers/);
    expect(mk({ X, Y, widths: ['2', '1'], w: '1' })).toThrow(/unknown key "w"/);
    expect(mk({ X, Y, widths: ['2', '1'] }, 3)).toThrow(/model deep-linear has 2 coordinates here, got 3/);
    expect(() => deepLinear.create({ data: { X, Y, widths: ['2', '1'] }, params: { depth: '2' } })).toThrow(/unknown parameter "depth"/);
  });
});
