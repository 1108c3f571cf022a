import type { BoundModel, Model } from '../models/model.js';
import type { Field } from '../numerics/field.js';
import type { OptimizerId, OptimizerState } from './optimizer.js';
import type { PointInfo } from './pointInfo.js';

/**
 * A value an observer records: field values T (kept at the run's precision), plain numbers for
 * counts and indices, booleans, text, null (undefined quantities such as δ when α ≤ 0), or arrays.
 */
export type Observed<T> = T | number | boolean | string | null | readonly Observed<T>[];

/** A trace event: the step it was detected at, its kind and its details (`trace --json` `events`). */
export type TraceEvent<T> = { readonly t: number; readonly kind: string } & { readonly [key: string]: Observed<T> };

/** What an observer knows about the run it is attached to. */
export interface ObserverEnv<T> {
  readonly F: Field<T>;
  readonly model: Model;
  readonly bound: BoundModel<T>;
  readonly optimizer: OptimizerId;
  /** η. */
  readonly lr: T;
  /** 2/η. */
  readonly edge: T;
  /** The reference trajectory's rule, when one runs alongside. */
  readonly reference: OptimizerId | undefined;
}

/** One recorded step, as an observer sees it. */
export interface ObserveContext<T> {
  readonly t: number;
  readonly state: OptimizerState<T>;
  /** Lazy evaluations at θ_t (shared by all observers of the step). */
  readonly point: PointInfo<T>;
  /** The reference trajectory at the same step, when one runs. */
  readonly referenceState: OptimizerState<T> | undefined;
  readonly reference: PointInfo<T> | undefined;
}

/** Fields to add to the step's row and events to append. */
export interface ObserverOutput<T> {
  readonly fields?: Readonly<Record<string, Observed<T>>>;
  readonly events?: readonly TraceEvent<T>[];
}

/** A per-run measurement; it may keep state between the recorded steps of its run. */
export interface Observer<T> {
  observe(ctx: ObserveContext<T>): ObserverOutput<T>;
}

/**
 * Makes a fresh observer for each run (observers are stateful: rotation remembers the previous u,
 * event detectors their history). `id` names it in configs and reports.
 */
export interface ObserverFactory {
  readonly id: string;
  /** True when the observer needs a reference trajectory (the runner refuses to run without one). */
  readonly needsReference?: boolean;
  create<T>(env: ObserverEnv<T>): Observer<T>;
}
