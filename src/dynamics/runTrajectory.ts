import { IndeterminateError, NonFiniteError, UsageError } from '../errors.js';
import type { DecimalText, Model } from '../models/model.js';
import type { Field, Vec } from '../numerics/field.js';
import type { Precision } from '../numerics/precision.js';
import { DEFAULT_EVERY, DIVERGENCE_BOUND } from '../settings.js';
import { stabilityEdge } from './stabilityEdge.js';
import { createOptimizer } from './createOptimizer.js';
import { checkState } from './divergence.js';
import type { Observed, ObserverEnv, ObserverFactory, TraceEvent } from './observer.js';
import type { Optimizer, OptimizerId, OptimizerSpec, OptimizerState } from './optimizer.js';
import { pointInfo } from './pointInfo.js';
import { stepperF64 } from './stepperF64.js';

/** How to run a trajectory. */
export interface RunConfig {
  readonly optimizer: OptimizerSpec;
  /** Steps to take (from t = 0, or from the start state when resuming). */
  readonly steps: number;
  /** Record every this many steps, counted on the absolute step t (t = 0 included). Default 1. */
  readonly every?: number;
  /** Observers, in the order their fields appear in each row (default none: rows hold t and θ). */
  readonly observers?: readonly ObserverFactory[];
  /**
   * A reference trajectory run alongside in the same field from the same θ₀ (for distances and the
   * self-stabilization coordinates): a full spec, or just an id to use the main optimizer's η.
   */
  readonly reference?: OptimizerSpec | OptimizerId;
  /** The run diverges when max|θᵢ| exceeds this (default 1e12), or anything is Inf/NaN. */
  readonly divergenceBound?: number;
  /**
   * Use the f64 fast path where it applies (default true): f64, no reference, gd / ngd / sqrt-gd /
   * momentum (see stepperF64). Its iterates are bit-identical; false forces the generic step.
   */
  readonly fastF64?: boolean;
}

/** One recorded step, with the full optimizer state so a run can be replayed from it. */
export interface TraceRow<T> {
  readonly t: number;
  readonly theta: Vec<T>;
  readonly state: OptimizerState<T>;
  /** The reference trajectory's state at t, when one runs. */
  readonly referenceState?: OptimizerState<T>;
  /** Observer fields, in observer order. */
  readonly fields: Readonly<Record<string, Observed<T>>>;
}

/** A run, its values kept in the field type T (see traceJson to serialise it). */
export interface RunResult<T> {
  readonly model: Model;
  readonly F: Field<T>;
  readonly precision: Precision;
  readonly config: RunConfig;
  readonly optimizer: OptimizerId;
  readonly lr: T;
  /** The optimizer's other options in effect (β, L*, ...), as decimal text. */
  readonly optimizerParams: Readonly<Record<string, string>>;
  readonly reference: { readonly optimizer: OptimizerId; readonly lr: T; readonly params: Readonly<Record<string, string>> } | undefined;
  /** The step the run started from (0 unless resumed). */
  readonly startT: number;
  /** The last step completed with finite values (startT + steps unless diverged). */
  readonly lastT: number;
  /** True when the run ended on a `diverged` event. */
  readonly diverged: boolean;
  readonly rows: readonly TraceRow<T>[];
  readonly events: readonly TraceEvent<T>[];
}

/** Where to resume a run: the optimizer states at step `state.t` (see replayFrom). */
export interface RunStart<T> {
  readonly state: OptimizerState<T>;
  readonly referenceState?: OptimizerState<T>;
}

/** Treated as numerical blow-up (→ `diverged`); any other exception is a bug and propagates. */
function isNumericFailure(e: unknown): e is Error {
  return e instanceof NonFiniteError || e instanceof IndeterminateError;
}

function referenceSpec(config: RunConfig): OptimizerSpec | undefined {
  const r = config.reference;
  if (r === undefined) return undefined;
  return typeof r === 'string' ? { id: r, lr: config.optimizer.lr } : r;
}

/** True when every field value of T in an observed value is finite. */
function observedFinite<T>(F: Field<T>, v: Observed<T>): boolean {
  if (v === null || typeof v === 'boolean' || typeof v === 'string') return true;
  if (Array.isArray(v)) return v.every((x) => observedFinite(F, x as Observed<T>));
  if (typeof v === 'number') return Number.isFinite(v);
  return F.isFinite(v as T);
}

/**
 * Runs an update rule for `config.steps` steps in the field F from θ₀ (or from `start`), recording
 * every `every` steps (t = 0 included) the state and the observers' fields, plus events.
 *
 * Divergence: after every step θ (and θ⁻, and the reference's θ) must be finite with max|θᵢ| ≤
 * divergenceBound; at recorded steps every observed value must be finite (an eigensolver is never
 * handed NaN). Otherwise a `diverged` event `{ t, kind: 'diverged', where, reason }` is appended and
 * the run ends there with `diverged: true`: no row ever holds a non-finite value, and it never throws
 * for numerical reasons (bad options are UsageErrors). The bound applies in every field, so a decimal
 * run stops long before its exponents grow huge; a decimal.js overflow past its exponent range is
 * Infinity and caught the same way. `where` is `theta`, `reference` or `observer` (θ_t was finite but
 * a quantity measured at it was not); `t` is the step whose values failed (no row is recorded for it).
 *
 * Other events from the runner: `fixed-point` (the first step an ngd / sqrt-gd state reports a fixed
 * point), `projection-failed` (the first step of each stretch where pgd's projection — main or
 * reference, `where` says which — reports `projected: false`, with its residuals). Observers add their
 * own (edge crossings, catapults, ...). Events are detected at recorded steps, except these runner
 * events, which are checked at every step.
 */
export function runTrajectory<T>(model: Model, F: Field<T>, theta0: readonly (T | DecimalText)[], config: RunConfig, start?: RunStart<T>): RunResult<T> {
  const every = config.every ?? DEFAULT_EVERY;
  if (!(Number.isInteger(config.steps) && config.steps >= 0)) throw new UsageError(`steps must be a non-negative integer, got ${config.steps}`, 'steps');
  if (!(Number.isInteger(every) && every >= 1)) throw new UsageError(`every must be a positive integer, got ${every}`, 'every');
  const boundNum = config.divergenceBound ?? DIVERGENCE_BOUND;
  if (!(boundNum > 0)) throw new UsageError(`the divergence bound must be positive, got ${boundNum}`, 'divergenceBound');
  const bound = F.from(boundNum);
  const boundText = String(boundNum);
  if (start === undefined && theta0.length !== model.dim) {
    throw new UsageError(`model ${model.id} has ${model.dim} coordinates, got ${theta0.length}`, 'theta');
  }
  const b = model.bind(F);
  const opt: Optimizer<T> = createOptimizer(b, config.optimizer);
  const refSpec = referenceSpec(config);
  const ref: Optimizer<T> | undefined = refSpec === undefined ? undefined : createOptimizer(b, refSpec);
  // f64 without a reference: gd, ngd, sqrt-gd and momentum run in the fast path between recorded steps.
  const fast = ref === undefined && config.fastF64 !== false ? stepperF64(opt, boundNum) : undefined;
  const factories = config.observers ?? [];
  for (const f of factories) {
    if (f.needsReference === true && ref === undefined) {
      throw new UsageError(`observer ${f.id} needs a reference trajectory (pgd or flow)`, 'reference');
    }
  }
  const env: ObserverEnv<T> = {
    F,
    model,
    bound: b,
    optimizer: opt.id,
    lr: opt.lr,
    edge: stabilityEdge(opt),
    reference: ref?.id,
  };
  const observers = factories.map((f) => f.create(env));
  const rows: TraceRow<T>[] = [];
  const events: TraceEvent<T>[] = [];
  let diverged = false;
  const diverge = (t: number, where: string, e: Error) => {
    diverged = true;
    events.push({ t, kind: 'diverged', where, reason: e.message });
  };

  const theta = theta0.map((x) => (typeof x === 'string' ? F.from(x) : x));
  let state: OptimizerState<T> | undefined;
  let refState: OptimizerState<T> | undefined;
  const startT = start?.state.t ?? 0;
  let lastT = startT;
  let where = 'theta';
  let fixedReported = false;
  let projFailing = false;
  let refProjFailing = false;

  const runnerEvents = (s: OptimizerState<T>, r: OptimizerState<T> | undefined) => {
    if (s.fixedPoint !== undefined && !fixedReported) {
      fixedReported = true;
      events.push({ t: s.t, kind: 'fixed-point', reason: s.fixedPoint });
    }
    const pairs: [OptimizerState<T> | undefined, string][] = [
      [s, 'theta'],
      [r, 'reference'],
    ];
    for (const [st, w] of pairs) {
      const p = st?.projection;
      if (p === undefined) continue;
      const failing = !p.projected;
      const was = w === 'theta' ? projFailing : refProjFailing;
      if (failing && !was) {
        events.push({
          t: st!.t,
          kind: 'projection-failed',
          where: w,
          reason: p.reason ?? '',
          iterations: p.iterations,
          sharpnessExcess: p.sharpnessExcess,
          newtonResidual: p.newtonResidual,
        });
      }
      if (w === 'theta') projFailing = failing;
      else refProjFailing = failing;
    }
  };

  const record = (s: OptimizerState<T>, r: OptimizerState<T> | undefined): void => {
    where = 'observer';
    const point = pointInfo(b, s.theta);
    const refPoint = r === undefined ? undefined : pointInfo(b, r.theta);
    const fields: Record<string, Observed<T>> = {};
    const newEvents: TraceEvent<T>[] = [];
    for (const o of observers) {
      const out = o.observe({ t: s.t, state: s, point, referenceState: r, reference: refPoint });
      if (out.fields !== undefined) {
        for (const [k, v] of Object.entries(out.fields)) {
          if (!observedFinite(F, v)) throw new NonFiniteError(`observed ${k}`);
          fields[k] = v;
        }
      }
      if (out.events !== undefined) newEvents.push(...out.events);
    }
    rows.push({ t: s.t, theta: s.theta, state: s, ...(r === undefined ? {} : { referenceState: r }), fields });
    events.push(...newEvents);
  };

  let tNow = startT;
  try {
    where = 'theta';
    state = start?.state ?? opt.init(theta);
    checkState(F, state, bound, boundText, 'θ');
    if (ref !== undefined) {
      where = 'reference';
      refState = start?.referenceState ?? ref.init(theta);
      checkState(F, refState, bound, boundText, 'reference θ');
    }
    runnerEvents(state, refState);
    if (state.t % every === 0 || start !== undefined) record(state, refState);
    for (let k = 0; k < config.steps; ) {
      tNow = state.t + 1;
      where = 'theta';
      const next: OptimizerState<T> =
        fast === undefined
          ? opt.step(state)
          : (fast.advance(state as OptimizerState<number>, Math.min(config.steps - k, every - (state.t % every))) as OptimizerState<T>);
      // The fast path may have taken several steps: all before next.t passed the checks.
      tNow = next.t;
      lastT = next.t - 1;
      checkState(F, next, bound, boundText, 'θ');
      let nextRef: OptimizerState<T> | undefined;
      if (ref !== undefined) {
        where = 'reference';
        nextRef = ref.step(refState!);
        checkState(F, nextRef, bound, boundText, 'reference θ');
      }
      k += next.t - state.t;
      state = next;
      refState = nextRef;
      runnerEvents(state, refState);
      if (state.t % every === 0) record(state, refState);
      lastT = state.t;
    }
  } catch (e) {
    if (!isNumericFailure(e)) throw e;
    diverge(tNow, where, e);
  }
  return {
    model,
    F,
    precision: F.precision,
    config,
    optimizer: opt.id,
    lr: opt.lr,
    optimizerParams: opt.params,
    reference: ref === undefined ? undefined : { optimizer: ref.id, lr: ref.lr, params: ref.params },
    startT,
    lastT,
    diverged,
    rows,
    events,
  };
}
