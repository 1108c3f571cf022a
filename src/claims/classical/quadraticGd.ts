import type { BoundModel } from '../../models/model.js';
import type { Field, Vec } from '../../numerics/field.js';
import { unitRoundoff } from '../../numerics/tolerance.js';
import { gdRule, stepper } from '../../dynamics/stepper.js';
import type { CheckContext } from '../claim.js';
import type { QuadraticGdInstance } from './quadraticGdInstance.js';

/** A quadratic GD instance read at one precision, with its certificate checked. */
export interface QuadraticSetup<T> {
  readonly F: Field<T>;
  readonly model: BoundModel<T>;
  readonly A: T[][];
  readonly b: T[];
  readonly theta0: Vec<T>;
  readonly thetaStar: Vec<T>;
  readonly eta: T;
  /** Eigenvalues (values[0] = λ_max) and unit eigenvectors (rows), from the instance. */
  readonly values: T[];
  readonly vectors: T[][];
  readonly lambdaMax: T;
  /** κ = η·λ_max. */
  readonly kappa: T;
  /** L* = L(θ*) = −½bᵀθ*. */
  readonly lossStar: T;
  /** Coordinates of θ₀ − θ* in the eigenbasis. */
  readonly coords: T[];
}

const dot = <T>(F: Field<T>, a: readonly T[], b: readonly T[]): T => a.reduce((s, x, i) => F.add(s, F.mul(x, b[i])), F.zero);

/**
 * Reads the instance at ctx's precision and checks its certificate: rows of `eigen.vectors`
 * orthonormal, A·v_k = λ_k·v_k, λ_0 the largest, Aθ* = b, all up to a rounding allowance of
 * 64·p ulps of the entries' size (exact at dec:N, since the texts are exact decimals). A broken
 * certificate (a hand-edited fixture, say) makes the instance inconclusive: the claim's hypotheses
 * about λ_max could not be trusted.
 */
export function quadraticSetup<T>(instance: QuadraticGdInstance, ctx: CheckContext<T>): QuadraticSetup<T> {
  const { F } = ctx;
  const { model, theta } = ctx.model(instance);
  const num = (x: string) => F.from(x);
  const A = instance.data.A.map((r) => r.map(num));
  const b = instance.data.b.map(num);
  const values = instance.eigen.values.map(num);
  const vectors = instance.eigen.vectors.map((r) => r.map(num));
  const thetaStar = instance.thetaStar.map(num);
  const p = A.length;
  ctx.assume(
    values.length === p && vectors.length === p && vectors.every((v) => v.length === p) && thetaStar.length === p && theta.length === p,
    'certificate_shape',
    `eigen, thetaStar and theta must match the ${p}×${p} matrix A`,
  );
  const eps = F.from(64 * p * unitRoundoff(ctx.precision));
  const size = [...A.flat(), ...values].reduce((m, x) => F.max(m, F.abs(x)), F.one);
  const allow = F.mul(eps, size);
  let worst = F.zero;
  for (let k = 0; k < p; k++) {
    const Av = A.map((row) => dot(F, row, vectors[k]));
    for (let i = 0; i < p; i++) worst = F.max(worst, F.abs(F.sub(Av[i], F.mul(values[k], vectors[k][i]))));
    for (let l = 0; l < p; l++) {
      const g = dot(F, vectors[k], vectors[l]);
      worst = F.max(worst, F.abs(F.sub(g, k === l ? F.one : F.zero)));
    }
  }
  const Ats = A.map((row) => dot(F, row, thetaStar));
  for (let i = 0; i < p; i++) worst = F.max(worst, F.abs(F.sub(Ats[i], b[i])));
  ctx.assume(!F.lt(allow, worst), 'certificate', `eigen/thetaStar do not certify A and b (residual ${F.toNumber(worst)})`);
  ctx.assume(
    values.every((v) => !F.lt(values[0], v)),
    'certificate',
    'eigen.values[0] must be the largest eigenvalue',
  );
  const eta = F.from(instance.lr);
  const lambdaMax = values[0];
  const err = theta.map((t, i) => F.sub(t, thetaStar[i]));
  return {
    F,
    model,
    A,
    b,
    theta0: theta,
    thetaStar,
    eta,
    values,
    vectors,
    lambdaMax,
    kappa: F.mul(eta, lambdaMax),
    lossStar: F.neg(F.div(dot(F, b, thetaStar), F.int(2))),
    coords: vectors.map((v) => dot(F, v, err)),
  };
}

/** One GD step's numbers: L_t, L_{t+1}, ‖∇L(θ_t)‖² and the rounding scales of both losses. */
export interface GdStep<T> {
  readonly t: number;
  readonly loss: T;
  readonly next: T;
  readonly gradNorm2: T;
  /** ½|θ|ᵀ|A||θ| + |b|ᵀ|θ| at θ_t and θ_{t+1}: the size of the terms summed in L, so a rounding error of L is a few ulps of it. */
  readonly scale: T;
  readonly scaleNext: T;
  readonly theta: Vec<T>;
}

/** The rounding scale of L at θ (see GdStep.scale). */
export function lossScale<T>(s: QuadraticSetup<T>, theta: Vec<T>): T {
  const { F } = s;
  const at = theta.map((x) => F.abs(x));
  let m = F.zero;
  for (let i = 0; i < at.length; i++) {
    let row = F.zero;
    for (let j = 0; j < at.length; j++) row = F.add(row, F.mul(F.abs(s.A[i][j]), at[j]));
    m = F.add(m, F.add(F.mul(F.div(at[i], F.int(2)), row), F.mul(F.abs(s.b[i]), at[i])));
  }
  return m;
}

/**
 * Plain GD θ_{t+1} = θ_t − η∇L(θ_t) for `steps` steps, through the instance's model (two counted
 * evaluations a step). Stops early when the consumer breaks out of the loop.
 */
export function* gdSteps<T>(s: QuadraticSetup<T>, steps: number): Generator<GdStep<T>> {
  const { F } = s;
  let theta = s.theta0;
  let loss = s.model.loss(theta);
  let scale = lossScale(s, theta);
  // The step takes the gradient measured for ‖∇L‖² (one gradient a step). The classical claims
  // follow divergent runs too (loss growth above the edge), so only Inf/NaN ends the run.
  let g: Vec<T> = [];
  const run = stepper(
    gdRule(F, () => g, s.eta),
    theta,
    { divergenceBound: Number.POSITIVE_INFINITY },
  );
  for (let t = 0; t < steps; t++) {
    g = s.model.grad(theta);
    if (!run.step()) return;
    const next = run.theta;
    const nextLoss = s.model.loss(next);
    const scaleNext = lossScale(s, next);
    yield { t, loss, next: nextLoss, gradNorm2: dot(F, g, g), scale, scaleNext, theta };
    theta = next;
    loss = nextLoss;
    scale = scaleNext;
  }
}
