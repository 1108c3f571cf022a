import type { TraceJson } from '../../dynamics/traceJson.js';
import type { TrajectoryPlotInput } from './trajectoryPlotSpec.js';

/** A trace value as a double: numbers (f64) and decimal strings (dec:N); anything else is missing. */
export function traceNumber(v: unknown): number | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' ? Number(v) : NaN;
  return Number.isFinite(n) ? n : null;
}

/**
 * The stability threshold of an update rule, with its label: 2/η for gd and pgd, (2 + 2β)/η for
 * heavy-ball momentum; none for ngd, sqrt-gd and flow (their effective step changes every step).
 */
export function stabilityThreshold(j: Pick<TraceJson, 'optimizer' | 'lr' | 'optimizerParams'>): { value: number; label: string } | undefined {
  const lr = traceNumber(j.lr);
  if (lr === null || lr <= 0) return undefined;
  if (j.optimizer === 'gd' || j.optimizer === 'pgd') {
    const v = 2 / lr;
    return { value: v, label: `2/η = ${v.toPrecision(4)}` };
  }
  if (j.optimizer === 'momentum') {
    const v = (2 + 2 * Number(j.optimizerParams.beta ?? '0.9')) / lr;
    return { value: v, label: `(2+2β)/η = ${v.toPrecision(4)}` };
  }
  return undefined;
}

/**
 * What `trajectoryPlot` draws for a trace (the `trace --json` object): loss, sharpness, the
 * threshold, events, and the rotation angle and reference distance when the trace recorded them.
 * `evidence` (a counterexample's code and step) adds an event at the step where the claim failed.
 */
export function plotInputFromTrace(j: TraceJson, title: string, evidence?: { readonly code?: string; readonly step?: number }): TrajectoryPlotInput {
  const events = j.events.map((e) => ({ t: e.t, kind: e.kind }));
  const last = j.steps.at(-1)?.t ?? 0;
  if (evidence?.step !== undefined && evidence.step <= last) {
    events.push({ t: evidence.step, kind: `${evidence.code ?? 'evidence'} (step ${evidence.step})` });
    events.sort((a, b) => a.t - b.t);
  }
  const thr = stabilityThreshold(j);
  const has = (k: string) => j.steps.some((s) => k in s);
  const series = (k: string) => j.steps.map((s) => traceNumber(s[k]));
  return {
    title,
    t: j.steps.map((s) => s.t),
    loss: series('loss'),
    sharpness: series('sharpness'),
    ...(thr !== undefined ? { threshold: thr.value, thresholdLabel: thr.label } : {}),
    events,
    ...(has('rotationAngle') ? { rotationAngle: series('rotationAngle') } : {}),
    ...(has('referenceDistance')
      ? {
          referenceDistance: series('referenceDistance'),
          referenceLabel: `distance to ${j.reference?.optimizer ?? 'reference'}`,
        }
      : {}),
  };
}
