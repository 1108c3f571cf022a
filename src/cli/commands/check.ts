import type { Claim, Instance, Verdict } from '../../claims/claim.js';
import { claimsToRun } from '../../harness/loadClaims.js';
import { junitXml } from '../../harness/junitXml.js';
import { markdownSummary } from '../../harness/markdownSummary.js';
import { progressLine, type MaybeTty } from '../../harness/progressLine.js';
import { reportJson } from '../../harness/report.js';
import { runCheck } from '../../harness/runCheck.js';
import { formatShard, resolveShard } from '../../harness/shard.js';
import { exitCodeOf, stopOnSignals } from '../../harness/stopOnSignals.js';
import { makeDirs } from '../../harness/makeDirs.js';
import { checkOneStdout, checkWritable, isStdout, writeOutput } from '../../harness/writeOutput.js';
import { closestCalls } from '../../harness/closestCalls.js';
import { htmlReport } from '../../harness/htmlReport.js';
import { readCounterexamples } from '../../harness/readCounterexamples.js';
import { prepareReportDir, writeHtmlReport } from '../../harness/writeHtmlReport.js';
import { verboseEvidenceLine } from '../../harness/verboseEvidence.js';
import { optFlag, optInt, optValue, type ParsedArgs } from '../parseArgs.js';
import { EXIT_INTERNAL, type Out } from '../run.js';
import { CHECK_DEFAULTS } from '../../settings.js';
import { checkControls } from './checkControls.js';
import { checkDirectory } from '../directoryOption.js';
import { jobsOption } from '../jobsOption.js';

/**
 * `eoscheck check [ID|PREFIX* ...]`: runs claims (default: the whole catalog, or only the
 * `--claims` files' claims when files are given) through the harness —
 * fixtures first, then `--runs` seeded instances each, shrinking and storing counterexamples —
 * prints a Markdown summary, writes `--json FILE` (README, Reports), `--junit FILE`,
 * `--summary FILE.md`, `--report DIR` (the HTML report, DIR/index.html). Exit 0 when no claim is violated, 1 when one is (a certified violation) or a fixture no longer
 * replays to its `expected` verdict (unless `--update-fixtures` re-records it), 2 for bad usage, 3 when a check threw
 * (an internal error, counted apart), 130/143/129 after SIGINT/SIGTERM/SIGHUP (the partial report is written). In a shard,
 * only ∀ claims' violations found there decide the exit code: the rest is `partial`, decided by `merge`.
 */
export async function checkCommand(args: ParsedArgs, out: Out): Promise<number> {
  if (optFlag(args, 'controls')) return checkControls(await claimsToRun(args.values.get('claims') ?? [], args.positionals), args, out);
  const seed = optInt(args, 'seed', CHECK_DEFAULTS.seed, -(2 ** 31), 2 ** 31 - 1);
  const runs = optInt(args, 'runs', CHECK_DEFAULTS.runs, 1, 10_000_000);
  // --shard, else a Slurm job array task (SLURM_ARRAY_TASK_ID/COUNT), else the whole run.
  const { shard, from } = resolveShard(optValue(args, 'shard'));
  const fixtures = optValue(args, 'fixtures') ?? CHECK_DEFAULTS.fixtures;
  checkDirectory(fixtures, '--fixtures');
  const jobs = jobsOption(args);
  const budgetText = optValue(args, 'budget');
  const budget = budgetText === undefined ? undefined : optInt(args, 'budget', 0, 1, 1e12);
  const json = optValue(args, 'json');
  const junit = optValue(args, 'junit');
  const summary = optValue(args, 'summary');
  if (json !== undefined) checkWritable(json, '--json');
  if (junit !== undefined) checkWritable(junit, '--junit');
  if (summary !== undefined) checkWritable(summary, '--summary');
  checkOneStdout([
    ['--json', json],
    ['--junit', junit],
    ['--summary', summary],
  ]);
  // An output on standard output gets it to itself: the summary table is then not printed.
  const quiet = [json, junit, summary].some(isStdout);
  const reportDir = optValue(args, 'report');
  if (reportDir !== undefined) prepareReportDir(reportDir, '--report');
  // A directory the user named is made (or refused) now, not when the first counterexample turns up.
  if (optValue(args, 'fixtures') !== undefined) makeDirs(fixtures, '--fixtures');
  const claims: Claim[] = await claimsToRun(args.values.get('claims') ?? [], args.positionals);

  const progress = progressLine(quiet ? { write: () => true } : (out as MaybeTty));
  const { stop, release } = stopOnSignals(() => progress.done());
  const command = [
    'eoscheck check',
    ...args.positionals,
    `--seed ${seed}`,
    `--runs ${runs}`,
    ...(from !== 'none' ? [`--shard ${formatShard(shard)}`] : []),
    ...(args.values.get('claims') ?? []).map((f) => `--claims ${f}`),
  ].join(' ');
  // The report shows each holding claim's closest call: collected while the claims run.
  const closest = reportDir !== undefined ? closestCalls() : undefined;
  // --verbose: every instance's evidence, printed after the summary (kept in run order).
  const verbose: string[] = [];
  const beVerbose = optFlag(args, 'verbose');
  const onInstance =
    closest !== undefined || beVerbose
      ? (claim: Claim, instance: Instance, v: Verdict, k: number) => {
          closest?.onInstance(claim, instance, v);
          if (beVerbose) verbose.push(verboseEvidenceLine(claim.id, k, v));
        }
      : undefined;
  let run;
  try {
    run = await runCheck(claims, {
      ...(onInstance !== undefined ? { onInstance } : {}),
      // Workers load the --claims files themselves, so every claim of this run is found there.
      jobs,
      claimsFiles: args.values.get('claims') ?? [],
      seed,
      runs,
      runsFixed: optValue(args, 'runs') !== undefined,
      shard,
      fixturesDir: fixtures,
      storeDir: fixtures,
      stop,
      command,
      updateFixtures: optFlag(args, 'update-fixtures'),
      ...(budget !== undefined ? { budget } : {}),
      onProgress: (claim, i, done, total) => progress.update(`[${i + 1}/${claims.length}] ${claim.id} ${done}/${total}`),
    });
  } finally {
    progress.done();
    release();
  }
  const { report, results } = run;
  const md = markdownSummary(report, results, args.values.get('claims') ?? []);
  if (json !== undefined) writeOutput(json, reportJson(report), '--json');
  if (junit !== undefined) writeOutput(junit, junitXml(report, results), '--junit');
  if (summary !== undefined) writeOutput(summary, md, '--summary');
  if (reportDir !== undefined) {
    const claimsFiles = args.values.get('claims') ?? [];
    const html = await htmlReport({
      report,
      source: command,
      claims,
      counterexamples: readCounterexamples(report),
      claimsFiles,
      ...(closest !== undefined ? { closestCalls: closest.result() } : {}),
    });
    writeHtmlReport(reportDir, html, '--report');
  }
  if (!quiet) out.write(md);
  if (verbose.length > 0) (quiet ? process.stderr : out).write(`\n${verbose.join('')}`);
  if (report.interrupted) {
    (quiet ? process.stderr : out).write(
      `\nInterrupted (${stop.signal ?? 'SIGINT'}): the report${quiet ? '' : ' above'} is partial; counterexamples found so far are in ${fixtures}.\n`,
    );
    return exitCodeOf(stop);
  }
  // A check that threw (exit 3) outranks a violation: the run itself is not to be trusted.
  if (report.claims.some((r) => r.instances.error > 0)) return EXIT_INTERNAL;
  // A fixture that no longer replays to its `expected` verdict is a regression, like a violation.
  const regressions = results.some((r) => r.mismatches.some((m) => !m.updated));
  return report.claims.some((r) => r.verdict === 'violated') || regressions ? 1 : 0;
}
