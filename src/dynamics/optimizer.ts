import type { DecimalText, BoundModel } from '../models/model.js';
import type { Field, Vec } from '../numerics/field.js';

/** The update rules of eoscheck (the `--optimizer` values of `eoscheck trace`). */
export type OptimizerId = 'gd' | 'ngd' | 'sqrt-gd' | 'pgd' | 'flow' | 'momentum';

export const OPTIMIZER_IDS: readonly OptimizerId[] = Object.freeze(['gd', 'ngd', 'sqrt-gd', 'pgd', 'flow', 'momentum']);

/** How the projection of one pgd step (or of pgd's initial point) went. */
export interface ProjectionReport<T> {
  /** True iff the point is feasible to the tolerance (S ≤ (2/η)(1 + tol), ∇L·u ≈ 0: see projectOntoStableSet). */
  readonly projected: boolean;
  /** Linearised projection steps taken (0 when the point was already feasible). */
  readonly iterations: number;
  /** S(θ) at the returned point. */
  readonly sharpness: T;
  /** (S − 2/η)/(2/η) at the returned point: ≤ tol on success, may be negative. */
  readonly sharpnessExcess: T;
  /** |∇L·u|/‖∇L‖ at the returned point (0 when ∇L = 0). */
  readonly newtonResidual: T;
  /**
   * Set on success when ∇L vanishes to working precision and the Newton constraint was met in the
   * form |∇L·u|/S ≤ 100·p·ε·‖θ‖ rather than |∇L·u| ≤ tol·‖∇L‖ (see projectOntoStableSet).
   */
  readonly atResolution?: boolean;
  /** Why the projection failed, when it did. */
  readonly reason?: string;
}

/** Adaptive-integrator bookkeeping of the `flow` rule. */
export interface FlowStats<T> {
  /** Step size (in time units) to try first on the next interval. */
  readonly h: T;
  /** Runge–Kutta steps accepted / rejected on the last interval. */
  readonly accepted: number;
  readonly rejected: number;
}

/**
 * The explicit state of an update rule: everything the next step depends on, so a run can be
 * stopped, serialised and resumed (or replayed at another precision) from any step.
 */
export interface OptimizerState<T> {
  /** Steps taken: θ is θ_t (for `flow`, the solution at time t·η). */
  readonly t: number;
  readonly theta: Vec<T>;
  /** momentum: θ_{t−1} (θ₀ itself at t = 0: the heavy ball starts at rest). */
  readonly prevTheta?: Vec<T>;
  /**
   * Set when the rule is at a fixed point and left θ unchanged: `∇L = 0` (ngd) or `L ≤ L*`
   * (sqrt-gd), where the update would divide by zero.
   */
  readonly fixedPoint?: string;
  /** pgd: the projection that produced θ. */
  readonly projection?: ProjectionReport<T>;
  /** flow: the integrator's step size and counters. */
  readonly flow?: FlowStats<T>;
}

/** A pure update rule over one bound model in one field. */
export interface Optimizer<T> {
  readonly id: OptimizerId;
  readonly model: BoundModel<T>;
  readonly F: Field<T>;
  /** The learning rate η. */
  readonly lr: T;
  /** The rule's other options in effect, as decimal text (e.g. `{ beta: '0.9' }`). */
  readonly params: Readonly<Record<string, string>>;
  /** The state at t = 0 (pgd projects θ₀ onto its stable set here). */
  init(theta: Vec<T>): OptimizerState<T>;
  /** One step: never mutates `state`. */
  step(state: OptimizerState<T>): OptimizerState<T>;
}

/** A number as the user gave it: a JS number or exact decimal text. */
export type Scalar = number | DecimalText;

/** What the runner and the CLI use to build an update rule (see createOptimizer). */
export interface OptimizerSpec {
  readonly id: OptimizerId;
  /** η (> 0). */
  readonly lr: Scalar;
  /** momentum: β in [0, 1) (default 0.9). */
  readonly beta?: Scalar;
  /** sqrt-gd: L* (default: the model's lossStar; neither is an error). */
  readonly lstar?: Scalar;
  /** pgd: projection iterations before giving up (default 50). */
  readonly maxProjections?: number;
  /** pgd: relative feasibility tolerance (default from the precision, see projectionTolerance). */
  readonly projectionTol?: number;
  /** flow: relative error tolerance of each Runge–Kutta step (default from the precision). */
  readonly rtol?: number;
  /** flow: absolute error tolerance (default 0: normwise relative control). */
  readonly atol?: number;
  /** flow: step cap h ≤ c/S (default 1). */
  readonly capC?: number;
  /** flow: recompute S for the cap every this many Runge–Kutta steps (default 5). */
  readonly capEvery?: number;
}
