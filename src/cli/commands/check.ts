import type { Claim } from '../../claims/claim.js';
import { selectClaims } from '../../claims/registry.js';
import { loadClaims } from '../../harness/loadClaims.js';
import { junitXml } from '../../harness/junitXml.js';
import { markdownSummary } from '../../harness/markdownSummary.js';
import { progressLine, type MaybeTty } from '../../harness/progressLine.js';
import { reportJson } from '../../harness/report.js';
import { runCheck } from '../../harness/runCheck.js';
import { formatShard, resolveShard } from '../../harness/shard.js';
import { EXIT_INTERRUPTED, stopOnSigint } from '../../harness/stopOnSigint.js';
import { checkWritable, writeOutput } from '../../harness/writeOutput.js';
import { htmlReport } from '../../harness/htmlReport.js';
import { readCounterexamples } from '../../harness/readCounterexamples.js';
import { prepareReportDir, writeHtmlReport } from '../../harness/writeHtmlReport.js';
import { checkDirectory } from '../directoryOption.js';
import { optInt, optValue, type ParsedArgs } from '../parseArgs.js';
import type { Out } from '../run.js';

/** Defaults of `eoscheck check` (and so of `npm start`): a fixed seed, so the run is reproducible. */
export const CHECK_DEFAULTS = { seed: 1, runs: 100, fixtures: 'fixtures/counterexamples' } as const;

/**
 * `eoscheck check [ID|PREFIX* ...]`: runs claims (default: the whole catalog) through the harness —
 * fixtures first, then `--runs` seeded instances each, shrinking and storing counterexamples —
 * prints a Markdown summary, writes `--json FILE` (architecture §3), `--junit FILE`,
 * `--summary FILE.md`, `--report DIR` (the HTML report, DIR/index.html). Exit 0 when no claim is violated, 1 when one is, 2 for bad usage, 130 after Ctrl-C.
 */
export async function checkCommand(args: ParsedArgs, out: Out): Promise<number> {
  const seed = optInt(args, 'seed', CHECK_DEFAULTS.seed, -(2 ** 31), 2 ** 31 - 1);
  const runs = optInt(args, 'runs', CHECK_DEFAULTS.runs, 1, 10_000_000);
  // --shard, else a Slurm job array task (SLURM_ARRAY_TASK_ID/COUNT), else the whole run.
  const { shard, from } = resolveShard(optValue(args, 'shard'));
  const fixtures = optValue(args, 'fixtures') ?? CHECK_DEFAULTS.fixtures;
  checkDirectory(fixtures, '--fixtures');
  const budgetText = optValue(args, 'budget');
  const budget = budgetText === undefined ? undefined : optInt(args, 'budget', 0, 1, 1e12);
  const json = optValue(args, 'json');
  const junit = optValue(args, 'junit');
  const summary = optValue(args, 'summary');
  if (json !== undefined) checkWritable(json, '--json');
  if (junit !== undefined) checkWritable(junit, '--junit');
  if (summary !== undefined) checkWritable(summary, '--summary');
  const reportDir = optValue(args, 'report');
  if (reportDir !== undefined) prepareReportDir(reportDir, '--report');
  const claims: Claim[] = selectClaims(await loadClaims(args.values.get('claims') ?? []), args.positionals);

  const progress = progressLine(out as MaybeTty);
  const { stop, release } = stopOnSigint(() => progress.done());
  const command = ['eoscheck check', ...args.positionals, `--seed ${seed}`, `--runs ${runs}`, ...(from !== 'none' ? [`--shard ${formatShard(shard)}`] : []),
    ...(args.values.get('claims') ?? []).map((f) => `--claims ${f}`)].join(' ');
  let run;
  try {
    run = await runCheck(claims, {
      seed, runs, runsFixed: optValue(args, 'runs') !== undefined, shard, fixturesDir: fixtures, storeDir: fixtures, stop, command,
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
    const html = await htmlReport({ report, source: command, claims, counterexamples: readCounterexamples(report), claimsFiles });
    writeHtmlReport(reportDir, html, '--report');
  }
  out.write(md);
  if (report.interrupted) {
    out.write(`\nInterrupted: the report above is partial; counterexamples found so far are in ${fixtures}.\n`);
    return EXIT_INTERRUPTED;
  }
  return report.claims.some((r) => r.verdict === 'violated') ? 1 : 0;
}
