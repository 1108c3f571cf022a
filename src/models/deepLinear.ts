import { Decimal } from 'decimal.js';
import { UsageError } from '../errors.js';
import { f64 } from '../numerics/f64Field.js';
import type { Field, Mat, Vec } from '../numerics/field.js';
import { mirrorUpper } from './_internals/mirrorUpper.js';
import { deepLinearF64, type DeepLinearF64 } from './deepLinearF64.js';
import { defineModel } from './defineModel.js';
import { matrixIn } from './inField.js';
import type { DecimalText, ExactJson, ModelDef } from './model.js';
import { dataMatrix, dataVector } from './params.js';

const SHAPE = '{ "X": [[...]] (n×d₀, one row per sample), "Y": [[...]] (n×d_D), "widths": [d₀, …, d_D] (D ≥ 1 layers) }';
const KEYS = ['X', 'Y', 'widths'];
/** The closed forms build dense Hessians (p² entries): beyond this many coordinates that is not what the model is for. */
const DEEP_LINEAR_MAX_COORDINATES = 100_000;

interface Data {
  readonly X: DecimalText[][];
  readonly Y: DecimalText[][];
  readonly widths: number[];
}

function readData(obj: Record<string, ExactJson>): Data {
  const widthText = dataVector(obj, 'widths');
  if (widthText.length < 2) {
    throw new UsageError(`"widths" must list d₀, …, d_D with at least 2 entries (D ≥ 1 layers), got ${widthText.length}`, 'data');
  }
  const widths = widthText.map((t, i) => {
    const w = new Decimal(t);
    if (!w.isInteger() || !w.gte(1) || !w.lte(DEEP_LINEAR_MAX_COORDINATES)) {
      throw new UsageError(`"widths"[${i}] must be a positive integer (at most ${DEEP_LINEAR_MAX_COORDINATES}), got ${t}`, 'data');
    }
    return w.toNumber();
  });
  const D = widths.length - 1;
  const X = dataMatrix(obj, 'X');
  if (X[0].length !== widths[0]) {
    throw new UsageError(`"X" must have widths[0] = ${widths[0]} columns (one row per sample), got ${X[0].length}`, 'data');
  }
  const Y = dataMatrix(obj, 'Y');
  if (Y.length !== X.length) throw new UsageError(`"Y" must have one row per row of "X" (${X.length}), got ${Y.length}`, 'data');
  if (Y[0].length !== widths[D]) {
    throw new UsageError(`"Y" must have widths[${D}] = ${widths[D]} columns, got ${Y[0].length}`, 'data');
  }
  return { X, Y, widths };
}

/**
 * Deep linear network L = (1/2n)Σₖ‖W_D⋯W₁xₖ − yₖ‖², θ = (vec W₁, …, vec W_D), each W_l (d_l × d_{l−1})
 * row-major. Every derivative comes from one pass that carries second-order Taylor coefficients
 * along a direction e = (E₁, …, E_D): with W_l(t) = W_l + tE_l, per sample
 *   a₀ = x,  a_l(t) = W_l(t)a_{l−1}(t)            (forward; a_l = a_l⁰ + t a_l¹ + t² a_l²),
 *   b_D(t) = a_D(t) − y,  b_{l−1}(t) = W_l(t)ᵀb_l(t)   (backward),
 *   ∇_{W_l}L(θ + te) = (1/n)Σₖ b_l(t)a_{l−1}(t)ᵀ.
 * The coefficients of t⁰, t¹, t² of the last line are ∇L, ∇²L·e and ½∇³L[e,e]: the products of
 * polynomials in t are exact, so these are closed forms (no truncation), e.g.
 *   ∇³L[e,e]_{W_l} = (2/n)Σₖ (b_l²a_{l−1}⁰ᵀ + b_l¹a_{l−1}¹ᵀ + b_l⁰a_{l−1}²ᵀ),
 *   a_l² = W_l a_{l−1}² + E_l a_{l−1}¹,  b_{l−1}² = W_lᵀb_l² + E_lᵀb_l¹.
 * The Hessian is assembled column by column from ∇²L·eᵢ and its upper triangle mirrored (exact
 * symmetry). L* is left undefined: it is a reduced-rank regression residual (0 only when the
 * product of the widths' bottleneck can fit Y), not a terminating decimal in general.
 */
export const deepLinear: ModelDef = defineModel({
  id: 'deep-linear',
  title: 'Deep linear network',
  objective: '(1/2n)Σₖ‖W_D⋯W₁xₖ − yₖ‖²',
  thetaLayout: 'vec W₁ (d₁×d₀, row-major), then vec W₂, …, vec W_D',
  data: { shape: SHAPE, keys: KEYS, read: readData },
  build({ data }) {
    const { widths } = data;
    const D = widths.length - 1;
    const n = data.X.length;
    /** Offset of W_{l+1} in θ, l = 0..D−1; off[D] is the dimension. */
    const off: number[] = [0];
    for (let l = 1; l <= D; l++) off.push(off[l - 1] + widths[l] * widths[l - 1]);
    if (off[D] > DEEP_LINEAR_MAX_COORDINATES) {
      throw new UsageError(`"widths" give ${off[D]} coordinates (Σ d_l·d_{l−1}); at most ${DEEP_LINEAR_MAX_COORDINATES} are supported`, 'data');
    }
    const dim = off[D];
    const names: string[] = [];
    for (let l = 1; l <= D; l++) {
      for (let i = 0; i < widths[l]; i++) for (let j = 0; j < widths[l - 1]; j++) names.push(`W${l}_${i + 1}_${j + 1}`);
    }
    // The float64 closed forms on typed arrays, bit-identical to the generic binding at f64 (built once, on first use).
    let fast: DeepLinearF64 | undefined;
    const fastF64 = () =>
      (fast ??= deepLinearF64(
        widths,
        off,
        data.X.map((r) => r.map((x) => f64.from(x))),
        data.Y.map((r) => r.map((x) => f64.from(x))),
      ));
    return {
      dim,
      thetaNames: names,
      closedFormsF64: fastF64,
      bind<T>(F: Field<T>) {
        const X = matrixIn(F, data.X);
        const Y = matrixIn(F, data.Y);
        const N = F.int(n);
        const two = F.int(2);
        /**
         * out += M·x for M = W_l (or its transpose), the matrix stored row-major at off[l−1] in `w`:
         * entry (p, q) of M at w[o + p·ps + q·qs]. Each output sums its terms in q order.
         */
        const gemv = (w: Vec<T>, l: number, x: readonly T[], acc: T[] | undefined, transposed: boolean): T[] => {
          const rows = widths[l];
          const cols = widths[l - 1];
          const o = off[l - 1];
          const [P, Q, ps, qs] = transposed ? [cols, rows, 1, cols] : [rows, cols, cols, 1];
          const out = acc ?? new Array<T>(P).fill(F.zero);
          for (let p = 0; p < P; p++) {
            let s = out[p];
            for (let q = 0; q < Q; q++) s = F.add(s, F.mul(w[o + p * ps + q * qs], x[q]));
            out[p] = s;
          }
          return out;
        };
        /** W_l·a (or += into `acc`). */
        const mul = (w: Vec<T>, l: number, a: readonly T[], acc?: T[]): T[] => gemv(w, l, a, acc, false);
        /** W_lᵀ·b (or += into `acc`). */
        const mulT = (w: Vec<T>, l: number, b: readonly T[], acc?: T[]): T[] => gemv(w, l, b, acc, true);
        /** out_{W_l} += Σ_pairs b aᵀ (the t-coefficient of a product of two polynomials). */
        const outer = (out: T[], l: number, pairs: readonly (readonly [readonly T[], readonly T[]])[]): void => {
          const rows = widths[l];
          const cols = widths[l - 1];
          const o = off[l - 1];
          for (let i = 0; i < rows; i++) {
            for (let j = 0; j < cols; j++) {
              let s = out[o + i * cols + j];
              for (const [b, a] of pairs) s = F.add(s, F.mul(b[i], a[j]));
              out[o + i * cols + j] = s;
            }
          }
        };
        /**
         * Σₖ b_l(t)a_{l−1}(t)ᵀ to order `order` in t along e (order 0 needs no e): coefficient c
         * of the result in slot c. Not divided by n.
         */
        const taylorGrad = (t: Vec<T>, e: Vec<T> | undefined, order: 0 | 1 | 2): T[][] => {
          const out = Array.from({ length: order + 1 }, () => new Array<T>(dim).fill(F.zero));
          const zeros = (k: number) => new Array<T>(k).fill(F.zero);
          for (let k = 0; k < n; k++) {
            // a[l][c]: coefficient c of a_l.
            const a: T[][][] = [[X[k], zeros(widths[0]), zeros(widths[0])]];
            for (let l = 1; l <= D; l++) {
              const p = a[l - 1];
              const c0 = mul(t, l, p[0]);
              const c1 = order >= 1 ? mul(e!, l, p[0], mul(t, l, p[1])) : [];
              const c2 = order >= 2 ? mul(e!, l, p[1], mul(t, l, p[2])) : [];
              a.push([c0, c1, c2]);
            }
            let b: T[][] = [a[D][0].map((x, i) => F.sub(x, Y[k][i])), order >= 1 ? a[D][1] : [], order >= 2 ? a[D][2] : []];
            for (let l = D; l >= 1; l--) {
              const p = a[l - 1];
              outer(out[0], l, [[b[0], p[0]]]);
              if (order >= 1)
                outer(out[1], l, [
                  [b[1], p[0]],
                  [b[0], p[1]],
                ]);
              if (order >= 2)
                outer(out[2], l, [
                  [b[2], p[0]],
                  [b[1], p[1]],
                  [b[0], p[2]],
                ]);
              if (l > 1) {
                b = [mulT(t, l, b[0]), order >= 1 ? mulT(e!, l, b[0], mulT(t, l, b[1])) : [], order >= 2 ? mulT(e!, l, b[1], mulT(t, l, b[2])) : []];
              }
            }
          }
          return out;
        };
        const loss = (t: Vec<T>): T => {
          let s = F.zero;
          for (let k = 0; k < n; k++) {
            let a: T[] = X[k];
            for (let l = 1; l <= D; l++) a = mul(t, l, a);
            for (let i = 0; i < a.length; i++) {
              const r = F.sub(a[i], Y[k][i]);
              s = F.add(s, F.mul(r, r));
            }
          }
          return F.div(s, F.mul(two, N));
        };
        const grad = (t: Vec<T>): Vec<T> => taylorGrad(t, undefined, 0)[0].map((x) => F.div(x, N));
        const hvp = (t: Vec<T>, e: Vec<T>): Vec<T> => taylorGrad(t, e, 1)[1].map((x) => F.div(x, N));
        const third = (t: Vec<T>, e: Vec<T>): Vec<T> => taylorGrad(t, e, 2)[2].map((x) => F.div(F.mul(two, x), N));
        const hessian = (t: Vec<T>): Mat<T> => {
          const cols = Array.from({ length: dim }, (_, i) =>
            hvp(
              t,
              Array.from({ length: dim }, (_, j) => (j === i ? F.one : F.zero)),
            ),
          );
          // cols[i] is column i (= row i by symmetry); mirror its upper part.
          return mirrorUpper(cols);
        };
        return { loss, grad, hessian, hvp, third };
      },
    };
  },
});
