import { relative } from 'node:path';
import type { Claim, Instance, Verdict } from '../claims/claim.js';
import type { CheckReport, ClaimRow } from './report.js';
import { runClaim, type ClaimResult, type RunClaimOptions } from './runClaim.js';
import { formatShard, NO_SHARD, type Shard } from './shard.js';
import { verdictInRun } from './verdictInRun.js';
import { VERSION } from './version.js';

export interface RunCheckOptions extends Omit<RunClaimOptions, 'onProgress' | 'onInstance' | 'mode'> {
  /**
   * True when the user fixed `runs` (`--runs N`): every claim gets exactly that many. Otherwise
   * `runs` is the default and a claim that declares its own `runs` gets that instead.
   */
  readonly runsFixed?: boolean;
  /** Called after each instance with the claim and its progress. */
  readonly onProgress?: (claim: Claim, claimIndex: number, done: number, total: number) => void;
  /** Called with each generated instance of each claim, its verdict and its run index. */
  readonly onInstance?: (claim: Claim, instance: Instance, verdict: Verdict, runIndex: number) => void;
}

export interface CheckRun {
  readonly report: CheckReport;
  readonly results: readonly ClaimResult[];
}

/** The instances a claim runs with: a fixed `--runs`, else the claim's own default, else the run's. */
export function runsFor(claim: Claim, runs: number, runsFixed: boolean): number {
  return runsFixed ? runs : (claim.runs ?? runs);
}

/**
 * A claim's row as this run reports it: the verdict a shard or a cut run can give (verdictInRun),
 * counterexample files relative to the fixtures directory the report records.
 */
function rowInRun(r: ClaimResult, shard: Shard, fixtures: string | undefined): ClaimRow {
  const row = r.row;
  return {
    ...row,
    verdict: verdictInRun(row.verdict, row.kind, { shard, interrupted: r.interrupted }),
    counterexamples: fixtures === undefined ? row.counterexamples : row.counterexamples.map((f) => relative(fixtures, f)).sort(),
  };
}

/**
 * Runs claims in order, one after the other (this machine has one core of throughput), and builds
 * the `check --json` report. After a signal the report holds the claims run so far, the one cut
 * mid-run `interrupted`, and `interrupted: true`; in a shard, verdicts only the whole run decides
 * are `partial`.
 */
export async function runCheck(claims: readonly Claim[], o: RunCheckOptions): Promise<CheckRun> {
  const results: ClaimResult[] = [];
  let interrupted = false;
  const shard = o.shard ?? NO_SHARD;
  const fixtures = o.storeDir ?? o.fixturesDir;
  for (let i = 0; i < claims.length; i++) {
    const claim = claims[i];
    if (o.stop?.requested === true) {
      interrupted = true;
      break;
    }
    const { onProgress, onInstance, runsFixed, ...rest } = o;
    const r = await runClaim(claim, {
      ...rest,
      runs: runsFor(claim, o.runs, runsFixed === true),
      mode: 'claim',
      ...(onProgress !== undefined ? { onProgress: (d: number, t: number) => onProgress(claim, i, d, t) } : {}),
      ...(onInstance !== undefined ? { onInstance: (inst: Instance, v: Verdict, k: number) => onInstance(claim, inst, v, k) } : {}),
    });
    results.push({ ...r, row: rowInRun(r, shard, fixtures) });
    if (r.interrupted) {
      interrupted = true;
      break;
    }
  }
  const report: CheckReport = {
    seed: o.seed,
    runs: o.runs,
    shard: formatShard(shard),
    version: VERSION,
    ...(fixtures !== undefined ? { fixtures } : {}),
    interrupted,
    claims: results.map((r) => r.row),
  };
  return { report, results };
}
