import { UsageError } from '../errors.js';
import { f64 } from '../numerics/f64Field.js';
import type { Field, Mat, Vec } from '../numerics/field.js';
import { defineModel } from './defineModel.js';
import { matrixIn, vectorIn } from './inField.js';
import { indexedNames } from './indexedNames.js';
import type { DecimalText, ExactJson, ModelDef } from './model.js';
import { dataMatrix, dataVector, requireSymmetric } from './params.js';
import { quadraticKernelsF64 } from './quadraticKernelsF64.js';

const SHAPE = '{ "A": [[...]] (p×p, symmetric), "b": [...] (p, optional) }';
const KEYS = ['A', 'b'];

/** Validated data: A square and exactly symmetric (compared as decimals, so 0.5 = 0.50), b of length p or absent. */
function readData(obj: Record<string, ExactJson>): { A: DecimalText[][]; b: DecimalText[] | undefined } {
  const A = dataMatrix(obj, 'A');
  const p = A.length;
  if (A[0].length !== p) throw new UsageError(`"A" must be square, got ${p}×${A[0].length}`, 'data');
  requireSymmetric(A, '"A"');
  const b = obj.b === undefined ? undefined : dataVector(obj, 'b', p);
  return { A, b };
}

/**
 * M-QUAD (docs/claims/classical.md): L = ½θᵀAθ − bᵀθ with A symmetric; ∇L = Aθ − b, ∇²L = A, ∇³L = 0.
 *
 * L* is left undefined: it is finite only when A is PSD and b ∈ range(A) (then −½bᵀA⁺b), which
 * needs an exact PSD/range test that decimal text cannot give cheaply.
 */
export const quadratic: ModelDef = defineModel({
  id: 'quadratic',
  title: 'Quadratic',
  objective: '½θᵀAθ − bᵀθ',
  thetaLayout: 'θ₁..θ_p (p = size of A)',
  data: { shape: SHAPE, keys: KEYS, read: readData },
  build({ data }) {
    const p = data.A.length;
    return {
      dim: p,
      thetaNames: indexedNames('theta', p),
      bind<T>(F: Field<T>) {
        const A = matrixIn(F, data.A);
        const b = data.b === undefined ? A.map(() => F.zero) : vectorIn(F, data.b);
        const half = F.div(F.one, F.int(2));
        const matVec = (v: Vec<T>): Vec<T> =>
          A.map((row) => {
            let s = F.zero;
            for (let j = 0; j < p; j++) s = F.add(s, F.mul(row[j], v[j]));
            return s;
          });
        const loss = (t: Vec<T>): T => {
          // θ·(½Aθ − b): one pass, no separate large terms to subtract.
          const At = matVec(t);
          let s = F.zero;
          for (let i = 0; i < p; i++) s = F.add(s, F.mul(t[i], F.sub(F.mul(half, At[i]), b[i])));
          return s;
        };
        const grad = (t: Vec<T>): Vec<T> => matVec(t).map((x, i) => F.sub(x, b[i]));
        const hessian = (_t: Vec<T>): Mat<T> => A.map((row) => row.slice());
        const hvp = (_t: Vec<T>, v: Vec<T>): Vec<T> => matVec(v);
        const third = (_t: Vec<T>, _u: Vec<T>): Vec<T> => A.map(() => F.zero);
        return { loss, grad, hessian, hvp, third };
      },
      kernelsF64: () => quadraticKernelsF64(matrixIn(f64, data.A), data.b === undefined ? data.A.map(() => 0) : vectorIn(f64, data.b)),
    };
  },
});
