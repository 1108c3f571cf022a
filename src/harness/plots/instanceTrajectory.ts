import type { Instance } from '../../claims/claim.js';
import { instanceModel } from '../../claims/instanceModel.js';
import { OPTIMIZER_IDS, type OptimizerId, type OptimizerSpec } from '../../dynamics/optimizer.js';
import { runTrajectory } from '../../dynamics/runTrajectory.js';
import { traceJson, type TraceJson } from '../../dynamics/traceJson.js';
import { EoscheckError } from '../../errors.js';
import { DECIMAL_LITERAL } from '../../numerics/decimalField.js';
import { f64 } from '../../numerics/f64Field.js';
import { catapultObserver } from '../../observers/catapultObserver.js';
import { defaultObservers, OBSERVERS, observersByName } from '../../observers/defaultObservers.js';
import { edgeCrossingObserver } from '../../observers/edgeCrossingObserver.js';
import { edgeMarginObserver } from '../../observers/edgeMarginObserver.js';

/** Steps drawn when the instance does not say how many it runs (e.g. a horizon in slow time). */
export const DEFAULT_PLOT_STEPS = 200;
/** At least this many steps are drawn, so a one-step counterexample shows where the run goes. */
export const MIN_PLOT_STEPS = 20;
/** At most this many steps are run, and at most about this many rows recorded (--every grows). */
export const MAX_PLOT_STEPS = 20_000;
const MAX_ROWS = 1000;

/** How a counterexample's trajectory is re-run: the `trace` options it amounts to. */
export interface TrajectoryPlan {
  readonly optimizer: OptimizerSpec;
  readonly steps: number;
  readonly every: number;
  /** The steps the instance itself runs, when it says. */
  readonly instanceSteps?: number;
  readonly reference?: 'pgd' | 'flow';
  readonly observe: readonly string[];
}

/** A trajectory re-run from an instance, or why there is none. */
export type InstanceTrajectory =
  | { readonly kind: 'run'; readonly plan: TrajectoryPlan; readonly trace: TraceJson }
  | { readonly kind: 'none'; readonly reason: string };

/**
 * Claims whose evidence is about the rotation of the top eigenvector, or about the distance to a
 * reference trajectory: their plots get those panels. Matched on the claim id (the instance format
 * has no field for it); an instance may also say `reference: 'pgd' | 'flow'` or `observe: [...]`.
 */
const ROTATION_CLAIM = /rotation|rotate|swap/;
const PGD_REFERENCE_CLAIM = /^damian\./;

const isText = (v: unknown): v is string => typeof v === 'string' && DECIMAL_LITERAL.test(v.trim());

/**
 * The `trace` options an instance amounts to (README, Verdicts and counterexamples: `model, params, data, theta, lr,
 * steps`, plus the optimizer fields some claims add): the update rule is `optimizer` or `rule` when
 * it names one of src/dynamics (gd, ngd, sqrt-gd, pgd, flow, momentum), heavy-ball momentum for
 * `method: 'heavy-ball'` with its `beta`, else gd. Steps are the instance's (at least
 * MIN_PLOT_STEPS, at most MAX_PLOT_STEPS), DEFAULT_PLOT_STEPS when it has none. Returns the reason
 * instead when the instance is not a trajectory (no θ or no η, a rule src/dynamics lacks).
 */
export function trajectoryPlan(claimId: string, instance: Instance): TrajectoryPlan | { reason: string } {
  const { theta, lr } = instance;
  if (!Array.isArray(theta) || !theta.every(isText) || !isText(lr)) {
    return { reason: 'the instance has no starting point θ and learning rate η (lr): it is not a trajectory' };
  }
  let id: OptimizerId = 'gd';
  let beta: string | undefined;
  const named = [instance.optimizer, instance.rule].find((v): v is string => typeof v === 'string');
  if (named !== undefined) {
    if (!(OPTIMIZER_IDS as readonly string[]).includes(named))
      return { reason: `the update rule "${named}" is not one of src/dynamics (${OPTIMIZER_IDS.join(', ')})` };
    id = named as OptimizerId;
  } else if (instance.method === 'heavy-ball') {
    id = 'momentum';
    if (isText(instance.beta)) beta = instance.beta;
  } else if (typeof instance.method === 'string') {
    return { reason: `the update rule "${instance.method}" has no counterpart in src/dynamics` };
  }
  if (id === 'momentum' && beta === undefined && isText(instance.beta)) beta = instance.beta;
  const instanceSteps = typeof instance.steps === 'number' && Number.isInteger(instance.steps) && instance.steps >= 0 ? instance.steps : undefined;
  const steps = Math.min(MAX_PLOT_STEPS, Math.max(MIN_PLOT_STEPS, instanceSteps ?? DEFAULT_PLOT_STEPS));
  const every = Math.max(1, Math.ceil(steps / MAX_ROWS));
  const refField = instance.reference;
  const reference = refField === 'pgd' || refField === 'flow' ? refField : PGD_REFERENCE_CLAIM.test(claimId) && id !== 'pgd' ? 'pgd' : undefined;
  const observe = Array.isArray(instance.observe) ? instance.observe.filter((o): o is string => typeof o === 'string' && OBSERVERS.has(o)) : [];
  if (ROTATION_CLAIM.test(claimId) && !observe.includes('rotation')) observe.push('rotation');
  if (reference !== undefined && !observe.includes('referenceDistance')) observe.push('referenceDistance');
  return {
    optimizer: { id, lr: lr.trim(), ...(beta !== undefined ? { beta } : {}) },
    steps,
    every,
    observe,
    ...(instanceSteps !== undefined ? { instanceSteps } : {}),
    ...(reference !== undefined ? { reference } : {}),
  };
}

/**
 * Re-runs an instance's trajectory in float64 through src/dynamics (runTrajectory with the
 * observers `trace` uses: loss, sharpness, ‖∇L‖, edge margin, edge crossings, catapults, plus the
 * plan's). Never throws for a bad instance: a model that cannot be built or a rule that rejects its
 * options gives `kind: 'none'` with the reason.
 */
export function instanceTrajectory(claimId: string, instance: Instance): InstanceTrajectory {
  const plan = trajectoryPlan(claimId, instance);
  if ('reason' in plan) return { kind: 'none', reason: plan.reason };
  try {
    const model = instanceModel(instance);
    const observers = [...defaultObservers(), edgeMarginObserver(), edgeCrossingObserver(), catapultObserver(), ...observersByName(plan.observe)];
    const r = runTrajectory(model, f64, instance.theta as readonly string[], {
      optimizer: plan.optimizer,
      steps: plan.steps,
      every: plan.every,
      observers,
      ...(plan.reference !== undefined ? { reference: plan.reference } : {}),
    });
    return { kind: 'run', plan, trace: traceJson(r) };
  } catch (e) {
    if (e instanceof EoscheckError) return { kind: 'none', reason: `the trajectory cannot be re-run: ${e.message}` };
    throw e;
  }
}
