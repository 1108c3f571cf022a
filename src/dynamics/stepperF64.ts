import { kernelsF64, type KernelsF64 } from '../models/kernelsF64.js';
import type { BoundModel } from '../models/model.js';
import { f64 } from '../numerics/f64Field.js';
import type { Field } from '../numerics/field.js';
import { FAST_RULES } from './_internals/fastRules.js';
import type { Optimizer, OptimizerState } from './optimizer.js';

/**
 * The f64 fast path of runTrajectory: the update rules gd, ngd, sqrt-gd and momentum as monomorphic
 * loops over Float64Array, calling the model's f64 kernels (KernelsF64; a generic wrapper of
 * bind(f64) when the model has none). Between recorded steps no state object, row or observer is
 * made; the caller gets an ordinary OptimizerState at the steps it must look at.
 *
 * Each step performs the same IEEE operations in the same order as the rule's generic step in the
 * f64 field, so the iterates are bit-identical to the generic path (tested per rule and model).
 */
export interface StepperF64 {
  /**
   * Up to `n` steps from `state` (which the stepper never mutates). Stops early, returning the state
   * at that step, after a step whose θ has an entry that is not finite or beyond the divergence
   * bound (the caller's check then reports it), and after a step at a fixed point when `state` is
   * not one (so the caller sees the first fixed-point step). When a kernel throws, it throws only if
   * that was the first step; otherwise it returns the last state before it (so the caller, calling
   * again, attributes the failure to the right step).
   */
  advance(state: OptimizerState<number>, n: number): OptimizerState<number>;
}

type Rule = 'gd' | 'ngd' | 'sqrt-gd' | 'momentum';

/**
 * The fast stepper of `opt` when its field is f64 and it was built by gd, ngd, sqrtGd or momentum
 * (their η, and β or L* read back from `opt.params`, whose decimal text round-trips to the same
 * double); undefined otherwise, and the caller steps generically. `bound` is the divergence bound.
 * The kernels are the f64 binding's own (BoundModel.kernelsF64) or the generic ones.
 */
export function stepperF64<T>(opt: Optimizer<T>, bound: number): StepperF64 | undefined {
  if ((opt.F as Field<unknown>) !== f64 || !FAST_RULES.has(opt)) return undefined;
  const rule = opt.id as Rule;
  const beta = rule === 'momentum' ? f64.from(opt.params.beta) : 0;
  const lstar = rule === 'sqrt-gd' ? f64.from(opt.params.lstar) : 0;
  return makeStepper(rule, kernelsF64(opt.model as unknown as BoundModel<number>), opt.lr as unknown as number, beta, lstar, bound);
}

/** Outcome of a run of steps: how many were taken and how the last one ended. */
interface Progress {
  steps: number;
  /** 1: every step done; 0: the last step left θ out of bounds; 2: the last step was a fixed point. */
  status: number;
}

// The loops below are top-level functions over their arguments (not closures over a context), so
// V8 compiles each to one tight loop. `out.steps` counts completed steps: it is set only after a
// step's last kernel call, so when a kernel throws it still names the last completed step.

/** θ ← θ − s·g in place; true when every new θᵢ is within the bound (false for NaN and ±Infinity). */
function stepAlong(theta: Float64Array, g: Float64Array, s: number, bound: number): boolean {
  let ok = true;
  for (let i = 0; i < theta.length; i++) {
    const x = theta[i] - s * g[i];
    theta[i] = x;
    if (!(Math.abs(x) <= bound)) ok = false;
  }
  return ok;
}

/** θ ← θ − η∇L(θ) in place: the kernel's fused step when it has one, else its gradient then stepAlong. */
function descend(k: KernelsF64, theta: Float64Array, g: Float64Array, eta: number, bound: number): boolean {
  if (k.descendF64 !== undefined) return k.descendF64(theta, eta, bound);
  k.gradF64(theta, g);
  return stepAlong(theta, g, eta, bound);
}

function gdSteps(k: KernelsF64, theta: Float64Array, g: Float64Array, n: number, lr: number, bound: number, out: Progress): void {
  for (let t = 0; t < n; t++) {
    const ok = descend(k, theta, g, lr, bound);
    out.steps = t + 1;
    if (!ok) {
      out.status = 0;
      return;
    }
  }
}

function momentumSteps(
  k: KernelsF64,
  theta: Float64Array,
  prev: Float64Array,
  g: Float64Array,
  n: number,
  lr: number,
  beta: number,
  bound: number,
  out: Progress,
): void {
  const dim = theta.length;
  for (let t = 0; t < n; t++) {
    k.gradF64(theta, g);
    let ok = true;
    for (let i = 0; i < dim; i++) {
      const x = theta[i];
      const y = x - lr * g[i] + beta * (x - prev[i]);
      prev[i] = x;
      theta[i] = y;
      if (!(Math.abs(y) <= bound)) ok = false;
    }
    out.steps = t + 1;
    if (!ok) {
      out.status = 0;
      return;
    }
  }
}

function ngdSteps(k: KernelsF64, theta: Float64Array, g: Float64Array, n: number, lr: number, bound: number, out: Progress): void {
  const dim = theta.length;
  for (let t = 0; t < n; t++) {
    k.gradF64(theta, g);
    let s2 = 0;
    for (let i = 0; i < dim; i++) s2 += g[i] * g[i];
    const norm = Math.sqrt(s2);
    out.steps = t + 1;
    if (norm === 0) {
      out.status = 2;
      return;
    }
    if (!stepAlong(theta, g, lr / norm, bound)) {
      out.status = 0;
      return;
    }
  }
}

function sqrtGdSteps(k: KernelsF64, theta: Float64Array, g: Float64Array, n: number, lr: number, lstar: number, bound: number, out: Progress): void {
  for (let t = 0; t < n; t++) {
    const gap = k.lossF64(theta) - lstar;
    if (Number.isFinite(gap) && gap <= 0) {
      out.steps = t + 1;
      out.status = 2;
      return;
    }
    const ok = descend(k, theta, g, lr / (2 * Math.sqrt(gap)), bound);
    out.steps = t + 1;
    if (!ok) {
      out.status = 0;
      return;
    }
  }
}

/** A plain number[] copy (Array.from on a typed array goes through the iterator protocol: slower). */
function toArray(v: Float64Array): number[] {
  const out = new Array<number>(v.length);
  for (let i = 0; i < v.length; i++) out[i] = v[i];
  return out;
}

function makeStepper(rule: Rule, k: KernelsF64, lr: number, beta: number, lstar: number, bound: number): StepperF64 {
  let theta = new Float64Array(0);
  let prev = theta;
  let g = theta;
  const fixedReason = rule === 'ngd' ? '∇L = 0' : 'L ≤ L*';
  const momentum = rule === 'momentum';
  const progress: Progress = { steps: 0, status: 1 };
  return {
    advance(state, n) {
      // A fixed point stays one: θ is unchanged, so every later step finds it again.
      if (state.fixedPoint !== undefined) return { ...state, t: state.t + n, theta: state.theta.slice() };
      if (theta.length !== state.theta.length) {
        theta = new Float64Array(state.theta.length);
        prev = new Float64Array(state.theta.length);
        g = new Float64Array(state.theta.length);
      }
      theta.set(state.theta);
      if (momentum) prev.set(state.prevTheta ?? state.theta);
      progress.steps = 0;
      progress.status = 1;
      try {
        if (rule === 'gd') gdSteps(k, theta, g, n, lr, bound, progress);
        else if (rule === 'momentum') momentumSteps(k, theta, prev, g, n, lr, beta, bound, progress);
        else if (rule === 'ngd') ngdSteps(k, theta, g, n, lr, bound, progress);
        else sqrtGdSteps(k, theta, g, n, lr, lstar, bound, progress);
      } catch (e) {
        if (progress.steps === 0) throw e;
        // θ (and θ⁻) are still those of the last completed step: kernels throw before they write.
        progress.status = 1;
      }
      const t = state.t + progress.steps;
      const next: { t: number; theta: number[]; prevTheta?: number[]; fixedPoint?: string } = { t, theta: toArray(theta) };
      if (momentum) next.prevTheta = toArray(prev);
      if (progress.status === 2) next.fixedPoint = fixedReason;
      return next;
    },
  };
}
