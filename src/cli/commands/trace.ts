import { UsageError } from '../../errors.js';
import { createOptimizer } from '../../dynamics/createOptimizer.js';
import { gdToEdge } from '../../dynamics/gdToEdge.js';
import type { TraceEvent } from '../../dynamics/observer.js';
import { OPTIMIZER_IDS, type OptimizerId, type OptimizerSpec } from '../../dynamics/optimizer.js';
import { runTrajectory } from '../../dynamics/runTrajectory.js';
import { traceJson } from '../../dynamics/traceJson.js';
import { isStdout, writeOutput } from '../../harness/writeOutput.js';
import { plotInputFromTrace } from '../../harness/plots/plotInputFromTrace.js';
import { writePlot } from '../../harness/plots/writePlot.js';
import { decimalField } from '../../numerics/decimalField.js';
import { f64 } from '../../numerics/f64Field.js';
import type { Field } from '../../numerics/field.js';
import { formatPrecision } from '../../numerics/precision.js';
import { catapultObserver } from '../../observers/catapultObserver.js';
import { defaultObservers, observersByName } from '../../observers/defaultObservers.js';
import { edgeCrossingObserver } from '../../observers/edgeCrossingObserver.js';
import { edgeMarginObserver } from '../../observers/edgeMarginObserver.js';
import { modelFromOptions, parseParams } from '../modelFromOptions.js';
import { optFlag, optValue, type ParsedArgs } from '../parseArgs.js';
import type { Out } from '../run.js';
import { traceCsv } from './traceCsv.js';
import { traceText } from './traceText.js';
import { checkTraceWork } from '../traceLimits.js';
import { traceOutputFiles, traceRunOptions } from './traceOptions.js';

/** `--param` keys that belong to the update rule rather than the model (README, Commands: `--param lstar=`). */
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

/**
 * How far `trace --reference pgd --observe selfStabilization` searches GD for its first crossing of
 * 2/η before recording (from there on; from θ₀ with an `edge-not-reached` event when none is found).
 */
const EDGE_SEARCH_STEPS = 100_000;

/** `eoscheck trace`: a trajectory with per-step measurements (README, Reports). Divergence is an event, exit 0. */
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
  const { lr, steps, every } = traceRunOptions(args);
  if (precision.kind === 'interval') throw new UsageError('trace runs in f64 or dec:N (intervals widen without bound along a trajectory)', '--precision');
  const ref = optValue(args, 'reference');
  if (ref !== undefined && ref !== 'pgd' && ref !== 'flow') throw new UsageError(`must be pgd or flow, got "${ref}"`, '--reference');
  checkTraceWork(model.dim, steps, every, precision, id === 'pgd' || id === 'flow' || ref !== undefined);
  const { csv, plot } = traceOutputFiles(args);
  const spec: OptimizerSpec = {
    id,
    lr,
    ...(extra.lstar !== undefined ? { lstar: extra.lstar } : {}),
    ...(extra.beta !== undefined ? { beta: extra.beta } : {}),
  };
  const observeText = optValue(args, 'observe');
  const observers = [
    ...defaultObservers(),
    edgeMarginObserver(),
    edgeCrossingObserver(),
    catapultObserver(),
    ...(observeText === undefined
      ? []
      : observersByName(
          observeText
            .split(',')
            .map((s) => s.trim())
            .filter((s) => s !== ''),
        )),
  ];
  // The self-stabilization pipeline (GD beside pgd) starts where GD first reaches the edge.
  const pipeline = id === 'gd' && ref === 'pgd' && observers.some((o) => o.id === 'selfStabilization');
  const go = async <T>(F: Field<T>) => {
    const bound = model.bind(F);
    createOptimizer(bound, spec); // validates the rule's options before any work
    let theta0: (T | string)[] = theta;
    let start: { state: { t: number; theta: T[] } } | undefined;
    const before: TraceEvent<T>[] = [];
    if (pipeline) {
      const found = gdToEdge(
        bound,
        theta.map((x) => F.from(x)),
        lr,
        EDGE_SEARCH_STEPS,
      );
      if (found.reached) {
        theta0 = found.theta;
        start = { state: { t: found.t, theta: found.theta } };
        before.push({ t: found.t, kind: 'pipeline-start', sharpness: found.sharpness });
      } else {
        before.push({ t: found.t, kind: 'edge-not-reached', reason: found.reason });
      }
    }
    const run = runTrajectory(
      model,
      F,
      theta0,
      { optimizer: spec, steps, every, observers, ...(ref !== undefined ? { reference: ref as OptimizerId } : {}) },
      start,
    );
    const r = before.length === 0 ? run : { ...run, events: [...before, ...run.events] };
    const j = traceJson(r);
    if (csv !== undefined) writeOutput(csv, traceCsv(j), '--csv');
    if (plot !== undefined) {
      const title = `${model.id} · ${id} · η = ${lr} · ${formatPrecision(precision)}${r.diverged ? ' · diverged' : ''}`;
      await writePlot(plot, plotInputFromTrace(j, title), '--plot');
    }
    // A CSV or plot on standard output gets it to itself.
    if (!isStdout(csv) && !isStdout(plot)) {
      const header = `${j.model} · ${j.optimizer} · η = ${F.toString(r.lr)} · ${j.precision} · steps ${r.startT}..${r.lastT}${r.diverged ? ' · DIVERGED' : ''}`;
      out.write(optFlag(args, 'json') ? JSON.stringify(j) + '\n' : traceText(j, header, 2 / F.toNumber(r.lr)));
    }
  };
  if (precision.kind === 'f64') await go(f64);
  else await go(decimalField(precision.digits));
  return 0;
}
