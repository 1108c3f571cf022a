import type { TraceNetworkResult } from './traceNetwork.js';

/** The figures of the edge-of-stability acceptance criterion, read off a network trace. */
export interface EosFigures {
  /** First recorded step with S ≥ 2/η (−1 if never). */
  readonly cross: number;
  /** η·S/2 at t = 0. */
  readonly first: number;
  /** Mean and maximum of η·S/2 over the recorded steps from cross + burn·(T − cross) on. */
  readonly mean: number;
  readonly max: number;
  /** Number of steps after the crossing at which the loss rose. */
  readonly rises: number;
  readonly lossCross: number;
  readonly lossEnd: number;
}

/**
 * Progressive sharpening and EoS figures of a GD trace: where the sharpness first reaches 2/η, then
 * the mean of η·S/2 after discarding the first `burn` fraction (default 0.2) of the
 * remaining run, the count of loss increases after the crossing and the loss there and at the end.
 * For gd (the edge is 2/η with η = r.lr).
 */
export function eosFigures(r: TraceNetworkResult, burn = 0.2): EosFigures {
  const edge = 2 / r.lr;
  const cross = r.events.find((e) => e.kind === 'edge-crossed')?.t ?? -1;
  const T = r.losses.length - 1;
  const first = r.steps[0].sharpness / edge;
  if (cross < 0) return { cross, first, mean: Number.NaN, max: Number.NaN, rises: 0, lossCross: Number.NaN, lossEnd: r.losses[T] };
  const from = cross + burn * (T - cross);
  const window = r.steps.filter((s) => s.t >= from).map((s) => s.sharpness / edge);
  const mean = window.reduce((a, b) => a + b, 0) / window.length;
  let rises = 0;
  for (let t = cross + 1; t <= T; t++) if (r.losses[t] > r.losses[t - 1]) rises++;
  return { cross, first, mean, max: Math.max(...window), rises, lossCross: r.losses[cross], lossEnd: r.losses[T] };
}
