import type { Verdict } from '../../claims/claim.js';
import { EoscheckError, UsageError } from '../../errors.js';
import { parsePrecision } from '../../numerics/precision.js';
import { checkAt, evaluate } from '../../harness/evaluate.js';
import { formatCertificate, formatEvidence, formatLadder } from '../../harness/formatFailure.js';
import { readFixture } from '../../harness/fixtureStore.js';
import { loadClaims } from '../../harness/loadClaims.js';
import { instanceTrajectory, trajectoryPlan } from '../../harness/plots/instanceTrajectory.js';
import { plotInputFromTrace } from '../../harness/plots/plotInputFromTrace.js';
import { plotFormat, writePlot } from '../../harness/plots/writePlot.js';
import { checkWritable } from '../../harness/writeOutput.js';
import { optFlag, optValue, type ParsedArgs } from '../parseArgs.js';
import { EXIT_INTERNAL, type Out } from '../run.js';

/**
 * `eoscheck replay FILE.json`: re-runs a counterexample fixture. Without `--precision` it climbs
 * the claim's precision ladder, as the run that found it did, so the verdict is reproduced; with
 * `--precision f64|dec:N|interval:N` it evaluates the check at that precision alone (no
 * certification). Exit 1 when the replay is violated, 3 when the check threw, 0 otherwise. `--plot FILE.svg|FILE.png` also draws the instance's
 * trajectory, re-run in float64 through src/dynamics (an instance without θ and η has none: exit 2).
 */
export async function replayCommand(args: ParsedArgs, out: Out): Promise<number> {
  if (args.positionals.length !== 1) throw new UsageError(`needs exactly one fixture file, got ${args.positionals.length}`, 'FILE');
  const file = args.positionals[0];
  const fx = readFixture(file);
  const claims = await loadClaims(args.values.get('claims') ?? []);
  // The fixture's claim id literally: "kreisler.*" in a fixture is no pattern, it names no claim.
  const claim = claims.find((c) => c.id === fx.claim);
  if (claim === undefined) throw new UsageError(`${file}: unknown claim "${fx.claim}" (not built in; load user claims with --claims FILE)`);
  const plot = optValue(args, 'plot');
  if (plot !== undefined) {
    plotFormat(plot, '--plot');
    checkWritable(plot, '--plot');
    const plan = trajectoryPlan(fx.claim, fx.instance);
    if ('reason' in plan) throw new UsageError(`${file}: no plot: ${plan.reason}`, '--plot');
  }
  const p = optValue(args, 'precision');
  const precision = p === undefined ? undefined : parsePrecision(p);
  let verdict: Verdict;
  try {
    verdict =
      precision === undefined ? evaluate(claim, fx.instance, { mode: 'claim' }).verdict : checkAt(claim, fx.instance, precision, { mode: 'claim' }).outcome;
  } catch (e) {
    if (e instanceof EoscheckError) throw new UsageError(`${file}: the instance is not valid: ${e.message}`);
    throw e;
  }
  const reproduced = verdict.verdict === (fx.expected ?? fx.verdict);
  const certificate = 'certificate' in verdict ? verdict.certificate : undefined;
  if (plot !== undefined) {
    const run = instanceTrajectory(fx.claim, fx.instance);
    if (run.kind === 'none') throw new UsageError(`${file}: no plot: ${run.reason}`, '--plot');
    const t = run.trace;
    await writePlot(
      plot,
      plotInputFromTrace(t, `${fx.claim} · ${t.model} · ${t.optimizer} · η = ${String(t.lr)} · f64${t.diverged ? ' · diverged' : ''}`, fx),
      '--plot',
    );
  }
  if (optFlag(args, 'json')) {
    out.write(
      JSON.stringify({
        file,
        claim: fx.claim,
        precision: p ?? 'ladder',
        verdict: verdict.verdict,
        evidence: verdict.evidence,
        ...(certificate !== undefined ? { certificate } : {}),
        ...(verdict.verdict === 'error' ? { stack: verdict.stack } : {}),
        recorded: fx.verdict,
        expected: fx.expected ?? fx.verdict,
        reproduced,
      }) + '\n',
    );
  } else {
    const ladder = 'ladder' in verdict ? formatLadder(verdict.ladder, verdict.evidence, certificate) : verdict.evidence.precision;
    out.write(
      [
        `replay ${file}`,
        `claim     ${fx.claim}`,
        `verdict   ${verdict.verdict} (recorded ${fx.verdict} at ${fx.precision}${fx.expected !== undefined ? `, expected ${fx.expected}` : ''}): ${reproduced ? 'reproduced' : 'NOT reproduced'}`,
        `evidence  ${formatEvidence(verdict.evidence)}`,
        `precision ${ladder}`,
        ...(certificate !== undefined
          ? [`certified ${formatCertificate(certificate)}`]
          : verdict.verdict === 'violated'
            ? ['certified no (a single precision, or a negative control)']
            : []),
        ...(verdict.verdict === 'error' ? [verdict.stack] : []),
        ...(fx.why !== undefined ? [`why       ${fx.why}`] : []),
        ...(plot !== undefined ? [`plot      ${plot}`] : []),
      ].join('\n') + '\n',
    );
  }
  if (verdict.verdict === 'error') return EXIT_INTERNAL;
  return verdict.verdict === 'violated' ? 1 : 0;
}
