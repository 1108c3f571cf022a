import { Decimal } from 'decimal.js';
import { f64 } from '../numerics/f64Field.js';
import type { Field, Mat, Vec } from '../numerics/field.js';
import { mirrorUpper } from './_internals/mirrorUpper.js';
import { defineModel } from './defineModel.js';
import { matrixIn, vectorIn } from './inField.js';
import type { ModelDef } from './model.js';
import { dataRegression, requireParam } from './params.js';
import { type TwoLayerF64, twoLayerF64 } from './twoLayerF64.js';

const SHAPE = '{ "X": [[...]] (n×d, one row per sample), "y": [...] (n) }';
const KEYS = ['X', 'y'];
/** The closed forms build dense Hessians (p² entries): beyond this many coordinates that is not what the model is for. */
const TWO_LAYER_MAX_COORDINATES = 100_000;

export type TwoLayerActivation = 'tanh' | 'softplus' | 'sigmoid';
const ACTIVATIONS: readonly TwoLayerActivation[] = ['tanh', 'softplus', 'sigmoid'];

/** σ and its first three derivatives at z, in a field (the third derivative of L needs σ‴). */
type Jet4<T> = readonly [T, T, T, T];

function activationJet<T>(F: Field<T>, a: TwoLayerActivation): (z: T) => Jet4<T> {
  const one = F.one;
  const two = F.int(2);
  /** s = sigmoid(z) with s′ = s(1 − s), s″ = s′(1 − 2s), s‴ = s″(1 − 2s) − 2s′². */
  const sigmoid = (z: T): Jet4<T> => {
    const s = F.div(one, F.add(one, F.exp(F.neg(z))));
    const s1 = F.mul(s, F.sub(one, s));
    const m = F.sub(one, F.mul(two, s));
    const s2 = F.mul(s1, m);
    return [s, s1, s2, F.sub(F.mul(s2, m), F.mul(two, F.mul(s1, s1)))];
  };
  switch (a) {
    case 'tanh':
      // t = tanh z: σ′ = 1 − t², σ″ = −2tσ′, σ‴ = −2σ′(σ′ − 2t²).
      return (z) => {
        const t = F.tanh(z);
        const t2 = F.mul(t, t);
        const s1 = F.sub(one, t2);
        return [t, s1, F.neg(F.mul(two, F.mul(t, s1))), F.neg(F.mul(two, F.mul(s1, F.sub(s1, F.mul(two, t2)))))];
      };
    case 'sigmoid':
      return sigmoid;
    case 'softplus':
      // log(1 + eᶻ) = max(z, 0) + log(1 + e^{−|z|}) (no overflow in f64); its derivatives are sigmoid's.
      return (z) => {
        const s = sigmoid(z);
        return [F.add(F.max(z, F.zero), F.log(F.add(one, F.exp(F.neg(F.abs(z)))))), s[0], s[1], s[2]];
      };
  }
}

/**
 * Two-layer network f(x) = (1/√m)Σⱼ aⱼσ(wⱼ·x), L = (1/2n)Σₖ(f(xₖ) − yₖ)², θ = (w₁, …, w_m ∈ ℝᵈ, a₁, …, a_m).
 * Per sample, with zⱼ = wⱼ·x, c = 1/√m and a direction e = (ωⱼ, αⱼ), ζⱼ = ωⱼ·x:
 *   ∇f:        ∂_{wⱼ} = c aⱼσ′ⱼ x,  ∂_{aⱼ} = c σⱼ;
 *   ∇²f:       (wⱼ, wⱼ) = c aⱼσ″ⱼ xxᵀ,  (wⱼ, aⱼ) = c σ′ⱼ x, other blocks 0;
 *   ∇²f·e:     wⱼ: c(aⱼσ″ⱼζⱼ + σ′ⱼαⱼ)x,  aⱼ: c σ′ⱼζⱼ;    eᵀ∇²f e = cΣⱼ(aⱼσ″ⱼζⱼ² + 2σ′ⱼαⱼζⱼ);
 *   ∇³f[e,e]:  wⱼ: c(aⱼσ‴ⱼζⱼ² + 2σ″ⱼαⱼζⱼ)x,  aⱼ: c σ″ⱼζⱼ².
 * With r = f − y: ∇L = (1/n)Σ r∇f, ∇²L = (1/n)Σ(∇f∇fᵀ + r∇²f), ∇²L·e = (1/n)Σ((∇f·e)∇f + r∇²f·e),
 *   ∇³L[e,e] = (1/n)Σ(2(∇f·e)∇²f·e + (eᵀ∇²f e)∇f + r∇³f[e,e]).
 * L* is left undefined (it depends on what the network can fit).
 */
export const twoLayer: ModelDef = defineModel({
  id: 'two-layer',
  title: 'Two-layer network',
  objective: '(1/2n)Σₖ((1/√m)Σⱼaⱼσ(wⱼ·xₖ) − yₖ)²',
  thetaLayout: 'w₁ ∈ Rᵈ, …, w_m ∈ Rᵈ, then a₁..a_m',
  params: [
    { name: 'width', description: 'hidden width m (a positive integer)' },
    { name: 'activation', description: 'σ', default: 'tanh', values: ACTIVATIONS },
  ],
  checkParams(params) {
    const w = new Decimal(params.width);
    requireParam(
      w.isInteger() && w.gte(1) && w.lte(TWO_LAYER_MAX_COORDINATES),
      'width',
      `a positive integer (at most ${TWO_LAYER_MAX_COORDINATES})`,
      params.width,
    );
  },
  data: { shape: SHAPE, keys: KEYS, read: dataRegression },
  build({ params, data: { X: Xt, y: yt } }) {
    const m = new Decimal(params.width).toNumber();
    const activation = params.activation as TwoLayerActivation;
    const n = Xt.length;
    const d = Xt[0].length;
    requireParam(
      m * (d + 1) <= TWO_LAYER_MAX_COORDINATES,
      'width',
      `at most ${Math.floor(TWO_LAYER_MAX_COORDINATES / (d + 1))} here (θ has width·(d + 1) coordinates, d = ${d} columns of X)`,
      params.width,
    );
    const dim = m * (d + 1);
    const names: string[] = [];
    for (let j = 0; j < m; j++) for (let p = 0; p < d; p++) names.push(`w${j + 1}_${p + 1}`);
    for (let j = 0; j < m; j++) names.push(`a${j + 1}`);
    // The float64 closed forms on typed arrays, bit-identical to the generic binding at f64 (built once, on first use).
    let fast: TwoLayerF64 | undefined;
    const fastF64 = () => (fast ??= twoLayerF64(m, activation, matrixIn(f64, Xt), vectorIn(f64, yt)));
    return {
      dim,
      thetaNames: names,
      closedFormsF64: fastF64,
      bind<T>(F: Field<T>) {
        const X = matrixIn(F, Xt);
        const Y = vectorIn(F, yt);
        const N = F.int(n);
        const two = F.int(2);
        const c = F.div(F.one, F.sqrt(F.int(m)));
        const act = activationJet(F, activation);
        const aAt = (t: Vec<T>, j: number) => t[m * d + j];
        /** wⱼ·x (or ωⱼ·x for a direction). */
        const proj = (t: Vec<T>, j: number, x: readonly T[]): T => {
          let s = F.zero;
          for (let p = 0; p < d; p++) s = F.add(s, F.mul(t[j * d + p], x[p]));
          return s;
        };
        /** Per sample k: σ-jets of the m units and the residual r = f − y. */
        const sample = (t: Vec<T>, k: number) => {
          const s = Array.from({ length: m }, (_, j) => act(proj(t, j, X[k])));
          let f = F.zero;
          for (let j = 0; j < m; j++) f = F.add(f, F.mul(aAt(t, j), s[j][0]));
          return { s, r: F.sub(F.mul(c, f), Y[k]) };
        };
        /** A vector of θ-layout with wⱼ-blocks gw[j]·x and a-entries ga[j], scaled by c·weight. */
        const assemble = (out: T[], x: readonly T[], gw: readonly T[], ga: readonly T[], weight: T): void => {
          const cw = F.mul(c, weight);
          for (let j = 0; j < m; j++) {
            const q = F.mul(cw, gw[j]);
            for (let p = 0; p < d; p++) out[j * d + p] = F.add(out[j * d + p], F.mul(q, x[p]));
            out[m * d + j] = F.add(out[m * d + j], F.mul(cw, ga[j]));
          }
        };
        const loss = (t: Vec<T>): T => {
          let s = F.zero;
          for (let k = 0; k < n; k++) {
            const { r } = sample(t, k);
            s = F.add(s, F.mul(r, r));
          }
          return F.div(s, F.mul(two, N));
        };
        const grad = (t: Vec<T>): Vec<T> => {
          const out = new Array<T>(dim).fill(F.zero);
          for (let k = 0; k < n; k++) {
            const { s, r } = sample(t, k);
            assemble(
              out,
              X[k],
              s.map((sj, j) => F.mul(aAt(t, j), sj[1])),
              s.map((sj) => sj[0]),
              r,
            );
          }
          return out.map((x) => F.div(x, N));
        };
        /** Per sample along e: ∇f (as gw, ga), ∇f·e, ∇²f·e (as hw, ha) and eᵀ∇²f e, without the factor c. */
        const directional = (t: Vec<T>, e: Vec<T>, k: number) => {
          const { s, r } = sample(t, k);
          const zeta = Array.from({ length: m }, (_, j) => proj(e, j, X[k]));
          const gw = s.map((sj, j) => F.mul(aAt(t, j), sj[1]));
          const ga = s.map((sj) => sj[0]);
          const hw: T[] = [];
          const ha: T[] = [];
          let ge = F.zero;
          let ehe = F.zero;
          for (let j = 0; j < m; j++) {
            const [, s1, s2] = s[j];
            const alpha = aAt(e, j);
            ge = F.add(ge, F.add(F.mul(alpha, ga[j]), F.mul(gw[j], zeta[j])));
            hw.push(F.add(F.mul(F.mul(aAt(t, j), s2), zeta[j]), F.mul(s1, alpha)));
            ha.push(F.mul(s1, zeta[j]));
            ehe = F.add(ehe, F.add(F.mul(F.mul(aAt(t, j), s2), F.mul(zeta[j], zeta[j])), F.mul(two, F.mul(F.mul(s1, alpha), zeta[j]))));
          }
          return { s, r, zeta, gw, ga, hw, ha, ge: F.mul(c, ge), ehe: F.mul(c, ehe) };
        };
        const hvp = (t: Vec<T>, e: Vec<T>): Vec<T> => {
          const out = new Array<T>(dim).fill(F.zero);
          for (let k = 0; k < n; k++) {
            const q = directional(t, e, k);
            assemble(out, X[k], q.gw, q.ga, q.ge);
            assemble(out, X[k], q.hw, q.ha, q.r);
          }
          return out.map((x) => F.div(x, N));
        };
        const third = (t: Vec<T>, e: Vec<T>): Vec<T> => {
          const out = new Array<T>(dim).fill(F.zero);
          for (let k = 0; k < n; k++) {
            const q = directional(t, e, k);
            assemble(out, X[k], q.hw, q.ha, F.mul(two, q.ge));
            assemble(out, X[k], q.gw, q.ga, q.ehe);
            // ∇³f[e,e]: wⱼ: aⱼσ‴ζ² + 2σ″αζ, aⱼ: σ″ζ².
            const tw = q.s.map(([, , s2, s3], j) => {
              const z2 = F.mul(q.zeta[j], q.zeta[j]);
              return F.add(F.mul(F.mul(aAt(t, j), s3), z2), F.mul(two, F.mul(F.mul(s2, aAt(e, j)), q.zeta[j])));
            });
            const ta = q.s.map(([, , s2], j) => F.mul(s2, F.mul(q.zeta[j], q.zeta[j])));
            assemble(out, X[k], tw, ta, q.r);
          }
          return out.map((x) => F.div(x, N));
        };
        const hessian = (t: Vec<T>): Mat<T> => {
          const H: T[][] = Array.from({ length: dim }, () => new Array<T>(dim).fill(F.zero));
          const g = new Array<T>(dim);
          for (let k = 0; k < n; k++) {
            const { s, r } = sample(t, k);
            const x = X[k];
            // ∇f for this sample (with c).
            for (let j = 0; j < m; j++) {
              const q = F.mul(c, F.mul(aAt(t, j), s[j][1]));
              for (let p = 0; p < d; p++) g[j * d + p] = F.mul(q, x[p]);
              g[m * d + j] = F.mul(c, s[j][0]);
            }
            for (let i = 0; i < dim; i++) for (let l = i; l < dim; l++) H[i][l] = F.add(H[i][l], F.mul(g[i], g[l]));
            // r∇²f: (wⱼ, wⱼ) = c aⱼσ″ⱼ xxᵀ, (wⱼ, aⱼ) = c σ′ⱼ x.
            for (let j = 0; j < m; j++) {
              const ww = F.mul(r, F.mul(c, F.mul(aAt(t, j), s[j][2])));
              const wa = F.mul(r, F.mul(c, s[j][1]));
              for (let p = 0; p < d; p++) {
                for (let q = p; q < d; q++) H[j * d + p][j * d + q] = F.add(H[j * d + p][j * d + q], F.mul(ww, F.mul(x[p], x[q])));
                H[j * d + p][m * d + j] = F.add(H[j * d + p][m * d + j], F.mul(wa, x[p]));
              }
            }
          }
          for (const row of H) for (let l = 0; l < dim; l++) row[l] = F.div(row[l], N);
          return mirrorUpper(H);
        };
        return { loss, grad, hessian, hvp, third };
      },
    };
  },
});
