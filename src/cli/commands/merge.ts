import { readFileSync } from 'node:fs';
import { UsageError } from '../../errors.js';
import { mergeReports } from '../../harness/mergeReports.js';
import { reportJson, type CheckReport } from '../../harness/report.js';
import { checkWritable, writeOutput } from '../../harness/writeOutput.js';
import { optValue, type ParsedArgs } from '../parseArgs.js';
import type { Out } from '../run.js';

function readReport(file: string): CheckReport {
  let j: unknown;
  try {
    j = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code !== undefined ? `cannot read "${file}": ${code}` : `${file}: invalid JSON (${(e as Error).message})`);
  }
  const r = j as Partial<CheckReport> | null;
  if (r === null || typeof r !== 'object' || typeof r.seed !== 'number' || typeof r.runs !== 'number' || typeof r.shard !== 'string' || !Array.isArray(r.claims)) {
    throw new UsageError(`${file}: not a \`check --json\` report (needs seed, runs, shard, claims)`);
  }
  return { ...r, interrupted: r.interrupted === true } as CheckReport;
}

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
  out.write(`merged ${args.positionals.length} shard report(s) into ${outFile}: ${merged.claims.length} claim(s), ${violated.length} violated${violated.length > 0 ? ` (${violated.join(', ')})` : ''}\n`);
  return violated.length > 0 ? 1 : 0;
}
