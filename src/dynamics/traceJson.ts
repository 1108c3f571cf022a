import type { Field } from '../numerics/field.js';
import { formatPrecision } from '../numerics/precision.js';
import type { Observed } from './observer.js';
import type { RunResult } from './runTrajectory.js';
import { DEFAULT_EVERY } from '../settings.js';

/** A JSON value of a trace: field values become numbers in f64 and decimal strings otherwise. */
export type JsonValue = number | string | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/** One `steps` entry of `trace --json`. */
export interface TraceJsonRow {
  readonly t: number;
  readonly theta: (number | string)[];
  readonly [field: string]: JsonValue;
}

/**
 * The `trace --json` object (architecture.md §3): `model`, `optimizer`, `lr`, `precision`,
 * `diverged`, `steps`, `events`, plus `every`, the model's and the optimizer's parameters and the
 * reference trajectory's rule, which a replay needs.
 */
export interface TraceJson {
  readonly model: string;
  readonly optimizer: string;
  readonly lr: number | string;
  readonly precision: string;
  readonly diverged: boolean;
  readonly steps: TraceJsonRow[];
  readonly events: { readonly t: number; readonly kind: string; readonly [key: string]: JsonValue }[];
  readonly every: number;
  readonly modelParams: Readonly<Record<string, string>>;
  readonly optimizerParams: Readonly<Record<string, string>>;
  readonly reference?: { readonly optimizer: string; readonly lr: number | string; readonly params: Readonly<Record<string, string>> };
}

/**
 * One value of the field as JSON: a number in f64 (exact: JSON numbers round-trip doubles), else
 * its full decimal text (every digit, so a decimal run can be replayed from it exactly).
 */
export function fieldJson<T>(F: Field<T>, x: T): number | string {
  return F.precision.kind === 'f64' ? F.toNumber(x) : F.toString(x);
}

/** An observed value as JSON (plain numbers — counts, indices — stay numbers). */
export function observedJson<T>(F: Field<T>, v: Observed<T>): JsonValue {
  if (v === null || typeof v === 'boolean' || typeof v === 'string' || typeof v === 'number') return v as JsonValue;
  if (Array.isArray(v)) return v.map((x) => observedJson(F, x as Observed<T>));
  return fieldJson(F, v as T);
}

/**
 * Serialises a run to the `trace --json` shape. Each step holds `t`, `theta`, then the observer
 * fields in observer order; momentum runs add `prevTheta` (θ_{t−1}), pgd runs `projected`, runs
 * with a reference `referenceTheta` — what a replay from that step needs.
 */
export function traceJson<T>(result: RunResult<T>): TraceJson {
  const F = result.F;
  const vec = (xs: readonly T[]) => xs.map((x) => fieldJson(F, x));
  const steps: TraceJsonRow[] = result.rows.map((row) => {
    const out: Record<string, JsonValue> = { t: row.t, theta: vec(row.theta) };
    for (const [k, v] of Object.entries(row.fields)) out[k] = observedJson(F, v);
    if (row.state.prevTheta !== undefined) out.prevTheta = vec(row.state.prevTheta);
    if (row.state.projection !== undefined) out.projected = row.state.projection.projected;
    if (row.referenceState !== undefined) out.referenceTheta = vec(row.referenceState.theta);
    return out as TraceJsonRow;
  });
  const events = result.events.map((e) => {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(e)) out[k] = observedJson(F, v);
    return out as { t: number; kind: string; [key: string]: JsonValue };
  });
  return {
    model: result.model.id,
    optimizer: result.optimizer,
    lr: fieldJson(F, result.lr),
    precision: formatPrecision(result.precision),
    diverged: result.diverged,
    steps,
    events,
    every: result.config.every ?? DEFAULT_EVERY,
    modelParams: result.model.params,
    optimizerParams: result.optimizerParams,
    ...(result.reference === undefined
      ? {}
      : {
          reference: { optimizer: result.reference.optimizer, lr: fieldJson(F, result.reference.lr), params: result.reference.params },
        }),
  };
}
