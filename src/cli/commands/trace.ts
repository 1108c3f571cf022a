import { UsageError } from '../../errors.js';
import { createOptimizer } from '../../dynamics/createOptimizer.js';
import { OPTIMIZER_IDS, type OptimizerId, type OptimizerSpec } from '../../dynamics/optimizer.js';
import { runTrajectory, type RunResult } from '../../dynamics/runTrajectory.js';
import { traceJson, type TraceJson } from '../../dynamics/traceJson.js';
import { writeOutput, checkWritable } from '../../harness/writeOutput.js';
import { plotInputFromTrace, stabilityThreshold } from '../../harness/plots/plotInputFromTrace.js';
import { plotFormat, writePlot } from '../../harness/plots/writePlot.js';
import { decimalField } from '../../numerics/decimalField.js';
import { f64 } from '../../numerics/f64Field.js';
import type { Field } from '../../numerics/field.js';
import { formatPrecision } from '../../numerics/precision.js';
import { catapultObserver } from '../../observers/catapultObserver.js';
import { defaultObservers, observersByName } from '../../observers/defaultObservers.js';
import { edgeCrossingObserver } from '../../observers/edgeCrossingObserver.js';
import { edgeMarginObserver } from '../../observers/edgeMarginObserver.js';
import { modelFromOptions, parseParams } from '../modelFromOptions.js';
import { optFlag, optInt, optValue, type ParsedArgs } from '../parseArgs.js';
import type { Out } from '../run.js';
import { decimalOption } from '../decimalOption.js';
import { traceCsv } from './traceCsv.js';
import { checkTraceWork, MAX_TRACE_STEPS } from '../traceLimits.js';

/** `--param` keys that belong to the update rule rather than the model (architecture §3: `--param lstar=`). */
const OPTIMIZER_PARAMS = ['lstar', 'beta'] as const;

function splitParams(args: ParsedArgs): { modelArgs: ParsedArgs; extra: Record<string, string> } {
  // Parsed once by the shared parser (malformed and repeated keys are errors), then split.
  const all = parseParams(args.values.get('param') ?? []);
  const extra: Record<string, string> = {};
  const kept: string[] = [];
  for (const [key, value] of Object.entries(all)) {
    if ((OPTIMIZER_PARAMS as readonly string[]).includes(key)) extra[key] = value;
    else kept.push(`${key}=${value}`);
  }
  const values = new Map(args.values);
  values.set('param', kept);
  return { modelArgs: { positionals: args.positionals, values }, extra };
}


function num(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'string') {
    const n = Number(v);
    return Number.isFinite(n) ? n : null;
  }
  return null;
}

function human<T>(r: RunResult<T>, j: TraceJson): string {
  const F = r.F;
  // S against the rule's own edge (2/η, or (2 + 2β)/η for momentum), as the plot draws it.
  const edge = stabilityThreshold(j)?.value ?? 2 / F.toNumber(r.lr);
  const lines = [
    `${j.model} · ${j.optimizer} · η = ${F.toString(r.lr)} · ${j.precision} · steps ${r.startT}..${r.lastT}${r.diverged ? ' · DIVERGED' : ''}`,
  ];
  const shown = j.steps.length <= 24 ? j.steps : j.steps.filter((_, i) => i % Math.ceil(j.steps.length / 20) === 0 || i === j.steps.length - 1);
  lines.push(`${'t'.padStart(8)}  ${'loss'.padStart(14)}  ${'sharpness'.padStart(14)}  ${'S/edge'.padStart(9)}  ${'‖∇L‖'.padStart(12)}`);
  for (const s of shown) {
    const S = num(s.sharpness);
    const f = (v: unknown, w: number) => {
      const n = num(v);
      return (n === null ? '—' : n.toPrecision(7)).padStart(w);
    };
    lines.push(`${String(s.t).padStart(8)}  ${f(s.loss, 14)}  ${f(s.sharpness, 14)}  ${(S === null ? '—' : (S / edge).toFixed(4)).padStart(9)}  ${f(s.gradNorm, 12)}`);
  }
  if (j.events.length > 0) {
    lines.push('events:');
    for (const e of j.events.slice(0, 40)) {
      const { t, kind, ...rest } = e;
      const detail = Object.entries(rest).map(([k, v]) => `${k}=${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join(' ');
      lines.push(`  step ${t}: ${kind}${detail ? ` (${detail})` : ''}`);
    }
    if (j.events.length > 40) lines.push(`  … ${j.events.length - 40} more`);
  }
  return lines.join('\n') + '\n';
}

/** `eoscheck trace`: a trajectory with per-step measurements (architecture §3). Divergence is an event, exit 0. */
export async function traceCommand(args: ParsedArgs, out: Out): Promise<number> {
  const modelId = optValue(args, 'model');
  if (modelId === 'mlp' || modelId === 'cnn') {
    // Networks train on TensorFlow.js: loaded only for them (about a second).
    const { traceNetworkCommand } = await import('./traceNetworkCommand.js');
    return traceNetworkCommand(modelId, args, out);
  }
  if (optValue(args, 'backend') !== undefined) throw new UsageError('applies to networks only (--model mlp or cnn)', '--backend');
  const { modelArgs, extra } = splitParams(args);
  const { model, theta, precision } = modelFromOptions(modelArgs);
  const id = (optValue(args, 'optimizer') ?? 'gd') as OptimizerId;
  if (!OPTIMIZER_IDS.includes(id)) throw new UsageError(`unknown optimizer "${id}" (known: ${OPTIMIZER_IDS.join(', ')})`, '--optimizer');
  const lr = decimalOption(args, 'lr', (x) => x > 0, 'a positive decimal number');
  if (lr === undefined) throw new UsageError('is required: the learning rate η', '--lr');
  const steps = optInt(args, 'steps', 100, 0, MAX_TRACE_STEPS);
  const every = optInt(args, 'every', 1, 1, MAX_TRACE_STEPS);
  if (precision.kind === 'interval') throw new UsageError('trace runs in f64 or dec:N (intervals widen without bound along a trajectory)', '--precision');
  const ref = optValue(args, 'reference');
  if (ref !== undefined && ref !== 'pgd' && ref !== 'flow') throw new UsageError(`must be pgd or flow, got "${ref}"`, '--reference');
  checkTraceWork(model.dim, steps, every, precision, id === 'pgd' || id === 'flow' || ref !== undefined);
  const csv = optValue(args, 'csv');
  const plot = optValue(args, 'plot');
  if (csv !== undefined) checkWritable(csv, '--csv');
  if (plot !== undefined) {
    plotFormat(plot, '--plot');
    checkWritable(plot, '--plot');
  }
  const spec: OptimizerSpec = { id, lr, ...(extra.lstar !== undefined ? { lstar: extra.lstar } : {}), ...(extra.beta !== undefined ? { beta: extra.beta } : {}) };
  const observeText = optValue(args, 'observe');
  const observers = [
    ...defaultObservers(), edgeMarginObserver(), edgeCrossingObserver(), catapultObserver(),
    ...(observeText === undefined ? [] : observersByName(observeText.split(',').map((s) => s.trim()).filter((s) => s !== ''))),
  ];
  const go = async <T>(F: Field<T>) => {
    createOptimizer(model.bind(F), spec); // validates the rule's options before any work
    const r = runTrajectory(model, F, theta, { optimizer: spec, steps, every, observers, ...(ref !== undefined ? { reference: ref as OptimizerId } : {}) });
    const j = traceJson(r);
    if (csv !== undefined) writeOutput(csv, traceCsv(j), '--csv');
    if (plot !== undefined) {
      const title = `${model.id} · ${id} · η = ${lr} · ${formatPrecision(precision)}${r.diverged ? ' · diverged' : ''}`;
      await writePlot(plot, plotInputFromTrace(j, title), '--plot');
    }
    out.write(optFlag(args, 'json') ? JSON.stringify(j) + '\n' : human(r, j));
  };
  if (precision.kind === 'f64') await go(f64);
  else await go(decimalField(precision.digits));
  return 0;
}
