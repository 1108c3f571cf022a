import fc from 'fast-check';
import type { DecimalText, ModelInput } from '../models/model.js';
import { decimalMatrix, decimalText, decimalVector, symmetricMatrix } from './decimalText.js';

/** A model family's instance: what `create` takes and a point θ. */
export interface ModelInstance {
  readonly id: string;
  readonly input: ModelInput;
  readonly theta: DecimalText[];
}

const inst = (id: string, theta: DecimalText[], input: Omit<ModelInput, 'dim'> = {}): ModelInstance => ({ id, theta, input: { ...input, dim: theta.length } });

const size = (min: number, max: number) => fc.integer({ min, max });

/**
 * Random instances of every built-in model, small enough for decimal arithmetic (dimension ≤ 12),
 * with coordinates of moderate size so losses stay well inside the float64 range.
 */
export const MODEL_INSTANCES: Readonly<Record<string, fc.Arbitrary<ModelInstance>>> = {
  quadratic: size(1, 6)
    .chain((p) => fc.tuple(symmetricMatrix(p, -3, 3), decimalVector(p, -2, 2), decimalVector(p, -2, 2)))
    .map(([A, b, theta]) => inst('quadratic', theta, { data: { A, b } })),
  'deep-scalar': size(1, 6)
    .chain((D) => fc.tuple(decimalVector(D, -1.8, 1.8), decimalText(-2, 2)))
    .map(([w, y]) => inst('deep-scalar', w, { params: { target: y } })),
  'deep-scalar-data': fc
    .tuple(size(1, 5), size(1, 6))
    .chain(([D, n]) =>
      // x = 0 everywhere makes the loss constant in θ; the model rejects it.
      fc.tuple(
        decimalVector(D, -1.5, 1.5),
        decimalVector(n, -2, 2).filter((x) => x.some((v) => Number(v) !== 0)),
        decimalVector(n, -2, 2),
      ),
    )
    .map(([w, x, y]) => inst('deep-scalar-data', w, { data: { x, y } })),
  uv: size(1, 4)
    .chain((m) => fc.tuple(decimalVector(2 * m, -2, 2), decimalText(-2, 2)))
    .map(([theta, y]) => inst('uv', theta, { params: { target: y } })),
  'inner-product': size(1, 3)
    .chain((k) => fc.tuple(decimalVector(2 * k, -1.5, 1.5), fc.constantFrom('square', 'logcosh', 'quartic'), decimalText(0.1, 2)))
    .map(([theta, loss, mu]) => inst('inner-product', theta, { params: { loss, mu } })),
  'matrix-factorization': fc
    .tuple(size(1, 3), size(1, 3), size(1, 2))
    .chain(([n, p, r]) => fc.tuple(decimalMatrix(n, p, -2, 2), decimalVector((n + p) * r, -1.5, 1.5), fc.constant(r)))
    .map(([A, theta, r]) => inst('matrix-factorization', theta, { data: { A, rank: String(r) } })),
  'diagonal-linear': fc
    .tuple(size(1, 4), size(1, 5))
    .chain(([d, n]) => fc.tuple(decimalMatrix(n, d, -2, 2), decimalVector(n, -2, 2), decimalVector(2 * d, -1.5, 1.5)))
    .map(([X, y, theta]) => inst('diagonal-linear', theta, { data: { X, y } })),
  // 1 to 3 layers of widths 1..2 (bottlenecks included), n ≤ 3 samples: dimension ≤ 12 (the
  // dec:50 eigensolver of the spectral tests is cubic in it).
  'deep-linear': fc
    .tuple(fc.array(size(1, 2), { minLength: 2, maxLength: 4 }), size(1, 3))
    .chain(([widths, n]) => {
      let p = 0;
      for (let l = 1; l < widths.length; l++) p += widths[l] * widths[l - 1];
      return fc.tuple(decimalMatrix(n, widths[0], -2, 2), decimalMatrix(n, widths[widths.length - 1], -2, 2), decimalVector(p, -1.5, 1.5), fc.constant(widths));
    })
    .map(([X, Y, theta, widths]) => inst('deep-linear', theta, { data: { X, Y, widths: widths.map(String) } })),
  // Input dimension and samples ≤ 2, width 1: every σ is a decimal series (1–2 ms at 100 digits) per
  // unit and sample, and the shared 100-digit trajectory oracles take 2·dim·m·n of them per step (a
  // width-2 instance costs 5–10 s there). Wider networks and softplus (exp and log, ~5× tanh) are
  // checked by the model's own tests (twoLayer.test.ts, width ≤ 3).
  'two-layer': fc
    .tuple(fc.constant(1), size(1, 2), size(1, 2))
    .chain(([m, d, n]) =>
      fc.tuple(decimalMatrix(n, d, -2, 2), decimalVector(n, -2, 2), decimalVector(m * (d + 1), -1.5, 1.5), fc.constantFrom('tanh', 'sigmoid'), fc.constant(m)),
    )
    .map(([X, y, theta, activation, m]) => inst('two-layer', theta, { params: { width: String(m), activation }, data: { X, y } })),
  'quadratic-regression': fc
    .tuple(size(1, 4), size(1, 3))
    .chain(([p, n]) =>
      fc.tuple(
        decimalMatrix(n, p, -2, 2),
        fc.array(symmetricMatrix(p, -1, 1), { minLength: n, maxLength: n }),
        decimalVector(n, -2, 2),
        decimalVector(p, -1.5, 1.5),
      ),
    )
    .map(([J, Q, y, theta]) => inst('quadratic-regression', theta, { data: { J, Q, y } })),
  quartic: fc.tuple(decimalVector(1, -2, 2), decimalText(0.1, 3)).map(([theta, mu]) => inst('quartic', theta, { params: { mu } })),
  minimalist: decimalVector(2, -1.5, 1.5).map((theta) => inst('minimalist', theta)),
  'manifold-toy': decimalVector(2, -2, 2).map((theta) => inst('manifold-toy', theta)),
  'cubic-toy': fc
    .tuple(decimalVector(2, -2, 2), decimalText(0.5, 3), decimalText(-2, 2), decimalText(0, 1))
    .map(([theta, a0, b, c]) => inst('cubic-toy', theta, { params: { a0, b, c } })),
  expr: fc
    .tuple(decimalVector(2, -1.5, 1.5), fc.constantFrom('(x*y - 1)^2 / 2', 'log(cosh(x*y - 0.3))', 'sin(x)*exp(y) + x^3*y', '(1 + y^2)*x^2/2'))
    .map(([theta, expr]) => inst('expr', theta, { expr, vars: ['x', 'y'] })),
};
