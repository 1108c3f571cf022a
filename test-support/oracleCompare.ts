import type { ModelInstance } from '../src/arbitraries/modelInstance.js';
import type { DecimalText, Model } from '../src/models/model.js';
import { getModelDef } from '../src/models/registry.js';
import { decimalField } from '../src/numerics/decimalField.js';
import { f64 } from '../src/numerics/f64Field.js';
import { relError } from '../src/numerics/tolerance.js';
import { runTrajectory } from '../src/dynamics/runTrajectory.js';
import { fdTrajectory } from './fdOracle.js';

/**
 * Test support: a learning rate c/‖∇²L(θ₀)‖∞ computed in f64 (‖·‖∞ ≥ spectral radius, so
 * η·max|λ| ≤ c), as short decimal text so every precision uses the same exact η. Models whose
 * Hessian is tiny at θ₀ use ‖H‖∞ ≥ 0.5.
 * @internal
 */
export function lrFor(model: Model, theta: readonly DecimalText[], c = 0.2): DecimalText {
  const H = model.bind(f64).hessian(theta.map(Number));
  const norm = Math.max(0.5, ...H.map((r) => r.reduce((s, x) => s + Math.abs(x), 0)));
  return String(Number((c / norm).toPrecision(3)));
}

/**
 * Steps the oracle comparison runs by default: 100 is past the predictable horizon of every chaotic
 * run the tests meet (that horizon is what bounds the checked steps there), and the 100-digit
 * finite-difference loop costs O(steps·dim) loss evaluations, the bulk of the dynamics tests' time.
 * @internal
 */
export const ORACLE_STEPS = 100;

/** What decimalVsOracle measured. @internal */
export interface OracleComparison {
  /** Largest normwise relative error of θ_t over the checked steps (t ≤ horizon). */
  readonly err: number;
  /** Largest over all recorded steps (larger than err only past the horizon). */
  readonly errAll: number;
  /** Steps checked: all of them unless the trajectory is chaotic (see below). */
  readonly horizon: number;
  readonly model: Model;
  readonly lr: DecimalText;
  readonly rows: number;
  /** When the run diverged (max|θᵢ| > 1e40): whether the oracle crossed the bound at the same step. */
  readonly divergedTooInOracle: boolean | undefined;
}

/**
 * Test support: runs `rule` in dec:50 for `steps` steps through runTrajectory and compares θ_t with
 * the finite-difference oracle at 100 digits (fdTrajectory), at every step.
 *
 * Chaotic trajectories (ngd and sqrt-gd oscillating across a manifold of minimizers can be) cannot
 * agree to 1e-25 whatever the code: dec:50's rounding, amplified by the dynamics, exceeds it. So
 * when the error exceeds 1e-25 somewhere, the oracle is run again from θ₀ perturbed by 1e-48
 * (relative), and only the steps before that perturbation grows past 1e-30 are checked (`horizon`).
 * A run that ends on `diverged` (max|θᵢ| > 1e40, for models unbounded below) is compared up to there.
 * @internal
 */
export function decimalVsOracle(inst: ModelInstance, rule: 'gd' | 'ngd' | 'sqrt-gd', steps = ORACLE_STEPS): OracleComparison {
  const model = getModelDef(inst.id).create(inst.input);
  const lr = lrFor(model, inst.theta);
  const bound = 1e40;
  const run = runTrajectory(model, decimalField(50), inst.theta, {
    optimizer: { id: rule, lr },
    steps,
    every: 1,
    divergenceBound: bound,
  });
  const oracle = fdTrajectory(model, rule, inst.theta, lr, steps);
  const D = decimalField(100);
  const errs = run.rows.map((row) =>
    relError(
      D,
      row.theta.map((x) => D.from(x.toString())),
      oracle[row.t],
    ),
  );
  const errAll = Math.max(0, ...errs);
  let horizon = steps;
  if (errAll > 1e-25) {
    const perturbed = inst.theta.map((x, i) => {
      const d = D.from(x);
      const mag = D.max(D.abs(d), D.one);
      return D.toString(D.add(d, D.mul(mag, D.from(i % 2 === 0 ? '1e-48' : '-1e-48'))));
    });
    const other = fdTrajectory(model, rule, perturbed, lr, steps);
    horizon = oracle.findIndex((th, t) => relError(D, other[t], th) > 1e-30);
    if (horizon < 0) horizon = steps;
  }
  const err = Math.max(0, ...errs.filter((_, k) => run.rows[k].t < horizon));
  let divergedTooInOracle: boolean | undefined;
  if (run.diverged) {
    const t = run.events[run.events.length - 1].t;
    divergedTooInOracle = oracle[t].some((x) => !x.isFinite() || x.abs().gt(bound));
  }
  return { err, errAll, horizon, model, lr, rows: run.rows.length, divergedTooInOracle };
}
