import fc from 'fast-check';
import { diagonalLinear } from '../../models/diagonalLinear.js';
import { f64 } from '../../numerics/f64Field.js';
import type { InstanceJson } from '../claim.js';
import { decimalText, fibreCriticalPoint, type LinearEdgeModel, linearEdgeRungs, type OutputJets } from './edgeFamilyLinearLabels.js';
import type { EdgeInstance, EdgeRungBase, EdgeVariant } from './edgeRun.js';

/**
 * An instance family of the diagonal linear network (d = 5 inputs: θ = (u, v), 10 parameters, n = 4
 * samples) at the edge of stability, with the self-stabilization small parameter ε = η√α set by
 * construction (docs/claims/damian.md, "Self-stabilization on a diagonal linear network").
 *
 * Construction [D]: the outputs X(u⊙v) do not change along (u_k, v_k) → (c·u_k, v_k/c), so the output
 * Jacobian J has rank at most n < p and ∇S⊥ is in general not in its row space: no labels give
 * ∇L = −μ∇S⊥. θ_K is the point reached from a pinned draw by descending the sharpness along the null
 * space of J until ∇S has no part there (edgeFamilyLinearLabels.ts, fibreCriticalPoint); then labels
 * y = f(θ_K) − r, r = −μn(JJᵀ)⁺J∇S⊥, give ∇L(θ_K) = −μ∇S⊥, θ_K is on the stable set with η = 2/S(θ_K)
 * and α = μβ > 0, and μ makes η²α = ε².
 */
export type DiagonalLinearRung = EdgeRungBase & {
  readonly y: readonly string[];
};

export interface DiagonalLinearEdgeInstance extends EdgeInstance<DiagonalLinearRung> {
  readonly model: 'diagonal-linear';
  readonly data: { readonly X: readonly (readonly string[])[]; readonly y: readonly string[] };
  readonly theta: readonly string[];
  /** Where the labels are built: a point reached by the fibre descent (edgeFamilyLinearLabels.ts). */
  readonly thetaK: readonly string[];
}

/** ε from 0.056 down to 0.02 (2.8×): below ε ≈ 0.02 gradient flow no longer ends farther from GD than θ† does (docs). */
export const DIAG_LADDER: readonly string[] = ['0.056', '0.04', '0.028', '0.02'];
/** The fibre descent's step (‖∇S‖ is of order 1 on the pinned draw). */
const FIBRE_STEP = 0.01;

/**
 * The pinned draw (inputs in [−2, 2], θ in [−1.5, 1.5], two decimals): other draws of the same
 * ranges measure differently (docs/claims/damian.md lists them).
 */
export const DIAG_PINNED: {
  readonly X: readonly (readonly string[])[];
  readonly thetaStart: readonly string[];
  readonly thetaK: readonly string[];
} = {
  X: [
    ['-1.66', '1.47', '-1.98', '0.71', '-1.93'],
    ['-0.81', '0.58', '-0.39', '-1.18', '0.06'],
    ['-0.19', '-1.58', '-0.03', '1.81', '0.23'],
    ['0.78', '0.53', '-0.19', '0.35', '-0.94'],
  ],
  thetaStart: ['-0.07', '-0.80', '0.35', '0.98', '0.62', '-0.17', '0.59', '-0.28', '-0.34', '-0.97'],
  /**
   * diagonalLinearThetaK(X, thetaStart), stored because the descent costs ~0.7 s (the tests recompute it):
   * it stops at its 2000 steps with ‖(I − Π_row)∇S‖/‖∇S‖ = 1.0e-3, the balance of the fourth coordinate
   * (u₄ = 0.83, v₄ = −0.38) still creeping.
   */
  thetaK: [
    '-0.290960637347',
    '-0.663911520468',
    '0.489789522137',
    '0.834755776346',
    '0.698308146321',
    '-0.290960637347',
    '0.663911520468',
    '-0.489789522137',
    '-0.377665618654',
    '-0.698308146321',
  ],
};

/** f = X(u⊙v) and its Jacobian rows (xᵢ⊙v, xᵢ⊙u) (the family's own; the tests compare ∇L with the model's). */
export function diagonalLinearJets(X: readonly (readonly number[])[], theta: readonly number[]): OutputJets {
  const d = X[0].length;
  return {
    f: X.map((x) => x.reduce((s, xk, k) => s + xk * theta[k] * theta[d + k], 0)),
    J: X.map((x) => [...x.map((xk, k) => xk * theta[d + k]), ...x.map((xk, k) => xk * theta[k])]),
  };
}

/** The diagonal linear network of the family for inputs X, as the label construction sees it. */
export function diagonalLinearEdgeModel(X: readonly (readonly string[])[]): LinearEdgeModel {
  const Xn = X.map((r) => r.map(Number));
  return {
    samples: X.length,
    jets: (theta) => diagonalLinearJets(Xn, theta),
    bind: (labels) => diagonalLinear.create({ dim: 2 * X[0].length, data: { X: X.map((r) => [...r]), y: labels.map((y) => decimalText(y, 17)) } }).bind(f64),
  };
}

/** θ_K for inputs X from a draw (decimal text): the fibre descent of edgeFamilyLinearLabels.ts, 12 digits. */
export function diagonalLinearThetaK(X: readonly (readonly string[])[], thetaStart: readonly string[]): string[] {
  return fibreCriticalPoint(diagonalLinearEdgeModel(X), thetaStart.map(Number), FIBRE_STEP).theta.map((x) => decimalText(x));
}

/** Builds the rungs for inputs X at θ_K (decimal text; diagonalLinearThetaK of a draw). */
export function buildDiagonalLinearEdgeFamily(
  X: readonly (readonly string[])[],
  thetaK: readonly string[],
  ladder: readonly string[] = DIAG_LADDER,
  cycles = 3,
  variant?: EdgeVariant,
): DiagonalLinearEdgeInstance {
  const rungs = linearEdgeRungs(diagonalLinearEdgeModel(X), thetaK.map(Number), ladder);
  const out = rungs.map(
    (r): DiagonalLinearRung => ({
      target: r.target,
      y: r.labels.map((y) => decimalText(y)),
      lr: decimalText(r.lr, 10),
      theta: r.theta.map((x) => decimalText(x)),
    }),
  );
  return {
    model: 'diagonal-linear',
    data: { X, y: out[0].y },
    theta: out[0].theta,
    lr: out[0].lr,
    thetaK,
    rungs: out,
    cycles,
    ...(variant !== undefined ? { variant } : {}),
  };
}

/** The model's data on a rung: the pinned inputs with the rung's labels. */
export const diagonalLinearRungData = (instance: DiagonalLinearEdgeInstance, rung: DiagonalLinearRung): InstanceJson => ({ X: instance.data.X, y: rung.y });

/** The pinned instance (its rungs are rebuilt from X and θ_K, so the stored instance replays them exactly). */
export function diagonalLinearEdgeFamilyArb(variant?: EdgeVariant): fc.Arbitrary<DiagonalLinearEdgeInstance> {
  return fc.constant(DIAG_PINNED).map(({ X, thetaK }) => buildDiagonalLinearEdgeFamily(X, thetaK, DIAG_LADDER, 3, variant));
}
