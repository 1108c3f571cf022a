import fc from 'fast-check';
import { deepLinear } from '../../models/deepLinear.js';
import { f64 } from '../../numerics/f64Field.js';
import type { InstanceJson } from '../claim.js';
import { decimalText, fibreCriticalPoint, type LinearEdgeModel, linearEdgeRungs, type OutputJets } from './edgeFamilyLinearLabels.js';
import type { EdgeInstance, EdgeRungBase, EdgeVariant } from './edgeRun.js';

/**
 * An instance family of the deep linear network (widths [3, 2, 2]: θ = (vec W₁, vec W₂), 10 parameters,
 * n = 6 samples) at the edge of stability, built as the diagonal-linear family is
 * (edgeFamilyDiagonalLinear.ts, docs/claims/damian.md "Self-stabilization on a deep linear network"):
 * the outputs W₂W₁x do not move along (W₁, W₂) → (AW₁, W₂A⁻¹), so J has rank below p and θ_K is first
 * moved along the null space of J to a fibre critical point of the sharpness (a balanced point), then
 * labelled so that ∇L(θ_K) = −μ∇S⊥ with η = 2/S(θ_K) and η²α = ε².
 */
export type DeepLinearRung = EdgeRungBase & {
  /** The labels, n rows of d_D. */
  readonly Y: readonly (readonly string[])[];
};

export interface DeepLinearEdgeInstance extends EdgeInstance<DeepLinearRung> {
  readonly model: 'deep-linear';
  readonly data: { readonly X: readonly (readonly string[])[]; readonly Y: readonly (readonly string[])[]; readonly widths: readonly string[] };
  readonly theta: readonly string[];
  /** Where the labels are built: the point the fibre descent reaches (edgeFamilyLinearLabels.ts). */
  readonly thetaK: readonly string[];
}

/** ε from 0.056 down to 0.02 (2.8×), as on the diagonal-linear family. */
export const DEEP_LADDER: readonly string[] = ['0.056', '0.04', '0.028', '0.02'];
/** The fibre descent's step (‖∇S‖ is of order 1 on the pinned draw). */
const FIBRE_STEP = 0.01;
export const DEEP_WIDTHS: readonly number[] = [3, 2, 2];

/**
 * The pinned draw (inputs in [−2, 2], θ in [−1.5, 1.5], two decimals): other draws of the same ranges
 * measure differently (docs/claims/damian.md lists them).
 */
export const DEEP_PINNED: {
  readonly X: readonly (readonly string[])[];
  readonly thetaStart: readonly string[];
  readonly thetaK: readonly string[];
} = {
  X: [
    ['0.10', '-1.99', '0.65'],
    ['-1.19', '0.17', '-1.72'],
    ['-1.98', '1.68', '1.88'],
    ['-1.16', '1.74', '-0.47'],
    ['-1.91', '-1.79', '-0.19'],
    ['1.14', '0.53', '-0.08'],
  ],
  thetaStart: ['-0.28', '-0.90', '1.46', '1.34', '-0.69', '1.33', '1.06', '1.45', '0.60', '1.33'],
  /** deepLinearThetaK(X, thetaStart), stored as the diagonal family's is: the descent converges (1e-11) in 268 steps. */
  thetaK: [
    '-0.200959192828',
    '-0.972858037933',
    '1.59197393924',
    '1.38062735384',
    '-0.766834872802',
    '1.46338764871',
    '0.958728577772',
    '1.33145987091',
    '0.517115979263',
    '1.24409898572',
  ],
};

/** The layers' matrices from θ (vec W_l row by row, W_l of d_l × d_{l−1}), as deep-linear lays them out. */
function layers(widths: readonly number[], theta: readonly number[]): { W: number[][][]; offsets: number[] } {
  const W: number[][][] = [];
  const offsets: number[] = [];
  let o = 0;
  for (let l = 1; l < widths.length; l++) {
    const [rows, cols] = [widths[l], widths[l - 1]];
    offsets.push(o);
    W.push(Array.from({ length: rows }, (_, i) => theta.slice(o + i * cols, o + (i + 1) * cols)));
    o += rows * cols;
  }
  return { W, offsets };
}

/**
 * f = W_D⋯W₁x per sample and its Jacobian: ∂f_i/∂(W_l)_{ab} = (W_D⋯W_{l+1})_{ia}·(W_{l−1}⋯W₁x)_b (the
 * family's own; the tests compare ∇L = (1/n)Jᵀ(f − Y) with the model's).
 */
export function deepLinearJets(X: readonly (readonly number[])[], widths: readonly number[], theta: readonly number[]): OutputJets {
  const D = widths.length - 1;
  const { W, offsets } = layers(widths, theta);
  const f: number[] = [];
  const J: number[][] = [];
  for (const x of X) {
    const acts: (readonly number[])[] = [x];
    for (const Wl of W) acts.push(Wl.map((row) => row.reduce((s, w, j) => s + w * acts[acts.length - 1][j], 0)));
    // after[l] = W_D⋯W_{l+2} (d_D × d_{l+1}), the product above layer l + 1, built from the top.
    const after: number[][][] = new Array(D);
    let M: number[][] = Array.from({ length: widths[D] }, (_, i) => Array.from({ length: widths[D] }, (_, j) => (i === j ? 1 : 0)));
    for (let l = D - 1; l >= 0; l--) {
      after[l] = M;
      const Wl = W[l];
      M = M.map((row) => Array.from({ length: widths[l] }, (_, b) => row.reduce((s, m, a) => s + m * Wl[a][b], 0)));
    }
    for (let i = 0; i < widths[D]; i++) {
      f.push(acts[D][i]);
      const row = new Array<number>(theta.length).fill(0);
      for (let l = 0; l < D; l++) {
        for (let a = 0; a < widths[l + 1]; a++) for (let b = 0; b < widths[l]; b++) row[offsets[l] + a * widths[l] + b] = after[l][i][a] * acts[l][b];
      }
      J.push(row);
    }
  }
  return { f, J };
}

/** Labels listed sample by sample (n·d_D) as deep-linear's rows Y. */
const rows = (labels: readonly string[], k: number): string[][] => Array.from({ length: labels.length / k }, (_, i) => labels.slice(i * k, (i + 1) * k));

/** The deep linear network of the family for inputs X, as the label construction sees it. */
export function deepLinearEdgeModel(X: readonly (readonly string[])[], widths: readonly number[] = DEEP_WIDTHS): LinearEdgeModel {
  const Xn = X.map((r) => r.map(Number));
  const out = widths[widths.length - 1];
  return {
    samples: X.length,
    jets: (theta) => deepLinearJets(Xn, widths, theta),
    bind: (labels) =>
      deepLinear
        .create({
          data: {
            X: X.map((r) => [...r]),
            Y: rows(
              labels.map((y) => decimalText(y, 17)),
              out,
            ),
            widths: widths.map(String),
          },
        })
        .bind(f64),
  };
}

/** θ_K for inputs X from a draw (decimal text): the fibre descent of edgeFamilyLinearLabels.ts, 12 digits. */
export function deepLinearThetaK(X: readonly (readonly string[])[], thetaStart: readonly string[]): string[] {
  return fibreCriticalPoint(deepLinearEdgeModel(X), thetaStart.map(Number), FIBRE_STEP).theta.map((x) => decimalText(x));
}

/** Builds the rungs for inputs X at θ_K (decimal text; deepLinearThetaK of a draw). */
export function buildDeepLinearEdgeFamily(
  X: readonly (readonly string[])[],
  thetaK: readonly string[],
  ladder: readonly string[] = DEEP_LADDER,
  variant?: EdgeVariant,
): DeepLinearEdgeInstance {
  const out = DEEP_WIDTHS[DEEP_WIDTHS.length - 1];
  const rungs = linearEdgeRungs(deepLinearEdgeModel(X), thetaK.map(Number), ladder).map(
    (r): DeepLinearRung => ({
      target: r.target,
      Y: rows(
        r.labels.map((y) => decimalText(y)),
        out,
      ),
      lr: decimalText(r.lr, 10),
      theta: r.theta.map((x) => decimalText(x)),
    }),
  );
  return {
    model: 'deep-linear',
    data: { X, Y: rungs[0].Y, widths: DEEP_WIDTHS.map(String) },
    theta: rungs[0].theta,
    lr: rungs[0].lr,
    thetaK,
    rungs,
    // Not counted: the runs follow a horizon fixed in slow time (deepLinearSelfStabilization.ts).
    cycles: 0,
    ...(variant !== undefined ? { variant } : {}),
  };
}

/** The model's data on a rung: the pinned inputs with the rung's labels. */
export const deepLinearRungData = (instance: DeepLinearEdgeInstance, rung: DeepLinearRung): InstanceJson => ({
  X: instance.data.X,
  Y: rung.Y,
  widths: instance.data.widths,
});

/** The pinned instance (its rungs are rebuilt from X and θ_K, so the stored instance replays them exactly). */
export function deepLinearEdgeFamilyArb(variant?: EdgeVariant): fc.Arbitrary<DeepLinearEdgeInstance> {
  return fc.constant(DEEP_PINNED).map(({ X, thetaK }) => buildDeepLinearEdgeFamily(X, thetaK, DEEP_LADDER, variant));
}
