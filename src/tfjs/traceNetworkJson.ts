import type { TraceJson, TraceJsonRow } from '../dynamics/traceJson.js';
import type { TraceNetworkResult } from './traceNetwork.js';

/** `trace --json` for a network: the analytic models' shape plus the backend, the parameter count and the label. */
export type TraceNetworkJson = TraceJson & { readonly backend: string; readonly dim: number; readonly label: string };

/**
 * A network trace in the `trace --json` shape of architecture.md §3 (so `traceCsv` and the trajectory
 * plot take it as they are): `model` is `mlp` or `cnn`, `precision` is `f32`, each step holds t, θ
 * (empty unless the run recorded it), loss, sharpness, gradNorm, edge, the Lanczos residual and
 * convergence, and sharpnessF64 where it was checked. `backend` names the tfjs backend used.
 */
export function traceNetworkJson(r: TraceNetworkResult): TraceNetworkJson {
  const steps: TraceJsonRow[] = r.steps.map(({ t, theta, ...rest }) => ({ t, theta: theta ?? [], ...rest }));
  return {
    model: r.model,
    optimizer: r.optimizer,
    lr: r.lr,
    precision: r.precision,
    diverged: r.diverged,
    steps,
    events: r.events.map((e) => ({ ...e })),
    every: r.every,
    modelParams: r.modelParams,
    optimizerParams: r.optimizerParams,
    backend: r.backend,
    dim: r.dim,
    label: r.label,
  };
}
