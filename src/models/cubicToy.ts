import type { Field, Vec } from '../numerics/field.js';
import { defineModel } from './defineModel.js';
import type { ModelDef } from './model.js';

/**
 * The simplest self-stabilization toy with exactly cubic structure (docs/claims/damian.md, M-SS):
 * L(x, z) = ½(a₀ + b·z)x² − c·z.
 *   ∇L = ((a₀ + bz)x, ½bx² − c),  ∇²L = [[a₀ + bz, bx], [bx, 0]],
 *   the only nonzero third derivative is ∂xxz = b, so ∇³L[u,u] = (2b·u_x·u_z, b·u_x²).
 * At x = 0 with a₀ + bz > 0 the top eigenvector is e_x and ∇S = (0, b); α = bc, β = b².
 * Unbounded below when c ≠ 0 or b ≠ 0, so there is no L*.
 */
export const cubicToy: ModelDef = defineModel({
  id: 'cubic-toy',
  title: 'Self-stabilization cubic toy (Damian et al.)',
  objective: '½(a₀ + b·z)x² − c·z',
  thetaLayout: 'x, z',
  params: [
    { name: 'a0', description: 'the sharpness a₀ at z = 0', default: '1' },
    { name: 'b', description: 'the slope b of the sharpness in z (‖∇S‖ at x = 0)', default: '1' },
    { name: 'c', description: 'the slope c of the loss along z (α = bc)', default: '0.1' },
  ],
  build({ params }) {
    return {
      dim: 2,
      thetaNames: ['x', 'z'],
      bind<T>(F: Field<T>) {
        const A0 = F.from(params.a0);
        const B = F.from(params.b);
        const C = F.from(params.c);
        const two = F.int(2);
        const s = (z: T) => F.add(A0, F.mul(B, z));
        return {
          loss: ([x, z]: Vec<T>) => F.sub(F.div(F.mul(s(z), F.mul(x, x)), two), F.mul(C, z)),
          grad: ([x, z]: Vec<T>) => [F.mul(s(z), x), F.sub(F.div(F.mul(B, F.mul(x, x)), two), C)],
          hessian: ([x, z]: Vec<T>) => {
            const off = F.mul(B, x);
            return [
              [s(z), off],
              [off, F.zero],
            ];
          },
          third: (_t: Vec<T>, [a, b]: Vec<T>) => [F.mul(F.mul(two, B), F.mul(a, b)), F.mul(B, F.mul(a, a))],
        };
      },
    };
  },
});
