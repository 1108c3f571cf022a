import { Decimal } from 'decimal.js';
import type { Field, Vec } from '../numerics/field.js';
import { defineModel } from './defineModel.js';
import type { ModelDef } from './model.js';
import { requireParam } from './params.js';

/**
 * M-QUARTIC (docs/claims/chen.md): L(θ) = ¼(θ² − μ)² on R, μ > 0.
 *   L' = (θ² − μ)θ,  L'' = 3θ² − μ,  L''' = 6θ,
 * so the sharpness at the minimizer θ = √μ is 2μ, and GD is the cubic map z⁺ = (1+a)z − az³
 * in z = θ/√μ, a = ημ.
 */
export const quartic: ModelDef = defineModel({
  id: 'quartic',
  title: 'One-dimensional quartic',
  objective: '¼(θ² − μ)²',
  thetaLayout: 'θ (one coordinate)',
  params: [{ name: 'mu', description: 'the square μ > 0 of the minimizers ±√μ', default: '1' }],
  build({ params }) {
    const mu = params.mu;
    requireParam(new Decimal(mu).gt(0), 'mu', 'positive', mu);
    return {
      dim: 1,
      thetaNames: ['theta'],
      lossStar: '0',
      manifold: {
        description: `θ² = ${mu} (the two points ±√μ)`,
        residual: <T>(F: Field<T>, t: Vec<T>) => F.sub(F.mul(t[0], t[0]), F.from(mu)),
      },
      bind<T>(F: Field<T>) {
        const MU = F.from(mu);
        const three = F.int(3);
        const six = F.int(6);
        const r = (t: Vec<T>) => F.sub(F.mul(t[0], t[0]), MU);
        return {
          loss: (t: Vec<T>) => {
            const s = r(t);
            return F.div(F.mul(s, s), F.int(4));
          },
          grad: (t: Vec<T>) => [F.mul(r(t), t[0])],
          hessian: (t: Vec<T>) => [[F.sub(F.mul(three, F.mul(t[0], t[0])), MU)]],
          third: (t: Vec<T>, u: Vec<T>) => [F.mul(F.mul(six, t[0]), F.mul(u[0], u[0]))],
        };
      },
    };
  },
});
