import fc from 'fast-check';
import { decimalText } from '../../arbitraries/decimalText.js';
import type { Optimizer } from '../../dynamics/optimizer.js';
import type { BoundModel } from '../../models/model.js';
import type { Field, Vec } from '../../numerics/field.js';
import { stepper, type Stepper } from '../../dynamics/stepper.js';
import type { CheckContext, Instance, Outcome } from '../claim.js';
import type { AroraRule } from './arora.js';

/**
 * The instances of the manifold toy ½(1 + z²)x² (model manifold-toy) and what its claims share: the
 * generator, Phase I (steps until |x| < η), the outcome of a run that stopped, the rule's name and its
 * effective learning rate.
 */
/** A run of NGD or √L-GD (plain GD in a control) on M-MANIFOLD from θ₀ = (x₀, z₀). */
export interface ManifoldInstance extends Instance {
  readonly model: 'manifold-toy';
  readonly theta: readonly [string, string];
  readonly lr: string;
  readonly rule: AroraRule;
  /** Slow time t = η²·(steps after Phase I) the run covers. */
  readonly horizon: string;
  /** two-cycle claims: the statistic asserted (`harmonic` 2-step mean, or the naive `pointwise` value). */
  readonly statistic?: 'harmonic' | 'pointwise';
  /** limiting-flow claims: where the ODE starts (`phase1` = z(T₁), the correct one; `z0` = the naive one). */
  readonly flowStart?: 'phase1' | 'z0';
  /** sharpness claim: what is sampled (`projection` = λ₁(Φ(θ)) every ⌈0.1/η²⌉ steps; `iterate` = λ₁(∇²L(θ_t)) every step). */
  readonly sample?: 'projection' | 'iterate';
}

export interface ManifoldOptions {
  readonly rules: readonly AroraRule[];
  readonly lr: readonly [number, number];
  readonly horizon: readonly [number, number];
  /** |x₀| range (Phase I length ∝ |x₀|/η). */
  readonly x: readonly [number, number];
  readonly z: readonly [number, number];
  readonly extra: Partial<ManifoldInstance>;
}

export function manifoldArb(o: ManifoldOptions): fc.Arbitrary<ManifoldInstance> {
  return fc
    .record({
      x: decimalText(o.x[0], o.x[1], 2),
      xNeg: fc.boolean(),
      z: decimalText(o.z[0], o.z[1], 2),
      zNeg: fc.boolean(),
      lr: decimalText(o.lr[0], o.lr[1], 3),
      horizon: decimalText(o.horizon[0], o.horizon[1], 2),
      which: fc.integer({ min: 0, max: o.rules.length - 1 }),
    })
    .map(
      ({ x, xNeg, z, zNeg, lr, horizon, which }): ManifoldInstance => ({
        model: 'manifold-toy',
        theta: [xNeg ? `-${x}` : x, zNeg ? `-${z}` : z],
        lr,
        rule: o.rules[which],
        horizon,
        ...o.extra,
      }),
    );
}

/** Runs Phase I: steps until |x| < η (at most maxSteps). Returns the state and T₁, or a diverged/budget outcome. */
export function phaseOne<T>(F: Field<T>, opt: Optimizer<T>, theta: Vec<T>, maxSteps: number): Stepper<T> | undefined {
  // Only Inf/NaN ends the run (the phases are judged by the checks).
  const run = stepper(opt, theta, { divergenceBound: Number.POSITIVE_INFINITY });
  const eta = opt.lr;
  while (!F.lt(F.abs(run.theta[0]), eta)) {
    if (run.t >= maxSteps || run.diverged) return undefined;
    run.step();
  }
  return run;
}

/** The outcome of a run that stopped: at a fixed point of the rule, or on a non-finite θ (the step after the last finite one). */
export function stopped<T>(ctx: CheckContext<T>, code: string, run: Stepper<T>): Outcome {
  const t = run.diverged ? run.t + 1 : run.t;
  return ctx.diverged({
    code,
    message: `the run stopped at step ${t} (${run.diverged ? 'non-finite θ' : (run.state.fixedPoint ?? '')})`,
    observed: Number.NaN,
    bound: 0,
    margin: Number.NaN,
    step: t,
  });
}

export const ruleName = (r: AroraRule) => (r === 'ngd' ? 'NGD' : r === 'sqrt-gd' ? '√L-GD' : 'GD');

/** The effective learning rate of the rule at θ: η/‖∇L‖ (NGD), η/(2√L) (√L-GD), η (GD). */
export function effectiveLr<T>(F: Field<T>, model: BoundModel<T>, rule: AroraRule, eta: T, theta: Vec<T>): T {
  if (rule === 'gd') return eta;
  if (rule === 'sqrt-gd') return F.div(eta, F.mul(F.int(2), F.sqrt(model.loss(theta))));
  const g = model.grad(theta);
  return F.div(eta, F.sqrt(F.add(F.mul(g[0], g[0]), F.mul(g[1], g[1]))));
}
