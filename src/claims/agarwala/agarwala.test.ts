import { describe, expect, test } from 'vitest';
import { getModelDef } from '../../models/registry.js';
import { f64 } from '../../numerics/f64Field.js';
import { type Qr2dInstance } from './agarwala.js';
import { gd } from '../../dynamics/gd.js';
import { AGARWALA_CLAIMS } from './index.js';
import { UV_QR } from '../../../test-support/uvRegression.js';

describe('Agarwala, Pedregosa, Pennington claims (quadratic regression)', () => {
  test('the array holds both claims', () => {
    expect(AGARWALA_CLAIMS.map((c) => c.id)).toEqual(['agarwala.2d-closure', 'agarwala.generic-high-dim']);
  });

  test('the 2-D model is the uv model: quadratic-regression with Q = [[0, 1], [1, 0]] and uv give the same GD iterates', () => {
    const inst: Qr2dInstance = {
      model: 'quadratic-regression',
      data: UV_QR,
      theta: ['2.1', '0.3'],
      lr: '0.45',
      steps: 40,
    };
    const qr = getModelDef('quadratic-regression')
      .create({ params: {}, data: inst.data as never, dim: 2 })
      .bind(f64);
    const uv = getModelDef('uv')
      .create({ params: { target: '1' }, dim: 2 })
      .bind(f64);
    const gq = gd(qr, { lr: 0.45 });
    const gu = gd(uv, { lr: 0.45 });
    let a = gq.init([2.1, 0.3]);
    let b = gu.init([2.1, 0.3]);
    for (let t = 0; t < inst.steps; t++) {
      a = gq.step(a);
      b = gu.step(b);
      expect(Math.abs(a.theta[0] - b.theta[0]) + Math.abs(a.theta[1] - b.theta[1])).toBeLessThan(1e-9 * (1 + Math.abs(b.theta[0]) + Math.abs(b.theta[1])));
    }
  });
});
