import { describe, expect, it } from 'vitest';
import { getModelDef } from '../models/registry.js';
import { decimalField } from '../numerics/decimalField.js';
import { diagonalGdRule } from './diagonalGd.js';
import { gd } from './gd.js';
import { stepper } from './stepper.js';

describe('diagonalGdRule', () => {
  it("is the diagonal-linear model's GD step, given g = Xᵀ(X(u⊙v) − y)/n", () => {
    const F = decimalField(60);
    const X = [
      ['1', '0.5', '-0.3'],
      ['0.1', '-0.7', '0.4'],
    ];
    const y = ['0.8', '-0.5'];
    const model = getModelDef('diagonal-linear').create({ dim: 6, data: { X, y } }).bind(F);
    const Xf = X.map((r) => r.map((x) => F.from(x)));
    const yf = y.map((x) => F.from(x));
    const theta0 = ['0.8', '0.6', '0.4', '0.1', '-0.2', '0.3'].map((x) => F.from(x));
    let g: ReturnType<typeof F.from>[] = [];
    const fused = stepper(
      diagonalGdRule(F, F.from('0.3'), () => g),
      theta0,
    );
    const plain = stepper(gd(model, { lr: '0.3' }), theta0);
    for (let k = 0; k < 20; k++) {
      const th = fused.theta;
      const res = Xf.map((row, i) => row.reduce((s, x, j) => F.add(s, F.mul(x, F.mul(th[j], th[3 + j]))), F.neg(yf[i])));
      g = [0, 1, 2].map((j) =>
        F.div(
          Xf.reduce((s, row, i) => F.add(s, F.mul(row[j], res[i])), F.zero),
          F.int(2),
        ),
      );
      fused.step();
      plain.step();
      for (let i = 0; i < 6; i++) expect(F.toNumber(F.abs(F.sub(fused.theta[i], plain.theta[i])))).toBeLessThan(1e-50);
    }
  });
});
