import { selectClaims } from '../../claims/registry.js';
import { UsageError } from '../../errors.js';
import { formatEvidence } from '../../harness/formatFailure.js';
import { hunt } from '../../harness/hunt.js';
import { loadClaims } from '../../harness/loadClaims.js';
import { progressLine, type MaybeTty } from '../../harness/progressLine.js';
import { formatShard, resolveShard } from '../../harness/shard.js';
import { makeDirs } from '../../harness/makeDirs.js';
import { exitCodeOf, stopOnSignals } from '../../harness/stopOnSignals.js';
import { checkDirectory } from '../directoryOption.js';
import { optFlag, optInt, optValue, type ParsedArgs } from '../parseArgs.js';
import { EXIT_INTERNAL, type Out } from '../run.js';
import { CHECK_DEFAULTS } from '../../settings.js';

/** Longest hunt: a week (a longer search is better split into shards, each resumable from its fixtures). */
export const MAX_HUNT_MS = 7 * 24 * 3.6e6;

/** "10m", "90s", "1.5h", "500ms" → milliseconds, at most MAX_HUNT_MS; anything else is a UsageError naming --time. */
export function parseDuration(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)\s*$/.exec(text);
  if (m === null) throw new UsageError(`"${text}" is not a duration; use e.g. 500ms, 30s, 10m, 1h`, '--time');
  const ms = Number(m[1]) * { ms: 1, s: 1e3, m: 6e4, h: 3.6e6 }[m[2] as 'ms' | 's' | 'm' | 'h'];
  if (!(ms > 0)) throw new UsageError(`must be positive, got "${text}"`, '--time');
  if (!(ms <= MAX_HUNT_MS)) throw new UsageError(`must be at most 168h (a week), got "${text}"; split a longer search into shards (--shard i/n)`, '--time');
  return ms;
}

/**
 * `eoscheck hunt ID`: targeted search for counterexamples (hill-climbing on the violation margin).
 * `--runs N` climbs, or climbs until `--time` runs out; counterexamples are shrunk and written to
 * `--out DIR` the moment they are found. Exit 0 if none found, 1 if some, 3 if the check threw on
 * a candidate (counted apart, never a counterexample), 130/143/129 after
 * SIGINT/SIGTERM/SIGHUP (the summary of the climbs so far is printed; the fixtures are already on disk).
 */
export async function huntCommand(args: ParsedArgs, out: Out): Promise<number> {
  if (args.positionals.length !== 1)
    throw new UsageError(`needs exactly one claim id, got ${args.positionals.length === 0 ? 'none' : args.positionals.join(' ')}`, 'ID');
  const claims = selectClaims(await loadClaims(args.values.get('claims') ?? []), args.positionals);
  if (claims.length !== 1) throw new UsageError(`"${args.positionals[0]}" names ${claims.length} claims; hunt takes exactly one`, 'ID');
  const claim = claims[0];
  const seed = optInt(args, 'seed', CHECK_DEFAULTS.seed, -(2 ** 31), 2 ** 31 - 1);
  const timeText = optValue(args, 'time');
  const runsText = optValue(args, 'runs');
  if (timeText !== undefined && runsText !== undefined) throw new UsageError('give --runs N or --time T, not both', '--time');
  const runs = timeText === undefined ? optInt(args, 'runs', 20, 1, 10_000_000) : undefined;
  const durationMs = timeText === undefined ? undefined : parseDuration(timeText);
  // --shard, else a Slurm job array task (SLURM_ARRAY_TASK_ID/COUNT), else everything.
  const { shard } = resolveShard(optValue(args, 'shard'));
  const dir = optValue(args, 'out') ?? CHECK_DEFAULTS.fixtures;
  checkDirectory(dir, '--out');
  const budgetText = optValue(args, 'budget');
  const budget = budgetText === undefined ? undefined : optInt(args, 'budget', 0, 1, 1e12);
  const asJson = optFlag(args, 'json');
  // A directory the user named is made (or refused) now, not when the first counterexample turns up.
  if (optValue(args, 'out') !== undefined) makeDirs(dir, '--out');

  const progress = progressLine(out as MaybeTty);
  const { stop, release } = stopOnSignals(() => progress.done());
  const say = (s: string) => {
    if (!asJson) {
      progress.done();
      out.write(s);
    }
  };
  say(
    `eoscheck hunt ${claim.id}: ${runs !== undefined ? `${runs} climb(s)` : `for ${timeText}`}, seed ${seed}, shard ${formatShard(shard)}, counterexamples to ${dir}\n`,
  );
  // Counterexamples this run stored, and stored ones it found again.
  const fresh = new Set<string>();
  const known = new Set<string>();
  let r;
  try {
    r = await hunt(claim, {
      seed,
      shard,
      storeDir: dir,
      stop,
      ...(runs !== undefined ? { runs } : {}),
      ...(durationMs !== undefined ? { deadline: performance.now() + durationMs } : {}),
      ...(budget !== undefined ? { budget } : {}),
      command: `eoscheck hunt ${claim.id} --seed ${seed}`,
      // One line per new counterexample: a rediscovery of a stored one is only counted.
      onCounterexample: (cx, created) => {
        if (created || cx.file === undefined) {
          if (cx.file !== undefined) fresh.add(cx.file);
          say(`found ${cx.file ?? '(not stored)'}: ${formatEvidence(cx.verdict.evidence)}\n`);
        } else if (!fresh.has(cx.file)) known.add(cx.file);
      },
      onClimb: (c, margin) => progress.update(`climb ${c}: best margin ${margin.toPrecision(4)}`),
    });
  } finally {
    progress.done();
    release();
  }
  const files = [...new Set(r.counterexamples.map((c) => c.file).filter((f): f is string => f !== undefined))].sort();
  if (asJson) {
    out.write(
      JSON.stringify({
        claim: r.claim,
        seed,
        shard: formatShard(shard),
        climbs: r.climbs,
        candidates: r.candidates,
        evaluations: r.evaluations,
        artifacts: r.artifacts,
        errors: r.errors,
        firstError: r.firstError === undefined ? null : { instance: r.firstError.instance, message: r.firstError.verdict.evidence.message },
        bestMargin: r.best === undefined || !Number.isFinite(r.best.margin) ? null : r.best.margin,
        best: r.best?.instance ?? null,
        counterexamples: files,
        interrupted: r.interrupted,
      }) + '\n',
    );
  } else {
    out.write(
      `${r.interrupted ? 'interrupted after' : 'done:'} ${r.climbs} climb(s), ${r.candidates} candidates, ${r.evaluations} model evaluations, ${r.artifacts} f64 artifact(s)\n`,
    );
    if (r.best !== undefined)
      out.write(
        `${r.best.margin < 0 ? 'smallest margin' : 'closest to a violation: margin'} ${r.best.margin.toPrecision(4)} (climb ${r.best.climb}): ${formatEvidence(r.best.evidence)}\n`,
      );
    const again = known.size > 0 ? `${known.size} already known found again` : '';
    if (fresh.size > 0)
      out.write(
        `${fresh.size} new counterexample(s)${again ? `, ${again}` : ''}:\n${[...fresh]
          .sort()
          .map((f) => `  ${f}\n`)
          .join('')}`,
      );
    else out.write(again ? `no new counterexample; ${again}\n` : 'no counterexample found\n');
    if (r.firstError !== undefined) {
      out.write(
        `the check threw on ${r.errors} candidate(s): a bug in the check, not a counterexample (none stored; exit 3). First, on ${JSON.stringify(r.firstError.instance)}:\n` +
          `${r.firstError.verdict.stack}\n`,
      );
    }
  }
  if (r.interrupted) return exitCodeOf(stop);
  // As in check: a check that threw outranks a violation (the search itself is not to be trusted).
  if (r.errors > 0) return EXIT_INTERNAL;
  return files.length > 0 || r.counterexamples.length > 0 ? 1 : 0;
}
