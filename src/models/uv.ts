import { f64 } from '../numerics/f64Field.js';
import type { Field, Mat, Vec } from '../numerics/field.js';
import { defineModel } from './defineModel.js';
import { indexedNames } from './indexedNames.js';
import type { ModelDef } from './model.js';
import { thetaDim } from './params.js';
import { uvKernelsF64 } from './uvKernelsF64.js';

/**
 * M-UV (docs/claims/wang-xu-zhao-tao.md), width m: L = ½(vᵀu/√m − y)², θ = (u, v). With r = vᵀu/√m − y,
 * g = ∇f = (v, u)/√m and the constant Q = ∇²f = J/√m, J = [[0, I], [I, 0]]:
 *   ∇L = r g,  ∇²L = ggᵀ + r Q,  ∇³L[e,e] = 2(g·e) Qe + (eᵀQe) g   (f is quadratic: ∇³f = 0).
 */
export const uv: ModelDef = defineModel({
  id: 'uv',
  title: 'Two-layer scalar (uv) model',
  objective: '½(vᵀu/√m − y)²',
  thetaLayout: 'u₁..u_m, v₁..v_m (m ≥ 1, half the length of θ)',
  params: [{ name: 'target', description: 'the target y', default: '1' }],
  build({ input, params }) {
    const dim = thetaDim('uv', input, 2, 2);
    const m = dim / 2;
    const y = params.target;
    /** vᵀu/√m. */
    const f = <T>(F: Field<T>, t: Vec<T>, rootM: T): T => {
      let s = F.zero;
      for (let i = 0; i < m; i++) s = F.add(s, F.mul(t[i], t[m + i]));
      return F.div(s, rootM);
    };
    return {
      dim,
      thetaNames: [...indexedNames('u', m), ...indexedNames('v', m)],
      lossStar: '0',
      manifold: {
        description: `vᵀu/√${m} = ${y} (codimension 1)`,
        residual: <T>(F: Field<T>, t: Vec<T>) => F.sub(f(F, t, F.sqrt(F.int(m))), F.from(y)),
      },
      bind<T>(F: Field<T>) {
        const Y = F.from(y);
        const rootM = F.sqrt(F.int(m));
        const two = F.int(2);
        const residual = (t: Vec<T>): T => F.sub(f(F, t, rootM), Y);
        /** g = (v, u)/√m. */
        const gradF = (t: Vec<T>): Vec<T> => {
          const g: T[] = new Array(dim);
          for (let i = 0; i < m; i++) {
            g[i] = F.div(t[m + i], rootM);
            g[m + i] = F.div(t[i], rootM);
          }
          return g;
        };
        /** Qe = (e_v, e_u)/√m. */
        const Q = (e: Vec<T>): Vec<T> => gradF(e);
        const dot = (a: Vec<T>, b: Vec<T>): T => {
          let s = F.zero;
          for (let i = 0; i < dim; i++) s = F.add(s, F.mul(a[i], b[i]));
          return s;
        };
        const loss = (t: Vec<T>): T => {
          const r = residual(t);
          return F.div(F.mul(r, r), two);
        };
        const grad = (t: Vec<T>): Vec<T> => {
          const r = residual(t);
          return gradF(t).map((gi) => F.mul(r, gi));
        };
        const hessian = (t: Vec<T>): Mat<T> => {
          const g = gradF(t);
          const rq = F.div(residual(t), rootM);
          return g.map((gi, i) =>
            g.map((gj, j) => {
              const gg = F.mul(gi, gj);
              return j === i + m || i === j + m ? F.add(gg, rq) : gg;
            }),
          );
        };
        const hvp = (t: Vec<T>, v: Vec<T>): Vec<T> => {
          const g = gradF(t);
          const gv = dot(g, v);
          const r = residual(t);
          const Qv = Q(v);
          return g.map((gi, i) => F.add(F.mul(gv, gi), F.mul(r, Qv[i])));
        };
        const third = (t: Vec<T>, e: Vec<T>): Vec<T> => {
          const g = gradF(t);
          const Qe = Q(e);
          const ge2 = F.mul(two, dot(g, e));
          const eQe = dot(e, Qe);
          return g.map((gi, i) => F.add(F.mul(ge2, Qe[i]), F.mul(eQe, gi)));
        };
        return { loss, grad, hessian, hvp, third };
      },
      kernelsF64: () => uvKernelsF64(m, f64.from(y)),
    };
  },
});
