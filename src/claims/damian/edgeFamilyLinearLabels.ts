import { Decimal } from 'decimal.js';
import { pointInfo } from '../../dynamics/pointInfo.js';
import { gdRule, stepper } from '../../dynamics/stepper.js';
import type { BoundModel } from '../../models/model.js';
import { eigSym } from '../../numerics/eigSym.js';
import { f64 } from '../../numerics/f64Field.js';
import { dot } from '../../numerics/linalg.js';

/**
 * The outputs of a squared-loss model L = (1/2n)‖f(θ) − Y‖² at θ and their Jacobian: `f` lists the n·k
 * outputs sample by sample, `J` has one row ∇_θ f per output.
 */
export interface OutputJets {
  readonly f: readonly number[];
  readonly J: readonly (readonly number[])[];
}

/** The family's view of a model: its outputs and Jacobian at θ, and the model bound at f64 for labels Y (n·k, sample by sample). */
export interface LinearEdgeModel {
  /** Samples n (the loss divides by n, not by the n·k outputs). */
  readonly samples: number;
  readonly jets: (theta: readonly number[]) => OutputJets;
  readonly bind: (labels: readonly number[]) => BoundModel<number>;
}

export const decimalText = (x: number, digits = 12): string => new Decimal(x.toPrecision(digits)).toFixed();

/**
 * Jᵀ(JJᵀ)⁺Jv: the part of v in the row space of J (the directions that move the outputs), by the
 * eigendecomposition of JJᵀ with eigenvalues below 1e-10·λ_max treated as 0 (JJᵀ is singular when
 * there are more outputs than the model can move independently).
 */
export function rowSpacePart(J: readonly (readonly number[])[], v: readonly number[]): { part: number[]; coeffs: number[] } {
  const G = J.map((a) => J.map((b) => dot(f64, a, b)));
  const e = eigSym(f64, G);
  const Jv = J.map((r) => dot(f64, r, v));
  const coeffs = new Array<number>(J.length).fill(0);
  const tol = 1e-10 * e.values[0];
  e.values.forEach((lam, i) => {
    if (lam <= tol) return;
    const c = dot(f64, e.vectors[i], Jv) / lam;
    e.vectors[i].forEach((x, j) => {
      coeffs[j] += c * x;
    });
  });
  const part = v.map((_, a) => J.reduce((s, row, i) => s + row[a] * coeffs[i], 0));
  return { part, coeffs };
}

/** Fibre-descent steps allowed, and the relative stationarity they stop at. */
const FIBRE_STEPS = 2000;
const FIBRE_TOL = 1e-11;

/**
 * Moves θ along the null space of J (the directions that leave the outputs unchanged to first
 * order: the rescalings of a deep linear network's hidden layers) downhill in the sharpness of the
 * realisable problem Y = f(θ), by steps of the given size, until the part of ∇S there vanishes,
 * ‖(I − Π_row)∇S‖ ≤ 1e-11·‖∇S‖, or 2000 steps. At such a point ∇S lies in the row space of J, so labels
 * can make ∇L parallel to it (linearEdgeLabels); where the descent stops short, the part left over
 * makes θ† drift at first order in μ (α along θ† is reported by the runs). Returns θ, the relative
 * part reached and the steps taken.
 */
export function fibreCriticalPoint(m: LinearEdgeModel, start: readonly number[], step: number): { theta: number[]; nullPart: number; steps: number } {
  // Descent on the engine: a gdRule stepper whose "gradient" is the fibre part of ∇S, read at the
  // current θ before each step (the stop test needs it too).
  let off: number[] = [];
  const run = stepper(
    gdRule(f64, () => off, step),
    [...start],
  );
  let rel = Infinity;
  let k = 0;
  for (; k < FIBRE_STEPS; k++) {
    const th = run.theta as number[];
    const { f, J } = m.jets(th);
    const dS = pointInfo(m.bind(f), th).sharpnessGradient();
    const { part } = rowSpacePart(J, dS);
    off = dS.map((x, i) => x - part[i]);
    rel = Math.hypot(...off) / Math.hypot(...dS);
    if (rel <= FIBRE_TOL || !run.step()) break;
  }
  return { theta: [...run.theta], nullPart: rel, steps: k };
}

/** Fixed-point passes for the labels: the residual's own Hessian term moves u and ∇S⊥ at order μ. */
const LABEL_PASSES = 6;

/**
 * Labels Y = f(θ_K) − r with r = −μ·n·(JJᵀ)⁺J∇S⊥, so ∇L(θ_K) = (1/n)Jᵀr = −μ·Π_row∇S⊥, which is −μ∇S⊥
 * when θ_K is a fibre critical point and u lies in the row space (the top eigenvector of the
 * Gauss–Newton part does). u, ∇S⊥ are those of the labelled problem (the residual's Hessian term
 * is O(μ)): iterated to a fixed point. μ makes η²α = ε² at θ_K, with η = 2/S and α = −∇L·∇S⊥ = μ‖Π_row∇S⊥‖².
 */
export function linearEdgeLabels(m: LinearEdgeModel, thetaK: number[], eps: number): { labels: number[]; lr: number; top: number[]; delta: number } {
  const { f, J } = m.jets(thetaK);
  let r = new Array<number>(f.length).fill(0);
  for (let pass = 0; pass < LABEL_PASSES; pass++) {
    const P = pointInfo(m.bind(f.map((x, i) => x - r[i])), thetaK);
    const dS = P.sharpnessGradientPerp();
    const eta = 2 / P.sharpness();
    const { part, coeffs } = rowSpacePart(J, dS);
    const mu = (eps * eps) / (eta * eta * dot(f64, part, dS));
    r = coeffs.map((c) => -mu * m.samples * c);
  }
  const labels = f.map((x, i) => x - r[i]);
  const P = pointInfo(m.bind(labels), thetaK);
  const dS = P.sharpnessGradientPerp();
  const alpha = -dot(f64, P.grad(), dS);
  return { labels, lr: 2 / P.sharpness(), top: P.top(), delta: Math.sqrt((2 * Math.max(alpha, 0)) / dot(f64, dS, dS)) };
}

/** GD's start: θ_K + x₀·u with x₀ = δ/20, on the edge, slightly displaced along the top eigenvector. */
const X0_FRAC = 0.05;

/** One rung as numbers: the target ε, the labels (n·k), η and GD's start. */
export interface LinearEdgeRung {
  readonly target: string;
  readonly labels: readonly number[];
  readonly lr: number;
  readonly theta: readonly number[];
}

/** The rungs at θ_K, labels by linearEdgeLabels for each ε of the ladder, GD starting at θ_K + (δ/20)u. */
export function linearEdgeRungs(m: LinearEdgeModel, thetaK: number[], ladder: readonly string[]): LinearEdgeRung[] {
  return ladder.map((target): LinearEdgeRung => {
    const { labels, lr, top, delta } = linearEdgeLabels(m, thetaK, Number(target));
    return { target, labels, lr, theta: thetaK.map((a, i) => a + X0_FRAC * delta * top[i]) };
  });
}
