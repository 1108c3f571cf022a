import { Decimal } from 'decimal.js';
import { UsageError } from '../errors.js';
import type { Field, Mat, Vec } from '../numerics/field.js';
import { defineModel } from './defineModel.js';
import { matrixIn } from './inField.js';
import type { DecimalText, ExactJson, ModelDef } from './model.js';
import { dataMatrix, dataNumber } from './params.js';

const SHAPE = '{ "A": [[...]] (n×p), "rank": r (a positive integer) }';
const KEYS = ['A', 'rank'];

function readData(obj: Record<string, ExactJson>): { A: DecimalText[][]; rank: number } {
  const A = dataMatrix(obj, 'A');
  const text = dataNumber(obj, 'rank');
  const r = new Decimal(text);
  if (!r.isInteger() || !r.gte(1) || !r.lte(Number.MAX_SAFE_INTEGER)) {
    throw new UsageError(`"rank" must be a positive integer, got ${text}`, 'data');
  }
  return { A, rank: r.toNumber() };
}

/**
 * ½‖UVᵀ − A‖²_F with U ∈ ℝⁿˣʳ, V ∈ ℝᵖˣʳ, θ = (vec U, vec V) both row-major. With E = UVᵀ − A and a
 * direction (dU, dV), Ė = dU Vᵀ + U dVᵀ:
 *   ∇_U L = EV,  ∇_V L = EᵀU;
 *   ∇²L: ∂²/∂U_ia∂U_kb = δ_ik (VᵀV)_ab,  ∂²/∂V_ja∂V_lb = δ_jl (UᵀU)_ab,  ∂²/∂U_ia∂V_jb = U_ib V_ja + δ_ab E_ij;
 *   HVP: (Ė V + E dV,  Ėᵀ U + Eᵀ dU);
 *   eᵀ∇²L e = ‖Ė‖² + 2⟨E, dU dVᵀ⟩, whose gradient is ∇³L[e,e] = 2(Ė dV + dU dVᵀ V,  Ėᵀ dU + dV dUᵀ U).
 * L* = 0 (on UVᵀ = A) when r ≥ min(n, p); for a smaller rank it is half the tail of A's squared
 * singular values (Eckart–Young), not exact text, so it is left undefined.
 */
export const matrixFactorization: ModelDef = defineModel({
  id: 'matrix-factorization',
  title: 'Matrix factorization',
  objective: '½‖UVᵀ − A‖²_F',
  thetaLayout: 'vec U row-major (n×r), then vec V row-major (p×r)',
  data: { shape: SHAPE, keys: KEYS, read: readData },
  build({ data }) {
    const n = data.A.length;
    const p = data.A[0].length;
    const r = data.rank;
    const nU = n * r;
    const dim = (n + p) * r;
    const full = r >= Math.min(n, p);
    /** E = UVᵀ − A in a field. */
    const residual = <T>(F: Field<T>, A: Mat<T>, t: Vec<T>): Mat<T> => {
      const E: T[][] = [];
      for (let i = 0; i < n; i++) {
        const row: T[] = new Array(p);
        for (let j = 0; j < p; j++) {
          let s = F.neg(A[i][j]);
          for (let a = 0; a < r; a++) s = F.add(s, F.mul(t[i * r + a], t[nU + j * r + a]));
          row[j] = s;
        }
        E.push(row);
      }
      return E;
    };
    const names: string[] = [];
    for (let i = 0; i < n; i++) for (let a = 0; a < r; a++) names.push(`U${i + 1}_${a + 1}`);
    for (let j = 0; j < p; j++) for (let a = 0; a < r; a++) names.push(`V${j + 1}_${a + 1}`);
    return {
      dim,
      thetaNames: names,
      ...(full
        ? {
            lossStar: '0',
            manifold: {
              description: 'UVᵀ = A; residual ‖UVᵀ − A‖_F',
              residual: <T>(F: Field<T>, t: Vec<T>) => {
                const E = residual(F, matrixIn(F, data.A), t);
                let s = F.zero;
                for (const row of E) for (const x of row) s = F.add(s, F.mul(x, x));
                return F.sqrt(s);
              },
            },
          }
        : {}),
      bind<T>(F: Field<T>) {
        const A = matrixIn(F, data.A);
        const two = F.int(2);
        const U = (t: Vec<T>, i: number, a: number): T => t[i * r + a];
        const V = (t: Vec<T>, j: number, a: number): T => t[nU + j * r + a];
        /** M·B (n×r) for M n×p in a matrix and B p×r stored in θ-layout at `off`. */
        const mulMB = (M: Mat<T>, rows: number, cols: number, B: Vec<T>, off: number): T[] => {
          const out: T[] = new Array(rows * r);
          for (let i = 0; i < rows; i++) {
            for (let a = 0; a < r; a++) {
              let s = F.zero;
              for (let j = 0; j < cols; j++) s = F.add(s, F.mul(M[i][j], B[off + j * r + a]));
              out[i * r + a] = s;
            }
          }
          return out;
        };
        const transpose = (M: Mat<T>): Mat<T> => Array.from({ length: p }, (_, j) => M.map((row) => row[j]));
        /** (M V, Mᵀ U) stacked in θ-layout: the gradient when M = E. */
        const pair = (M: Mat<T>, t: Vec<T>): Vec<T> => [...mulMB(M, n, p, t, nU), ...mulMB(transpose(M), p, n, t, 0)];
        /** Ė = dU Vᵀ + U dVᵀ. */
        const dE = (t: Vec<T>, e: Vec<T>): Mat<T> => {
          const out: T[][] = [];
          for (let i = 0; i < n; i++) {
            const row: T[] = new Array(p);
            for (let j = 0; j < p; j++) {
              let s = F.zero;
              for (let a = 0; a < r; a++) {
                s = F.add(s, F.add(F.mul(U(e, i, a), V(t, j, a)), F.mul(U(t, i, a), V(e, j, a))));
              }
              row[j] = s;
            }
            out.push(row);
          }
          return out;
        };
        const loss = (t: Vec<T>): T => {
          let s = F.zero;
          for (const row of residual(F, A, t)) for (const x of row) s = F.add(s, F.mul(x, x));
          return F.div(s, two);
        };
        const grad = (t: Vec<T>): Vec<T> => pair(residual(F, A, t), t);
        const hessian = (t: Vec<T>): Mat<T> => {
          const E = residual(F, A, t);
          const H: T[][] = Array.from({ length: dim }, () => new Array<T>(dim).fill(F.zero));
          // UU block: δ_ik (VᵀV)_ab; VV block: δ_jl (UᵀU)_ab.
          for (let a = 0; a < r; a++) {
            for (let b = 0; b < r; b++) {
              let vv = F.zero;
              for (let j = 0; j < p; j++) vv = F.add(vv, F.mul(V(t, j, a), V(t, j, b)));
              let uu = F.zero;
              for (let i = 0; i < n; i++) uu = F.add(uu, F.mul(U(t, i, a), U(t, i, b)));
              for (let i = 0; i < n; i++) H[i * r + a][i * r + b] = vv;
              for (let j = 0; j < p; j++) H[nU + j * r + a][nU + j * r + b] = uu;
            }
          }
          // UV block: U_ib V_ja + δ_ab E_ij (and its transpose).
          for (let i = 0; i < n; i++) {
            for (let a = 0; a < r; a++) {
              for (let j = 0; j < p; j++) {
                for (let b = 0; b < r; b++) {
                  let h = F.mul(U(t, i, b), V(t, j, a));
                  if (a === b) h = F.add(h, E[i][j]);
                  H[i * r + a][nU + j * r + b] = h;
                  H[nU + j * r + b][i * r + a] = h;
                }
              }
            }
          }
          return H;
        };
        const hvp = (t: Vec<T>, e: Vec<T>): Vec<T> => {
          const E = residual(F, A, t);
          const Ed = dE(t, e);
          const a = pair(Ed, t);
          const b = [...mulMB(E, n, p, e, nU), ...mulMB(transpose(E), p, n, e, 0)];
          return a.map((x, i) => F.add(x, b[i]));
        };
        const third = (t: Vec<T>, e: Vec<T>): Vec<T> => {
          const Ed = dE(t, e);
          // M = dU dVᵀ (n×p).
          const M: T[][] = [];
          for (let i = 0; i < n; i++) {
            const row: T[] = new Array(p);
            for (let j = 0; j < p; j++) {
              let s = F.zero;
              for (let a = 0; a < r; a++) s = F.add(s, F.mul(U(e, i, a), V(e, j, a)));
              row[j] = s;
            }
            M.push(row);
          }
          // (Ė dV, Ėᵀ dU) + (M V, Mᵀ U), doubled.
          const x = [...mulMB(Ed, n, p, e, nU), ...mulMB(transpose(Ed), p, n, e, 0)];
          const y = pair(M, t);
          return x.map((xi, i) => F.mul(two, F.add(xi, y[i])));
        };
        return { loss, grad, hessian, hvp, third };
      },
    };
  },
});
