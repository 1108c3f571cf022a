import type { Claim } from '../../claims/claim.js';
import { UsageError } from '../../errors.js';
import { progressLine, type MaybeTty } from '../../harness/progressLine.js';
import { controlsMarkdown, CONTROL_RUNS, runControls } from '../../harness/runControls.js';
import { exitCodeOf, stopOnSignals } from '../../harness/stopOnSignals.js';
import { optInt, optValue, type ParsedArgs } from '../parseArgs.js';
import type { Out } from '../run.js';

/**
 * `eoscheck check --controls`: runs the negative control of every selected claim (built-in and
 * `--claims`) and prints whether each was flagged. Exit 0 when every control is flagged, 1 when a
 * check never failed on its control (it cannot detect a violation), 130 after Ctrl-C.
 */
export async function checkControls(claims: readonly Claim[], args: ParsedArgs, out: Out): Promise<number> {
  for (const o of ['json', 'junit', 'summary', 'report', 'shard', 'fixtures']) {
    if (optValue(args, o) !== undefined) throw new UsageError('is not used with --controls (controls print their table only)', `--${o}`);
  }
  const seed = optInt(args, 'seed', 1, -(2 ** 31), 2 ** 31 - 1);
  const runs = optInt(args, 'runs', CONTROL_RUNS, 1, 10_000_000);
  const budgetText = optValue(args, 'budget');
  const budget = budgetText === undefined ? undefined : optInt(args, 'budget', 0, 1, 1e12);
  const progress = progressLine(out as MaybeTty);
  const { stop, release } = stopOnSignals(() => progress.done());
  let rows;
  try {
    rows = await runControls(claims, {
      seed,
      runs,
      stop,
      ...(budget !== undefined ? { budget } : {}),
      onProgress: (claim, i, done, total) => progress.update(`[${i + 1}/${claims.length}] ${claim.id} control ${done}/${total}`),
    });
  } finally {
    progress.done();
    release();
  }
  out.write(controlsMarkdown(rows, seed));
  if (stop.requested) return exitCodeOf(stop);
  return rows.every((r) => r.flagged) ? 0 : 1;
}
