import type { Field, Vec } from '../numerics/field.js';
import { defineModel } from './defineModel.js';
import type { ModelDef } from './model.js';

/**
 * M-MANIFOLD (docs/claims/arora.md): L(x, z) = ½(1 + z²)x², minimizers Γ = {x = 0}.
 *   ∇L = ((1 + z²)x, zx²),  ∇²L = [[1 + z², 2xz], [2xz, x²]],
 *   the only nonzero third derivatives are ∂xxz = 2z and ∂xzz = 2x.
 * On Γ the Hessian is diag(1 + z², 0), so λ₁ = 1 + z².
 */
export const manifoldToy: ModelDef = defineModel({
  id: 'manifold-toy',
  title: 'Manifold-of-minimizers toy (Arora et al.)',
  objective: '½(1 + z²)x²',
  thetaLayout: 'x, z',
  build() {
    return {
      dim: 2,
      thetaNames: ['x', 'z'],
      lossStar: '0',
      manifold: {
        description: 'x = 0 (codimension 1)',
        residual: <T>(_F: Field<T>, t: Vec<T>) => t[0],
      },
      bind<T>(F: Field<T>) {
        const two = F.int(2);
        const four = F.int(4);
        const s = (z: T) => F.add(F.one, F.mul(z, z));
        return {
          loss: ([x, z]: Vec<T>) => F.div(F.mul(s(z), F.mul(x, x)), two),
          grad: ([x, z]: Vec<T>) => [F.mul(s(z), x), F.mul(z, F.mul(x, x))],
          hessian: ([x, z]: Vec<T>) => {
            const off = F.mul(two, F.mul(x, z));
            return [
              [s(z), off],
              [off, F.mul(x, x)],
            ];
          },
          third: ([x, z]: Vec<T>, [a, b]: Vec<T>) => {
            // ∂xxz = 2z, ∂xzz = 2x: entry x is 2·2z·ab + 2x·b², entry z is 2z·a² + 2·2x·ab.
            const ab = F.mul(a, b);
            return [F.add(F.mul(F.mul(four, z), ab), F.mul(F.mul(two, x), F.mul(b, b))), F.add(F.mul(F.mul(two, z), F.mul(a, a)), F.mul(F.mul(four, x), ab))];
          },
        };
      },
    };
  },
});
