import { Decimal } from 'decimal.js';
import { UsageError } from '../errors.js';
import { f64 } from '../numerics/f64Field.js';
import type { Field, Mat, Vec } from '../numerics/field.js';
import { product, scalarProductModel } from './deepScalar.js';
import { defineModel } from './defineModel.js';
import { vectorIn } from './inField.js';
import { indexedNames } from './indexedNames.js';
import type { DecimalText, ExactJson, ModelDef } from './model.js';
import { dataVector, thetaDim } from './params.js';
import { productKernelsF64 } from './productKernelsF64.js';

const SHAPE = '{ "x": [...], "y": [...] } (equal lengths n ≥ 1, x not all zero)';
const KEYS = ['x', 'y'];

/** Exact decimal arithmetic on literals: products of data never round at this precision. */
const Exact = Decimal.clone({ precision: 1e6 });

function readData(obj: Record<string, ExactJson>): { x: DecimalText[]; y: DecimalText[] } {
  const x = dataVector(obj, 'x');
  const y = dataVector(obj, 'y', x.length);
  if (x.every((t) => new Exact(t).isZero())) {
    throw new UsageError('"x" must not be all zero (the loss would not depend on θ)', 'data');
  }
  return { x, y };
}

/**
 * True when y is a multiple of x, exactly: with x_p ≠ 0, x_p·y_k = x_k·y_p for every k. Then one
 * value of ∏θ fits every example and L* = 0.
 */
function interpolable(x: readonly DecimalText[], y: readonly DecimalText[]): boolean {
  const p = x.findIndex((t) => !new Exact(t).isZero());
  const xp = new Exact(x[p]);
  const yp = new Exact(y[p]);
  return x.every((xk, k) => xp.times(y[k]).eq(new Exact(xk).times(yp)));
}

/**
 * Deep scalar network on n examples: L = (1/2n)Σₖ(xₖπ − yₖ)² with π = ∏ᵢθᵢ. With a = mean(x²),
 * b = mean(xy), c = mean(y²)/2 this is ½aπ² − bπ + c (shared closed forms: scalarProductModel).
 *
 * The loss is evaluated as ½a(π − b/a)² + L*, where L* = c − b²/(2a) is computed as the residual at
 * the optimum, (1/2n)Σₖ(yₖ − (b/a)xₖ)²: never negative, and accurate to the field's precision even
 * when the data nearly interpolate. L* is published as exact text ('0') only when the data
 * interpolate (y ∝ x, checked exactly); otherwise it is in general not a terminating decimal, so
 * `lossStar` is undefined (the loss still uses its value in the field).
 * Minimizers: ∏ᵢθᵢ = b/a (always, for D ≥ 1).
 */
export const deepScalarData: ModelDef = defineModel({
  id: 'deep-scalar-data',
  title: 'Deep scalar network on data',
  objective: '(1/2n)Σₖ(xₖ∏ᵢθᵢ − yₖ)²',
  thetaLayout: 'w₁..w_D (D ≥ 1, from the length of θ)',
  data: { shape: SHAPE, keys: KEYS, read: readData },
  build({ input, data }) {
    const D = thetaDim('deep-scalar-data', input, 1);
    const n = data.x.length;
    const fits = interpolable(data.x, data.y);
    /** a, b, c and (with `withStar`) L* in a field, from the decimal text of the data. */
    const moments = <T>(F: Field<T>, withStar: boolean) => {
      const X = vectorIn(F, data.x);
      const Y = vectorIn(F, data.y);
      let sxx = F.zero;
      let sxy = F.zero;
      let syy = F.zero;
      for (let k = 0; k < n; k++) {
        sxx = F.add(sxx, F.mul(X[k], X[k]));
        sxy = F.add(sxy, F.mul(X[k], Y[k]));
        syy = F.add(syy, F.mul(Y[k], Y[k]));
      }
      const N = F.int(n);
      const a = F.div(sxx, N);
      const b = F.div(sxy, N);
      const c = F.div(syy, F.int(2 * n));
      // L* = (1/2n)Σₖ(yₖ − λxₖ)² with λ = b/a: a sum of squares (never negative), and an error δ in
      // λ changes it only by ½aδ², since λ minimizes it. Interpolating data: exactly 0.
      let lossStar = F.zero;
      if (withStar && !fits) {
        const lambda = F.div(sxy, sxx);
        let s = F.zero;
        for (let k = 0; k < n; k++) {
          const r = F.sub(Y[k], F.mul(lambda, X[k]));
          s = F.add(s, F.mul(r, r));
        }
        lossStar = F.div(s, F.int(2 * n));
      }
      return { a, b, c, lossStar };
    };
    return {
      dim: D,
      thetaNames: indexedNames('w', D),
      ...(fits ? { lossStar: '0' } : {}),
      manifold: {
        description: '∏ᵢwᵢ = Σₖxₖyₖ / Σₖxₖ²',
        residual: <T>(F: Field<T>, w: Vec<T>) => {
          const { a, b } = moments(F, false);
          return F.sub(product(F, w), F.div(b, a));
        },
      },
      bind<T>(F: Field<T>) {
        const { a, b, c, lossStar } = moments(F, true);
        const m = scalarProductModel(F, a, b, c);
        const ratio = F.div(b, a);
        const halfA = F.div(a, F.int(2));
        const loss = (w: Vec<T>): T => {
          const r = F.sub(product(F, w), ratio);
          return F.add(F.mul(halfA, F.mul(r, r)), lossStar);
        };
        // scalarProductModel's Hessian is symmetric only up to rounding (prefix/suffix products in
        // different orders); mirror the upper triangle so it is exactly symmetric.
        const hessian = (w: Vec<T>): Mat<T> => {
          const H = m.hessian(w);
          for (let i = 0; i < H.length; i++) for (let j = 0; j < i; j++) H[i][j] = H[j][i];
          return H;
        };
        return { ...m, loss, hessian };
      },
      kernelsF64() {
        const { a, b, lossStar } = moments(f64, true);
        const ratio = b / a;
        const halfA = a / 2;
        return productKernelsF64(a, b, (p) => {
          const r = p - ratio;
          return halfA * (r * r) + lossStar;
        });
      },
    };
  },
});
