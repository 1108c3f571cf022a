import { UsageError } from '../../errors.js';
import { mergeReports } from '../../harness/mergeReports.js';
import { readReport } from '../../harness/readReport.js';
import { reportJson } from '../../harness/report.js';
import { checkWritable, isStdout, writeOutput } from '../../harness/writeOutput.js';
import { optValue, type ParsedArgs } from '../parseArgs.js';
import type { Out } from '../run.js';

/**
 * `eoscheck merge FILE... --out FILE`: the reports of `check --shard 1/n … n/n` merged into the
 * report of the unsharded run (identical except the timing fields `ms`). Exit 1 when the merged
 * run has a violated claim, 0 otherwise.
 */
export async function mergeCommand(args: ParsedArgs, out: Out): Promise<number> {
  const outFile = optValue(args, 'out');
  if (outFile === undefined) throw new UsageError('is required: the merged report file', '--out');
  if (args.positionals.length === 0) throw new UsageError('needs the shard reports to merge', 'FILE');
  checkWritable(outFile, '--out');
  const merged = mergeReports(args.positionals.map((file) => ({ file, report: readReport(file) })));
  writeOutput(outFile, reportJson(merged), '--out');
  const violated = merged.claims.filter((c) => c.verdict === 'violated').map((c) => c.id);
  (isStdout(outFile) ? process.stderr : out).write(
    `merged ${args.positionals.length} shard report(s) into ${outFile}: ${merged.claims.length} claim(s), ${violated.length} violated${violated.length > 0 ? ` (${violated.join(', ')})` : ''}\n`,
  );
  return violated.length > 0 ? 1 : 0;
}
