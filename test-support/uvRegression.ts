import type { Qr2dInstance } from '../src/claims/agarwala/agarwala.js';

/** f = θ₁θ₂ as quadratic regression (J = 0, Q = [[0, 1], [1, 0]], y = 1): the uv model, the form agarwala.2d-closure is stated for. */
export const UV_QR: Qr2dInstance['data'] = {
  J: [['0', '0']],
  Q: [
    [
      ['0', '1'],
      ['1', '0'],
    ],
  ],
  y: ['1'],
};
