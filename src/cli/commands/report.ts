import { basename } from 'node:path';
import { UsageError } from '../../errors.js';
import { htmlReport } from '../../harness/htmlReport.js';
import { loadClaims } from '../../harness/loadClaims.js';
import { readCounterexamples } from '../../harness/readCounterexamples.js';
import { readReport } from '../../harness/readReport.js';
import { prepareReportDir, writeHtmlReport } from '../../harness/writeHtmlReport.js';
import { optValue, type ParsedArgs } from '../parseArgs.js';
import type { Out } from '../run.js';

/**
 * `eoscheck report RESULTS.json --html DIR`: the HTML report of a `check --json` results file,
 * written as DIR/index.html (see htmlReport). The counterexample fixtures the results list are read
 * and their trajectories re-run for the plots; `--claims FILE.ts` loads user claims for their
 * citations and replay commands. The same results file (and fixtures) gives the same bytes.
 */
export async function reportCommand(args: ParsedArgs, out: Out): Promise<number> {
  if (args.positionals.length !== 1) throw new UsageError(`needs exactly one results file (from check --json), got ${args.positionals.length}`, 'RESULTS.json');
  const file = args.positionals[0];
  const dir = optValue(args, 'html');
  if (dir === undefined) throw new UsageError('is required: the directory to write the report in', '--html');
  const report = readReport(file, 'RESULTS.json');
  prepareReportDir(dir, '--html');
  const claimsFiles = args.values.get('claims') ?? [];
  const claims = await loadClaims(claimsFiles);
  const counterexamples = readCounterexamples(report, file);
  const html = await htmlReport({ report, source: basename(file), claims, counterexamples, claimsFiles });
  const page = writeHtmlReport(dir, html, '--html');
  const n = [...counterexamples.values()].reduce((s, l) => s + l.length, 0);
  out.write(`wrote ${page}: ${report.claims.length} claim(s), ${n} counterexample(s)\n`);
  return 0;
}
