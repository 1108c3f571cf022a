import { Decimal } from 'decimal.js';
import type { Field, Mat, Vec } from '../numerics/field.js';
import { defineModel } from './defineModel.js';
import { indexedNames } from './indexedNames.js';
import { innerProductKernelsF64 } from './innerProductKernelsF64.js';
import { f64 } from '../numerics/f64Field.js';
import type { DecimalText, ModelDef } from './model.js';
import { thetaDim } from './params.js';

type LossName = 'square' | 'logcosh' | 'quartic';

/** ℓ and its first three derivatives at s, in a field. */
interface Scalar<T> {
  l(s: T): T;
  d1(s: T): T;
  d2(s: T): T;
  d3(s: T): T;
}

function scalarLoss<T>(F: Field<T>, name: LossName, mu: T): Scalar<T> {
  const half = F.div(F.one, F.int(2));
  switch (name) {
    case 'square':
      // ℓ = ½(s − μ)²
      return {
        l: (s) => {
          const z = F.sub(s, mu);
          return F.mul(half, F.mul(z, z));
        },
        d1: (s) => F.sub(s, mu),
        d2: () => F.one,
        d3: () => F.zero,
      };
    case 'logcosh':
      // ℓ = log cosh z with z = s − μ, written as ½·asinh(½(tanh²z + sinh²z)) (the identity
      // log(1 + w) = asinh(w(2 + w)/(2(1 + w))) at w = sinh²z): no cancellation near z = 0, where
      // ℓ ≈ z²/2, and no branch on z. In f64 sinh²z overflows for |z| > 355 (ℓ is then +Infinity);
      // decimal and interval arithmetic have no such limit.
      // ℓ' = tanh z, ℓ'' = sech²z = 1/cosh²z, ℓ''' = −2 tanh z sech²z (relatively accurate for large |z|).
      return {
        l: (s) => {
          const z = F.sub(s, mu);
          const t = F.tanh(z);
          const h = F.sinh(z);
          return F.mul(half, F.asinh(F.mul(half, F.add(F.mul(t, t), F.mul(h, h)))));
        },
        d1: (s) => F.tanh(F.sub(s, mu)),
        d2: (s) => {
          const c = F.cosh(F.sub(s, mu));
          return F.div(F.one, F.mul(c, c));
        },
        d3: (s) => {
          const z = F.sub(s, mu);
          const c = F.cosh(z);
          return F.div(F.mul(F.int(-2), F.tanh(z)), F.mul(c, c));
        },
      };
    case 'quartic':
      // ℓ = ¼(s² − μ)², ℓ' = (s² − μ)s, ℓ'' = 3s² − μ, ℓ''' = 6s
      return {
        l: (s) => {
          const w = F.sub(F.mul(s, s), mu);
          return F.div(F.mul(w, w), F.int(4));
        },
        d1: (s) => F.mul(F.sub(F.mul(s, s), mu), s),
        d2: (s) => F.sub(F.mul(F.int(3), F.mul(s, s)), mu),
        d3: (s) => F.mul(F.int(6), s),
      };
  }
}

/** min ℓ over s ∈ ℝ as exact text: 0, except quartic with μ < 0 (minimum at s = 0: μ²/4, a terminating decimal). */
function minimumLoss(name: LossName, mu: DecimalText): DecimalText {
  const Exact = Decimal.clone({ precision: 1e6 });
  const m = new Exact(mu);
  if (name !== 'quartic' || !m.isNegative() || m.isZero()) return '0';
  return m.times(m).div(4).toString();
}

/**
 * ℓ(xᵀy) on θ = (x, y) ∈ ℝᵏ × ℝᵏ. With s = xᵀy, g = ∇s = (y, x) and the constant J = ∇²s = [[0, I], [I, 0]]:
 *   ∇F = ℓ'(s) g,  ∇²F = ℓ''(s) ggᵀ + ℓ'(s) J,
 *   ∇³F[u,u] = ℓ'''(s)(g·u)² g + 2ℓ''(s)(g·u) Ju + ℓ''(s)(uᵀJu) g.
 * Minimum: 0 on xᵀy = μ for square and logcosh, and for quartic with μ ≥ 0 (on (xᵀy)² = μ);
 * quartic with μ < 0 has its minimum μ²/4 on xᵀy = 0.
 */
export const innerProduct: ModelDef = defineModel({
  id: 'inner-product',
  title: 'Inner-product model ℓ(xᵀy)',
  objective: 'ℓ(xᵀy), ℓ(s) = ½(s−μ)² (square), log cosh(s−μ) (logcosh), ¼(s²−μ)² (quartic)',
  thetaLayout: 'x₁..x_k, y₁..y_k (k ≥ 1, half the length of θ)',
  params: [
    { name: 'loss', description: 'the scalar loss ℓ', default: 'square', values: ['square', 'logcosh', 'quartic'] },
    { name: 'mu', description: 'the target μ', default: '1' },
  ],
  build({ input, params }) {
    const dim = thetaDim('inner-product', input, 2, 2);
    const k = dim / 2;
    const name = params.loss as LossName;
    const mu = params.mu;
    const lossStar = minimumLoss(name, mu);
    const quarticNegative = name === 'quartic' && lossStar !== '0';
    const s = <T>(F: Field<T>, t: Vec<T>): T => {
      let acc = F.zero;
      for (let i = 0; i < k; i++) acc = F.add(acc, F.mul(t[i], t[k + i]));
      return acc;
    };
    const manifold =
      name !== 'quartic'
        ? { description: `xᵀy = ${mu}`, residual: <T>(F: Field<T>, t: Vec<T>) => F.sub(s(F, t), F.from(mu)) }
        : quarticNegative
          ? { description: 'xᵀy = 0', residual: <T>(F: Field<T>, t: Vec<T>) => s(F, t) }
          : {
              description: `(xᵀy)² = ${mu}`,
              residual: <T>(F: Field<T>, t: Vec<T>) => {
                const v = s(F, t);
                return F.sub(F.mul(v, v), F.from(mu));
              },
            };
    return {
      dim,
      thetaNames: [...indexedNames('x', k), ...indexedNames('y', k)],
      lossStar,
      manifold,
      bind<T>(F: Field<T>) {
        const ell = scalarLoss(F, name, F.from(mu));
        const two = F.int(2);
        /** g = (y, x); also Ju for the swap J. */
        const swap = (t: Vec<T>): Vec<T> => [...t.slice(k, dim), ...t.slice(0, k)];
        const dot = (a: Vec<T>, b: Vec<T>): T => {
          let acc = F.zero;
          for (let i = 0; i < dim; i++) acc = F.add(acc, F.mul(a[i], b[i]));
          return acc;
        };
        const loss = (t: Vec<T>): T => ell.l(s(F, t));
        const grad = (t: Vec<T>): Vec<T> => {
          const d1 = ell.d1(s(F, t));
          return swap(t).map((gi) => F.mul(d1, gi));
        };
        const hessian = (t: Vec<T>): Mat<T> => {
          const v = s(F, t);
          const d1 = ell.d1(v);
          const d2 = ell.d2(v);
          const g = swap(t);
          return g.map((gi, i) =>
            g.map((gj, j) => {
              const gg = F.mul(d2, F.mul(gi, gj));
              return j === i + k || i === j + k ? F.add(gg, d1) : gg;
            }),
          );
        };
        const hvp = (t: Vec<T>, w: Vec<T>): Vec<T> => {
          const v = s(F, t);
          const d1 = ell.d1(v);
          const c = F.mul(ell.d2(v), dot(swap(t), w));
          const Jw = swap(w);
          return swap(t).map((gi, i) => F.add(F.mul(c, gi), F.mul(d1, Jw[i])));
        };
        const third = (t: Vec<T>, u: Vec<T>): Vec<T> => {
          const v = s(F, t);
          const d2 = ell.d2(v);
          const d3 = ell.d3(v);
          const g = swap(t);
          const Ju = swap(u);
          const gu = dot(g, u);
          const uJu = dot(u, Ju);
          const cg = F.add(F.mul(d3, F.mul(gu, gu)), F.mul(d2, uJu));
          const cJ = F.mul(two, F.mul(d2, gu));
          return g.map((gi, i) => F.add(F.mul(cg, gi), F.mul(cJ, Ju[i])));
        };
        return { loss, grad, hessian, hvp, third };
      },
      kernelsF64: () => innerProductKernelsF64(name, k, f64.from(mu)),
    };
  },
});
