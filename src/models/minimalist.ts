import type { Field, Vec } from '../numerics/field.js';
import { defineModel } from './defineModel.js';
import type { ModelDef } from './model.js';

/**
 * M-ZHU, the minimalist example (docs/claims/zhu.md): L(x, y) = ¼(x²y² − 1)², r = x²y² − 1.
 *   ∇L = r·(xy², x²y),
 *   ∇²L = [[y²(3p − 1), 2xy(2p − 1)], [·, x²(3p − 1)]] with p = x²y²,
 *   ∂xxx = 6xy⁴, ∂xxy = 2y(6p − 1), ∂xyy = 2x(6p − 1), ∂yyy = 6x⁴y.
 * At a minimizer (xy = ±1) the eigenvalues are 0 and 2(x² + y²).
 */
export const minimalist: ModelDef = defineModel({
  id: 'minimalist',
  title: 'Minimalist example (Zhu et al.)',
  objective: '¼(x²y² − 1)²',
  thetaLayout: 'x, y',
  build() {
    return {
      dim: 2,
      thetaNames: ['x', 'y'],
      lossStar: '0',
      manifold: {
        description: 'x²y² = 1 (two hyperbolas xy = ±1)',
        residual: <T>(F: Field<T>, t: Vec<T>) => {
          const xy = F.mul(t[0], t[1]);
          return F.sub(F.mul(xy, xy), F.one);
        },
      },
      bind<T>(F: Field<T>) {
        const two = F.int(2);
        const three = F.int(3);
        const six = F.int(6);
        const parts = (t: Vec<T>) => {
          const [x, y] = t;
          const x2 = F.mul(x, x);
          const y2 = F.mul(y, y);
          const p = F.mul(x2, y2);
          return { x, y, x2, y2, p };
        };
        return {
          loss: (t: Vec<T>) => {
            const r = F.sub(parts(t).p, F.one);
            return F.div(F.mul(r, r), F.int(4));
          },
          grad: (t: Vec<T>) => {
            const { x, y, x2, y2, p } = parts(t);
            const r = F.sub(p, F.one);
            return [F.mul(r, F.mul(x, y2)), F.mul(r, F.mul(x2, y))];
          },
          hessian: (t: Vec<T>) => {
            const { x, y, x2, y2, p } = parts(t);
            const d = F.sub(F.mul(three, p), F.one);
            const off = F.mul(F.mul(two, F.mul(x, y)), F.sub(F.mul(two, p), F.one));
            return [
              [F.mul(y2, d), off],
              [off, F.mul(x2, d)],
            ];
          },
          third: (t: Vec<T>, u: Vec<T>) => {
            const { x, y, x2, y2, p } = parts(t);
            const q = F.sub(F.mul(six, p), F.one);
            const txxx = F.mul(six, F.mul(x, F.mul(y2, y2)));
            const txxy = F.mul(two, F.mul(y, q));
            const txyy = F.mul(two, F.mul(x, q));
            const tyyy = F.mul(six, F.mul(F.mul(x2, x2), y));
            const [a, b] = u;
            const aa = F.mul(a, a);
            const ab2 = F.mul(two, F.mul(a, b));
            const bb = F.mul(b, b);
            return [F.add(F.add(F.mul(txxx, aa), F.mul(txxy, ab2)), F.mul(txyy, bb)), F.add(F.add(F.mul(txxy, aa), F.mul(txyy, ab2)), F.mul(tyyy, bb))];
          },
        };
      },
    };
  },
});
