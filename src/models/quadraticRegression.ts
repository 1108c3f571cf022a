import { UsageError } from '../errors.js';
import { f64 } from '../numerics/f64Field.js';
import type { Field, Mat, Vec } from '../numerics/field.js';
import { defineModel } from './defineModel.js';
import { matrixIn, vectorIn } from './inField.js';
import { indexedNames } from './indexedNames.js';
import type { DecimalText, ExactJson, ModelDef } from './model.js';
import { dataMatrix, dataVector, requireSymmetric } from './params.js';
import { quadraticRegressionKernelsF64 } from './quadraticRegressionKernelsF64.js';

const SHAPE = '{ "J": [[...]] (n×p), "Q": [[[...]]] (n×p×p, symmetric), "y": [...] (n) }';
const KEYS = ['J', 'Q', 'y'];

/** Validated data: J is n×p, Q is n×p×p with every Qᵢ symmetric, y has n entries. */
function readData(obj: Record<string, ExactJson>): { J: DecimalText[][]; Q: DecimalText[][][]; y: DecimalText[] } {
  const J = dataMatrix(obj, 'J');
  const n = J.length;
  const p = J[0].length;
  const y = dataVector(obj, 'y', n);
  const rawQ = obj.Q;
  if (!Array.isArray(rawQ) || rawQ.length !== n) {
    const got = Array.isArray(rawQ) ? `${rawQ.length} matrices` : rawQ === undefined ? 'nothing' : 'not an array';
    throw new UsageError(`"Q" must be an array of n = ${n} symmetric ${p}×${p} matrices (one per row of J), got ${got}`, 'data');
  }
  const Q = rawQ.map((q, i) => {
    const key = `Q[${i}]`;
    const m = dataMatrix({ [key]: q }, key, p, p);
    requireSymmetric(m, `"Q"[${i}]`);
    return m;
  });
  return { J, Q, y };
}

/**
 * M-QR (docs/claims/agarwala.md): fᵢ(θ) = Jᵢ·θ + ½θᵀQᵢθ, L = ½Σᵢ(fᵢ − yᵢ)², with rᵢ = fᵢ − yᵢ and the
 * Jacobian row J(θ)ᵢ = Jᵢ + Qᵢθ:
 *   ∇L = Σᵢ rᵢ J(θ)ᵢ,  ∇²L = J(θ)ᵀJ(θ) + Σᵢ rᵢQᵢ,
 *   ∇³L[u,u] = 2Σᵢ(J(θ)ᵢ·u)(Qᵢu) + Σᵢ(uᵀQᵢu)J(θ)ᵢ   (docs/claims/damian.md; no third term: fᵢ is quadratic).
 */
export const quadraticRegression: ModelDef = defineModel({
  id: 'quadratic-regression',
  title: 'Quadratic (second-order) regression',
  objective: '½Σᵢ(Jᵢ·θ + ½θᵀQᵢθ − yᵢ)²',
  thetaLayout: 'θ₁..θ_p (p = columns of J)',
  data: { shape: SHAPE, keys: KEYS, read: readData },
  build({ data }) {
    const n = data.J.length;
    const p = data.J[0].length;
    return {
      dim: p,
      thetaNames: indexedNames('theta', p),
      bind<T>(F: Field<T>) {
        const J = matrixIn(F, data.J);
        const Q = data.Q.map((m) => matrixIn(F, m));
        const Y = vectorIn(F, data.y);
        const two = F.int(2);
        const dot = (a: Vec<T>, b: Vec<T>): T => {
          let s = F.zero;
          for (let k = 0; k < a.length; k++) s = F.add(s, F.mul(a[k], b[k]));
          return s;
        };
        const matVec = (M: Mat<T>, v: Vec<T>): Vec<T> => M.map((row) => dot(row, v));
        /** Per example: the residual rᵢ and the Jacobian row Jᵢ + Qᵢθ. */
        const examples = (t: Vec<T>) => {
          const r: T[] = new Array(n);
          const Jt: T[][] = new Array(n);
          for (let i = 0; i < n; i++) {
            const Qt = matVec(Q[i], t);
            // fᵢ = θ·(Jᵢ + ½Qᵢθ)
            const f = dot(
              t,
              J[i].map((jk, k) => F.add(jk, F.div(Qt[k], two))),
            );
            r[i] = F.sub(f, Y[i]);
            Jt[i] = J[i].map((jk, k) => F.add(jk, Qt[k]));
          }
          return { r, Jt };
        };
        return {
          loss: (t: Vec<T>) => {
            const { r } = examples(t);
            return F.div(dot(r, r), two);
          },
          grad: (t: Vec<T>) => {
            const { r, Jt } = examples(t);
            const g: T[] = new Array(p).fill(F.zero);
            for (let i = 0; i < n; i++) for (let k = 0; k < p; k++) g[k] = F.add(g[k], F.mul(r[i], Jt[i][k]));
            return g;
          },
          hessian: (t: Vec<T>) => {
            const { r, Jt } = examples(t);
            const H: T[][] = Array.from({ length: p }, () => new Array(p).fill(F.zero));
            for (let j = 0; j < p; j++) {
              for (let k = j; k < p; k++) {
                let s = F.zero;
                for (let i = 0; i < n; i++) s = F.add(s, F.add(F.mul(Jt[i][j], Jt[i][k]), F.mul(r[i], Q[i][j][k])));
                H[j][k] = s;
                H[k][j] = s;
              }
            }
            return H;
          },
          hvp: (t: Vec<T>, v: Vec<T>) => {
            const { r, Jt } = examples(t);
            const out: T[] = new Array(p).fill(F.zero);
            for (let i = 0; i < n; i++) {
              const jv = dot(Jt[i], v);
              const Qv = matVec(Q[i], v);
              for (let k = 0; k < p; k++) out[k] = F.add(out[k], F.add(F.mul(jv, Jt[i][k]), F.mul(r[i], Qv[k])));
            }
            return out;
          },
          third: (t: Vec<T>, u: Vec<T>) => {
            const { Jt } = examples(t);
            const out: T[] = new Array(p).fill(F.zero);
            for (let i = 0; i < n; i++) {
              const Qu = matVec(Q[i], u);
              const ju2 = F.mul(two, dot(Jt[i], u));
              const uQu = dot(u, Qu);
              for (let k = 0; k < p; k++) out[k] = F.add(out[k], F.add(F.mul(ju2, Qu[k]), F.mul(uQu, Jt[i][k])));
            }
            return out;
          },
        };
      },
      kernelsF64: () =>
        quadraticRegressionKernelsF64(
          matrixIn(f64, data.J),
          data.Q.map((m) => matrixIn(f64, m)),
          vectorIn(f64, data.y),
        ),
    };
  },
});
