import { UsageError } from '../../errors.js';
import { plotInputFromTrace } from '../../harness/plots/plotInputFromTrace.js';
import { writePlot } from '../../harness/plots/writePlot.js';
import { isStdout, writeOutput } from '../../harness/writeOutput.js';
import { parseParams } from '../modelFromOptions.js';
import { optFlag, optValue, type ParsedArgs } from '../parseArgs.js';
import type { Out } from '../run.js';
import { traceCsv } from './traceCsv.js';
import { traceOutputFiles, traceRunOptions } from './traceOptions.js';

/** The update rules a network trace runs (pgd and flow need closed-form curvature: analytic models only). */
const NETWORK_OPTIMIZERS = ['gd', 'ngd', 'sqrt-gd', 'momentum'] as const;
type NetworkOptimizer = (typeof NETWORK_OPTIMIZERS)[number];

/** Options of `trace` that mean nothing for a network, with why. */
const NOT_FOR_NETWORKS: readonly (readonly [string, string])[] = [
  ['theta', 'a network starts from its seeded initialisation (--param seed=S)'],
  ['data', "a network's data set is --param dataset=… with --param n=N"],
  ['expr', 'networks are not formulas'],
  ['vars', 'networks are not formulas'],
  ['precision', 'networks run in float32 on tfjs; check the sharpness against the float64 reference with --param f64Every=k'],
  ['reference', 'pgd and flow references need closed-form curvature (analytic models only)'],
  ['observe', 'network traces record loss, sharpness, ‖∇L‖ and the edge'],
];

/**
 * `eoscheck trace --model mlp|cnn`: full-batch training of a network on TensorFlow.js (float32),
 * with the sharpness by warm-started Lanczos over nested-gradient HVPs every `--every` steps, in the
 * same JSON/CSV/plot shapes as the analytic models plus the backend used. tfjs is loaded only here.
 */
export async function traceNetworkCommand(model: 'mlp' | 'cnn', args: ParsedArgs, out: Out): Promise<number> {
  for (const [name, why] of NOT_FOR_NETWORKS) {
    if (args.values.has(name)) throw new UsageError(`does not apply to --model ${model}: ${why}`, `--${name}`);
  }
  const optimizer = (optValue(args, 'optimizer') ?? 'gd') as NetworkOptimizer;
  if (!NETWORK_OPTIMIZERS.includes(optimizer)) {
    throw new UsageError(
      `"${optimizer}" is not available for networks (known: ${NETWORK_OPTIMIZERS.join(', ')}; pgd and flow are for analytic models)`,
      '--optimizer',
    );
  }
  const run = traceRunOptions(args);
  const lr = Number(run.lr);
  const { steps, every } = run;
  const backendText = optValue(args, 'backend');
  const { BACKENDS, BackendUnavailableError, parseNetworkParams, traceNetwork, traceNetworkJson } = await import('../../tfjs/index.js');
  if (backendText !== undefined && !(BACKENDS as readonly string[]).includes(backendText)) {
    throw new UsageError(`must be one of ${BACKENDS.join(', ')}, got "${backendText}"`, '--backend');
  }
  const params = parseParams(args.values.get('param') ?? []);
  // beta (momentum) and lstar (sqrt-gd) belong to the update rule, as for the analytic models.
  const rule: { beta?: number; lstar?: number } = {};
  for (const key of ['beta', 'lstar'] as const) {
    const v = params[key];
    if (v === undefined) continue;
    delete params[key];
    const x = Number(v);
    const ok = key === 'beta' ? x >= 0 && x < 1 : Number.isFinite(x);
    if (v === '' || !ok) throw new UsageError(`${key}=${v}: ${key === 'beta' ? 'must be in [0, 1)' : 'must be a finite number'}`, '--param');
    rule[key] = x;
  }
  let network;
  try {
    network = parseNetworkParams(model, params);
  } catch (e) {
    if (e instanceof RangeError) throw new UsageError(e.message, '--param');
    throw e;
  }
  const { csv, plot } = traceOutputFiles(args);
  let r;
  try {
    r = await traceNetwork({
      ...network,
      ...rule,
      optimizer,
      lr,
      steps,
      every,
      ...(backendText !== undefined ? { backend: backendText as 'tensorflow' | 'wasm' | 'cpu' } : {}),
    });
  } catch (e) {
    if (e instanceof BackendUnavailableError) throw new UsageError(e.message.replace(/^--backend:?\s*/, ''), '--backend');
    if (e instanceof RangeError) throw new UsageError(e.message.replace(/^traceNetwork: /, ''), '--param');
    throw e;
  }
  const j = traceNetworkJson(r);
  if (csv !== undefined) writeOutput(csv, traceCsv(j), '--csv');
  if (plot !== undefined)
    await writePlot(plot, plotInputFromTrace(j, `${r.label} · ${optimizer} · η = ${lr} · f32 (${r.backend})${r.diverged ? ' · diverged' : ''}`), '--plot');
  // A CSV or plot on standard output gets it to itself.
  if (isStdout(csv) || isStdout(plot)) return 0;
  if (optFlag(args, 'json')) {
    out.write(JSON.stringify(j) + '\n');
    return 0;
  }
  const lines = [
    `${r.label} · ${r.dim} parameters · ${optimizer} · η = ${lr} · f32 on tfjs ${r.backend} · steps 0..${r.steps.at(-1)?.t ?? 0}${r.diverged ? ' · DIVERGED' : ''}`,
  ];
  lines.push(
    `${'t'.padStart(8)}  ${'loss'.padStart(14)}  ${'sharpness'.padStart(12)}  ${'S/edge'.padStart(8)}  ${'‖∇L‖'.padStart(12)}${r.steps.some((s) => s.sharpnessF64 !== undefined) ? `  ${'S (f64 ref)'.padStart(12)}` : ''}`,
  );
  const shown = r.steps.length <= 24 ? r.steps : r.steps.filter((_, i) => i % Math.ceil(r.steps.length / 20) === 0 || i === r.steps.length - 1);
  for (const s of shown) {
    lines.push(
      `${String(s.t).padStart(8)}  ${s.loss.toPrecision(7).padStart(14)}  ${s.sharpness.toPrecision(7).padStart(12)}  ${(s.sharpness / s.edge).toFixed(4).padStart(8)}  ${s.gradNorm.toPrecision(6).padStart(12)}${s.sharpnessF64 !== undefined ? `  ${s.sharpnessF64.toPrecision(7).padStart(12)}` : ''}`,
    );
  }
  if (r.events.length > 0) {
    lines.push('events:');
    for (const e of r.events.slice(0, 40)) lines.push(`  step ${e.t}: ${e.kind}`);
    if (r.events.length > 40) lines.push(`  … ${r.events.length - 40} more`);
  }
  out.write(lines.join('\n') + '\n');
  return 0;
}
