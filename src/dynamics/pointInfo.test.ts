import { Decimal } from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { intervalField } from '../numerics/intervalField.js';
import type { Interval } from '../numerics/interval.js';
import { pointInfo } from './pointInfo.js';
import { quadraticModel } from '../../test-support/quadraticModel.js';

/**
 * In interval arithmetic the Hessian's eigenpairs come certified (spectral/topEigenpairs), so a
 * check built on pointInfo runs at interval:N. Oracle: A = [[2, 1], [1, 2]] has eigenvalues 3 and
 * 1, with unit eigenvectors (1, 1)/√2 and (1, −1)/√2, in closed form.
 */
describe('pointInfo in interval arithmetic', () => {
  const F = intervalField(40);
  const model = quadraticModel(
    [
      ['2', '1'],
      ['1', '2'],
    ],
    ['0', '0'],
  ).bind(F);
  const P = pointInfo(model, [F.from('0.3'), F.from('-0.7')]);
  const inside = (x: Interval, v: Decimal.Value) => x.contains(v);
  const half = new (Decimal.clone({ precision: 60 }))('0.5').sqrt();

  it('encloses every eigenvalue, in descending order', () => {
    const { values } = P.eig();
    expect(values.map((v) => inside(v, 0))).toEqual([false, false]);
    expect(inside(values[0], 3) && inside(values[1], 1)).toBe(true);
    expect(F.radius(values[0])).toBeLessThan(1e-30);
  });

  it('encloses the top eigenvector (up to sign) in a narrow box', () => {
    const u = P.eig().vectors[0];
    const s = Math.sign(F.toNumber(u[0]));
    expect(inside(u[0], half.times(s)) && inside(u[1], half.times(s))).toBe(true);
    expect(Math.max(...u.map((x) => F.radius(x)))).toBeLessThan(1e-30);
  });
});
