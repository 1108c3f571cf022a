import { f64 } from '../numerics/f64Field.js';
import type { Field, Mat, Vec } from '../numerics/field.js';
import { type DiagonalLinearF64, diagonalLinearF64 } from './diagonalLinearF64.js';
import { defineModel } from './defineModel.js';
import { matrixIn, vectorIn } from './inField.js';
import { indexedNames } from './indexedNames.js';
import type { ModelDef } from './model.js';
import { dataRegression } from './params.js';

const SHAPE = '{ "X": [[...]] (n×d), "y": [...] (n) }';
const KEYS = ['X', 'y'];

/**
 * M-DLN (docs/claims/even.md): L = (1/2n)‖X(u⊙v) − y‖², θ = (u, v). With β = u⊙v, res = Xβ − y,
 * g = Xᵀres/n and K = XᵀX/n:
 *   ∇_u L = v⊙g,  ∇_v L = u⊙g,
 *   ∇²L = [[D_v K D_v, D_v K D_u + D_g], [D_u K D_v + D_g, D_u K D_u]],
 * and (docs/claims/damian.md with fᵢ = xᵢ·(u⊙v), Jᵢ = (xᵢ⊙v, xᵢ⊙u), Qᵢ = [[0, diag xᵢ], [diag xᵢ, 0]], e = (a, b)):
 *   ∇³L[e,e] = (1/n)Σᵢ [2(Jᵢ·e)(xᵢ⊙b, xᵢ⊙a) + (eᵀQᵢe)(xᵢ⊙v, xᵢ⊙u)],  eᵀQᵢe = 2Σₖ xᵢₖaₖbₖ.
 * L* is left undefined: it is the least-squares residual of y on X (0 when y ∈ range X), which
 * would need an exact rank computation.
 */
export const diagonalLinear: ModelDef = defineModel({
  id: 'diagonal-linear',
  title: 'Diagonal linear network',
  objective: '(1/2n)‖X(u⊙v) − y‖²',
  thetaLayout: 'u₁..u_d, v₁..v_d (d = columns of X)',
  data: { shape: SHAPE, keys: KEYS, read: dataRegression },
  build({ data }) {
    const n = data.X.length;
    const d = data.X[0].length;
    const dim = 2 * d;
    // The float64 closed forms on typed arrays, bit-identical to the generic binding at f64 (built once, on first use).
    let fast: DiagonalLinearF64 | undefined;
    const fastF64 = () => (fast ??= diagonalLinearF64(matrixIn(f64, data.X), vectorIn(f64, data.y)));
    return {
      dim,
      thetaNames: [...indexedNames('u', d), ...indexedNames('v', d)],
      closedFormsF64: fastF64,
      bind<T>(F: Field<T>) {
        const X = matrixIn(F, data.X);
        const Y = vectorIn(F, data.y);
        const N = F.int(n);
        const two = F.int(2);
        // K = XᵀX/n, once.
        const K: T[][] = Array.from({ length: d }, (_, k) =>
          Array.from({ length: d }, (_, l) => {
            let s = F.zero;
            for (let i = 0; i < n; i++) s = F.add(s, F.mul(X[i][k], X[i][l]));
            return F.div(s, N);
          }),
        );
        /** Xw (n entries). */
        const Xw = (w: Vec<T>): T[] =>
          X.map((row) => {
            let s = F.zero;
            for (let k = 0; k < d; k++) s = F.add(s, F.mul(row[k], w[k]));
            return s;
          });
        /** Xᵀz/n (d entries). */
        const XTz = (z: Vec<T>): T[] =>
          Array.from({ length: d }, (_, k) => {
            let s = F.zero;
            for (let i = 0; i < n; i++) s = F.add(s, F.mul(X[i][k], z[i]));
            return F.div(s, N);
          });
        const uOf = (t: Vec<T>) => t.slice(0, d);
        const vOf = (t: Vec<T>) => t.slice(d, dim);
        const res = (t: Vec<T>): T[] => {
          const u = uOf(t);
          const v = vOf(t);
          return Xw(u.map((uk, k) => F.mul(uk, v[k]))).map((x, i) => F.sub(x, Y[i]));
        };
        const loss = (t: Vec<T>): T => {
          let s = F.zero;
          for (const r of res(t)) s = F.add(s, F.mul(r, r));
          return F.div(s, F.mul(two, N));
        };
        const grad = (t: Vec<T>): Vec<T> => {
          const g = XTz(res(t));
          const u = uOf(t);
          const v = vOf(t);
          return [...v.map((vk, k) => F.mul(vk, g[k])), ...u.map((uk, k) => F.mul(uk, g[k]))];
        };
        const hessian = (t: Vec<T>): Mat<T> => {
          const g = XTz(res(t));
          const u = uOf(t);
          const v = vOf(t);
          const H: T[][] = Array.from({ length: dim }, () => new Array<T>(dim));
          for (let k = 0; k < d; k++) {
            // Diagonal blocks computed once per pair and mirrored, so H is exactly symmetric.
            for (let l = k; l < d; l++) {
              H[k][l] = H[l][k] = F.mul(F.mul(v[k], K[k][l]), v[l]);
              H[d + k][d + l] = H[d + l][d + k] = F.mul(F.mul(u[k], K[k][l]), u[l]);
            }
            for (let l = 0; l < d; l++) {
              let uv = F.mul(F.mul(v[k], K[k][l]), u[l]);
              if (k === l) uv = F.add(uv, g[k]);
              H[k][d + l] = uv;
              H[d + l][k] = uv;
            }
          }
          return H;
        };
        const hvp = (t: Vec<T>, e: Vec<T>): Vec<T> => {
          const u = uOf(t);
          const v = vOf(t);
          const a = uOf(e);
          const b = vOf(e);
          const g = XTz(res(t));
          // K(v⊙a + u⊙b) = Xᵀ X (v⊙a + u⊙b) / n
          const Kw = XTz(Xw(a.map((ak, k) => F.add(F.mul(v[k], ak), F.mul(u[k], b[k])))));
          return [...v.map((vk, k) => F.add(F.mul(vk, Kw[k]), F.mul(g[k], b[k]))), ...u.map((uk, k) => F.add(F.mul(uk, Kw[k]), F.mul(g[k], a[k])))];
        };
        const third = (t: Vec<T>, e: Vec<T>): Vec<T> => {
          const u = uOf(t);
          const v = vOf(t);
          const a = uOf(e);
          const b = vOf(e);
          // Per example: cᵢ = 2Jᵢ·e = 2xᵢ·(v⊙a + u⊙b) and qᵢ = eᵀQᵢe = 2xᵢ·(a⊙b).
          const c = Xw(a.map((ak, k) => F.mul(two, F.add(F.mul(v[k], ak), F.mul(u[k], b[k])))));
          const q = Xw(a.map((ak, k) => F.mul(two, F.mul(ak, b[k]))));
          // Σᵢ cᵢ xᵢ / n and Σᵢ qᵢ xᵢ / n.
          const cx = XTz(c);
          const qx = XTz(q);
          return [...b.map((bk, k) => F.add(F.mul(cx[k], bk), F.mul(qx[k], v[k]))), ...a.map((ak, k) => F.add(F.mul(cx[k], ak), F.mul(qx[k], u[k])))];
        };
        return { loss, grad, hessian, hvp, third };
      },
    };
  },
});
