import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { decimalText, decimalVector } from '../../arbitraries/decimalText.js';
import { pointInfo } from '../../dynamics/pointInfo.js';
import { runTrajectory, type RunResult } from '../../dynamics/runTrajectory.js';
import { dot, matVec } from '../../numerics/linalg.js';
import type { DecimalText } from '../../models/model.js';
import { f64 } from '../../numerics/f64Field.js';
import { rotationPolarityObserver } from '../../observers/rotationPolarityObserver.js';
import { sharpnessObserver } from '../../observers/sharpnessObserver.js';
import { sharpness } from '../../spectral/sharpness.js';
import type { CheckContext, Instance, InstanceJson } from '../claim.js';
import { instanceModel } from '../instanceModel.js';

/**
 * Instability episodes of a GD run and the rotation of the top Hessian eigenvector inside them
 * (Wang & Roberts). A step s → s+1 is unstable when it grows the gradient's component along the
 * top eigenvector u_s (rotationPolarityObserver's `rpeGrowth` > 1) while η·λ₁(θ_s) > 2 (beyond the edge: in the quadratic approximation
 * |1 − ηλ₁| > 1, i.e. ηλ₁ > 2); an episode is a maximal run of consecutive unstable steps.
 */

/** A GD run on one model: the rotation claims' instance. */
export interface DepthRunInstance extends Instance {
  readonly model: string;
  readonly theta: readonly DecimalText[];
  readonly lr: DecimalText;
  readonly steps: number;
  /** The network's depth (number of factors in the product): 1 = linear regression. */
  readonly depth: number;
  /** κ = η·S(θ̄) at the settled minimizer θ̄ the start perturbs (see withLr). */
  readonly kappa0: DecimalText;
  /** A family label for reports (`deep-scalar D=3`, `deep-linear 2-2-1`, ...). */
  readonly family: string;
}

/** One episode: its first step, its length, the summed angle and the polarity count. */
export interface Episode {
  readonly start: number;
  readonly length: number;
  /** Σ of the per-step principal angles inside the episode (radians). */
  readonly rotation: number;
  /** Steps of the episode whose curvature along the previous top eigenvector fell (λ₁(s) − u_sᵀH_{s+1}u_s > 0). */
  readonly polar: number;
  /** The least curvature drop inside the episode, relative to λ₁ (negative = rose). */
  readonly minRelDrop: number;
  /**
   * Across the whole episode: (λ₁(θ_a) − u_aᵀ∇²L(θ_b)u_a)/λ₁(θ_a), a its first iterate and b the
   * iterate after its last step: > 0 when the curvature along the direction that was unstable fell.
   */
  readonly episodeRelDrop: number;
}

export interface EpisodeSummary {
  readonly episodes: readonly Episode[];
  /** Unstable steps in all. */
  readonly unstableSteps: number;
  /** Σ rotation over unstable steps, and over stable ones (for the contrast). */
  readonly rotationUnstable: number;
  readonly rotationStable: number;
  readonly stableSteps: number;
  /** Unstable steps whose curvature along the old top direction fell by more than `dropFloor`·λ₁. */
  readonly polarSteps: number;
  readonly diverged: boolean;
  readonly lastT: number;
  /** S(θ_T)·η at the last recorded step. */
  readonly finalKappa: number;
}

/** Runs GD through the engine with the rotation/polarity observer, recording every step. */
export function runRotation<T>(inst: DepthRunInstance, ctx: CheckContext<T>): RunResult<T> {
  const model = instanceModel(inst);
  ctx.count(inst.steps);
  return runTrajectory(model, ctx.F, inst.theta, {
    optimizer: { id: 'gd', lr: inst.lr },
    steps: inst.steps,
    observers: [sharpnessObserver(), rotationPolarityObserver()],
  });
}

/**
 * Splits a run into episodes. `dropFloor`: the relative curvature drop that counts as polar (a
 * rounding-level drop is not a direction). Steps without a growth value (zero gradient along u)
 * count as stable.
 */
export function episodesOf<T>(run: RunResult<T>, dropFloor: number): EpisodeSummary {
  const F = run.F;
  const episodes: Episode[] = [];
  let cur: { start: number; length: number; rotation: number; polar: number; minRelDrop: number; episodeRelDrop: number } | undefined;
  const bound = run.model.bind(F);
  const close = (e: NonNullable<typeof cur>, endT: number): Episode => {
    const a = pointInfo(bound, run.rows[e.start - run.startT].theta);
    const u = a.top();
    const H = pointInfo(bound, run.rows[endT - run.startT].theta).hessian();
    const la = F.toNumber(a.sharpness());
    return { ...e, episodeRelDrop: (la - F.toNumber(dot(F, u, matVec(F, H, u)))) / Math.abs(la) };
  };
  let unstableSteps = 0;
  let rotationUnstable = 0;
  let rotationStable = 0;
  let stableSteps = 0;
  let polarSteps = 0;
  let prevLambda = Number.NaN;
  const eta = F.toNumber(run.lr);
  for (const row of run.rows) {
    const f = row.fields;
    const growth = f.rpeGrowth;
    const angle = f.rpeAngle === null || f.rpeAngle === undefined ? 0 : F.toNumber(f.rpeAngle as T);
    const drop = f.rpeCurvatureDrop === null || f.rpeCurvatureDrop === undefined ? 0 : F.toNumber(f.rpeCurvatureDrop as T);
    const relDrop = Number.isFinite(prevLambda) && prevLambda !== 0 ? drop / Math.abs(prevLambda) : 0;
    const unstable = growth !== null && growth !== undefined && F.toNumber(growth as T) > 1 && eta * prevLambda > 2;
    if (unstable) {
      unstableSteps++;
      rotationUnstable += angle;
      const polar = relDrop > dropFloor ? 1 : 0;
      polarSteps += polar;
      if (cur === undefined) cur = { start: row.t - 1, length: 0, rotation: 0, polar: 0, minRelDrop: Number.POSITIVE_INFINITY, episodeRelDrop: 0 };
      cur.length++;
      cur.rotation += angle;
      cur.polar += polar;
      cur.minRelDrop = Math.min(cur.minRelDrop, relDrop);
    } else {
      if (row.t > run.startT) {
        stableSteps++;
        rotationStable += angle;
      }
      if (cur !== undefined) episodes.push(close(cur, row.t - 1));
      cur = undefined;
    }
    prevLambda = lambdaOf(run, row.t);
  }
  if (cur !== undefined) episodes.push(close(cur, run.rows[run.rows.length - 1].t));
  const last = run.rows[run.rows.length - 1];
  const finalKappa = F.toNumber(run.lr) * lambdaOf(run, last.t);
  return { episodes, unstableSteps, rotationUnstable, rotationStable, stableSteps, polarSteps, diverged: run.diverged, lastT: run.lastT, finalKappa };
}

/** λ₁ at a recorded step (the sharpness observer's field). */
function lambdaOf<T>(run: RunResult<T>, t: number): number {
  return run.F.toNumber(run.rows[t - run.startT].fields.sharpness as T);
}

/* ------------------------------------------------------------------------------------------ */
/* Instances: depth 1–4, widths > 1                                                            */
/* ------------------------------------------------------------------------------------------ */

const D = Decimal.clone({ precision: 40 });

/**
 * A sharp minimizer near θ₀: stable GD (η = 0.5/S(θ₀), through the engine, f64) for SETTLE_STEPS
 * steps (it need not be reached exactly: the start is perturbed anyway). GD started at a minimizer whose sharpness exceeds 2/η is unstable along its top
 * eigenvector: the setting of an instability, reached without narrowing the starts.
 */
/** Kept small: generators run on every sample, `list` included. */
const SETTLE_STEPS = 1500;

function settle(base: Omit<DepthRunInstance, 'lr' | 'kappa0' | 'steps'>): { theta: number[]; sharpness: number } {
  const model = instanceModel(base as DepthRunInstance);
  const b = model.bind(f64);
  const theta0 = (base.theta as readonly string[]).map(Number);
  const s0 = sharpness(f64, b, theta0);
  const run = runTrajectory(model, f64, theta0, { optimizer: { id: 'gd', lr: 0.5 / s0 }, steps: SETTLE_STEPS, every: SETTLE_STEPS });
  const theta = run.rows[run.rows.length - 1].theta.slice();
  return { theta, sharpness: sharpness(f64, b, theta) };
}

/** Keeps every weight at least `floor` away from 0 (a zero weight stalls a product network). */
const awayFromZero = (w: DecimalText[], floor: number): DecimalText[] =>
  w.map((x) => (Math.abs(Number(x)) < floor ? new D(x).plus(Number(x) < 0 ? -floor : floor).toFixed() : x));

type Family = fc.Arbitrary<Omit<DepthRunInstance, 'lr' | 'kappa0' | 'steps'>>;

/** deep-scalar, L = ½(w₁⋯w_D − 1)², w ∈ ±[0.3, 1.6]: depth D, width 1. */
function deepScalar(depth: number): Family {
  return decimalVector(depth, -1.6, 1.6, 2).map((w) => ({
    model: 'deep-scalar',
    params: { target: '1' },
    theta: awayFromZero(w, 0.3),
    depth,
    family: `deep-scalar D=${depth}`,
  }));
}

/** diagonal-linear (1/2n)‖X(u⊙v) − y‖², d = 2 or 3 features, n = 3 samples: depth 2, width d. */
function diagonalLinear(): Family {
  return fc.integer({ min: 2, max: 3 }).chain((d) =>
    fc
      .tuple(fc.array(decimalVector(d, -1.5, 1.5, 2), { minLength: 3, maxLength: 3 }), decimalVector(3, -1.5, 1.5, 2), decimalVector(2 * d, -1.5, 1.5, 2))
      .map(([X, y, theta]) => ({
        model: 'diagonal-linear',
        data: { X, y } as InstanceJson,
        theta: awayFromZero(theta, 0.3),
        depth: 2,
        family: `diagonal-linear d=${d}`,
      })),
  );
}

/** deep-linear (1/2n)Σ‖W_D⋯W₁x − y‖² with widths 2-2-1 (depth 2) or 2-2-2-1 (depth 3), n = 3 samples. */
function deepLinear(depth: 2 | 3): Family {
  const widths = depth === 2 ? [2, 2, 1] : [2, 2, 2, 1];
  let dim = 0;
  for (let l = 1; l < widths.length; l++) dim += widths[l] * widths[l - 1];
  return fc
    .tuple(fc.array(decimalVector(2, -1.5, 1.5, 2), { minLength: 3, maxLength: 3 }), decimalVector(3, -1.5, 1.5, 2), decimalVector(dim, -1.2, 1.2, 2))
    .map(([X, y, theta]) => ({
      model: 'deep-linear',
      data: { X, Y: y.map((v) => [v]), widths: widths.map(String) } as InstanceJson,
      theta: awayFromZero(theta, 0.2),
      depth,
      family: `deep-linear ${widths.join('-')}`,
    }));
}

/** quadratic ½θᵀAθ − bᵀθ, A = XᵀX/n-like (symmetric positive definite 2×2): depth 1. */
function quadratic(): Family {
  return fc.tuple(decimalText(0.3, 2, 2), decimalText(0.3, 2, 2), decimalText(-0.25, 0.25, 2), decimalVector(2, -1.5, 1.5, 2)).map(([a, c, r, theta]) => {
    const b = new D(r).times(new D(a).times(c).sqrt()).toFixed(4);
    return {
      model: 'quadratic',
      data: {
        A: [
          [a, b],
          [b, c],
        ],
        b: ['0', '0'],
      } as InstanceJson,
      theta,
      depth: 1,
      family: 'quadratic (depth 1)',
    };
  });
}

/** The families of depth > 1 (the claims' instances) and of depth 1 (their negative control). */
export const DEPTH_FAMILIES = {
  deep: (): Family => fc.oneof(deepScalar(2), deepScalar(3), deepScalar(4), diagonalLinear(), deepLinear(2), deepLinear(3)),
  /** Widths > 1 only (diagonal-linear, deep-linear): depth 2 and 3. */
  wide: (): Family => fc.oneof(diagonalLinear(), deepLinear(2), deepLinear(3)),
  scalarDepth: (depth: number): Family => deepScalar(depth),
  depthOne: (): Family => quadratic(),
};

/**
 * Settles each start on a nearby minimizer θ̄ (see settle), perturbs it by δ (coordinates
 * ±[0.001, 0.01]) and sets η = κ/S(θ̄), κ on a 2-decimal grid in [lo, hi]: GD from θ̄ + δ is
 * unstable along the top eigenvector as soon as κ > 2. θ and η are stored as 12-digit text.
 */
export function withLr(family: Family, lo: number, hi: number, steps: number): fc.Arbitrary<DepthRunInstance> {
  return fc
    .tuple(family, decimalText(lo, hi, 2), fc.array(fc.tuple(fc.boolean(), decimalText(0.001, 0.01, 3)), { minLength: 16, maxLength: 16 }))
    .map(([base, kappa, delta]): DepthRunInstance => {
      const { theta, sharpness: s } = settle(base);
      const text = (x: number) => new D(x).toSignificantDigits(12).toFixed();
      return {
        ...base,
        steps,
        kappa0: kappa,
        lr: new D(kappa).div(s).toSignificantDigits(12).toFixed(),
        theta: theta.map((x, i) => text(x + (delta[i % 16][0] ? 1 : -1) * Number(delta[i % 16][1]))),
      } as unknown as DepthRunInstance;
    });
}
