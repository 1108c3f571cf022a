import { NonFiniteError, UsageError } from '../errors.js';
import type { BoundModel } from '../models/model.js';
import type { Field, Vec } from '../numerics/field.js';
import { checkState } from './divergence.js';
import { DIVERGENCE_BOUND } from '../settings.js';
import type { Optimizer, OptimizerState } from './optimizer.js';

/** What the stepper drives: any optimizer of this layer, or a rule built with gdRule / updateRule. */
export type UpdateRule<T> = Pick<Optimizer<T>, 'F' | 'init' | 'step'>;

/**
 * A trajectory advanced one step at a time by its caller: for checks that look at every iterate,
 * stop on their own predicate or compare against a closed form at each step (runTrajectory records
 * rows and observers instead). Divergence is runTrajectory's: an iterate with a non-finite entry or
 * one beyond DIVERGENCE_BOUND ends the trajectory, and `state` stays the last iterate within it.
 */
export interface Stepper<T> {
  readonly F: Field<T>;
  /** The last state within the bound (the initial state at first). */
  readonly state: OptimizerState<T>;
  /** state.theta. */
  readonly theta: Vec<T>;
  /** state.t. */
  readonly t: number;
  /** True once a step (or θ₀ itself) left the bound; no further step is taken. */
  readonly diverged: boolean;
  /** Why it diverged (e.g. `θ[1] is not finite`). */
  readonly divergence: string | undefined;
  /** Takes one step: true if the new iterate is within the bound (it becomes `state`), false if not. */
  step(): boolean;
  /** Takes up to n steps, yielding each new state; ends early at divergence or when the caller breaks. */
  steps(n: number): Generator<OptimizerState<T>, void, void>;
}

/**
 * A stepper on `rule` from θ₀ (or from a state, to resume). `divergenceBound` is runTrajectory's
 * option of the same name: DIVERGENCE_BOUND unless a check follows runs past it on purpose
 * (Infinity: only Inf/NaN end the trajectory).
 */
export function stepper<T>(rule: UpdateRule<T>, start: Vec<T> | OptimizerState<T>, options: { readonly divergenceBound?: number } = {}): Stepper<T> {
  const F = rule.F;
  const boundNum = options.divergenceBound ?? DIVERGENCE_BOUND;
  if (!(boundNum > 0)) throw new UsageError(`the divergence bound must be positive, got ${boundNum}`, 'divergenceBound');
  const bound = F.from(boundNum);
  const boundText = String(boundNum);
  let state: OptimizerState<T>;
  let divergence: string | undefined;
  const within = (s: OptimizerState<T>): boolean => {
    try {
      checkState(F, s, bound, boundText, 'θ');
      return true;
    } catch (e) {
      if (!(e instanceof NonFiniteError)) throw e;
      divergence = e.message;
      return false;
    }
  };
  if (Array.isArray(start)) state = rule.init(start as Vec<T>);
  else state = start as OptimizerState<T>;
  within(state);
  const self: Stepper<T> = {
    F,
    get state() {
      return state;
    },
    get theta() {
      return state.theta;
    },
    get t() {
      return state.t;
    },
    get diverged() {
      return divergence !== undefined;
    },
    get divergence() {
      return divergence;
    },
    step(): boolean {
      if (divergence !== undefined) return false;
      const next = rule.step(state);
      if (!within(next)) return false;
      state = next;
      return true;
    },
    *steps(n: number) {
      for (let k = 0; k < n; k++) {
        if (!self.step()) return;
        yield state;
      }
    },
  };
  return self;
}

/**
 * Plain gradient descent θ⁺ = θ − η·grad(θ) on a gradient given as a function (a model's, or a
 * closed form a claim derives): the same update, to the bit, as `gd` on a model with that gradient.
 */
export function gdRule<T>(F: Field<T>, grad: (theta: Vec<T>) => Vec<T>, lr: T): UpdateRule<T> {
  return {
    F,
    init: (theta: Vec<T>): OptimizerState<T> => ({ t: 0, theta: theta.slice() }),
    step(s: OptimizerState<T>): OptimizerState<T> {
      const g = grad(s.theta);
      return { t: s.t + 1, theta: s.theta.map((x, i) => F.sub(x, F.mul(lr, g[i]))) };
    },
  };
}

/** Plain GD on a model, θ⁺ = θ − η·∇L(θ), as a stepper: what most checks that follow GD step by step run. */
export function gdStepper<T>(model: BoundModel<T>, lr: T, start: Vec<T> | OptimizerState<T>, options: { readonly divergenceBound?: number } = {}): Stepper<T> {
  return stepper(
    gdRule(model.F, (theta) => model.grad(theta), lr),
    start,
    options,
  );
}

/** Any other update θ⁺ = update(θ, t) (a map a claim states in closed form), driven the same way. */
export function updateRule<T>(F: Field<T>, update: (theta: Vec<T>, t: number) => Vec<T>): UpdateRule<T> {
  return {
    F,
    init: (theta: Vec<T>): OptimizerState<T> => ({ t: 0, theta: theta.slice() }),
    step: (s: OptimizerState<T>): OptimizerState<T> => ({ t: s.t + 1, theta: update(s.theta, s.t) }),
  };
}
