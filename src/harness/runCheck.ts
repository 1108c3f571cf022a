import { relative } from 'node:path';
import type { Claim, Instance, Verdict } from '../claims/claim.js';
import type { CheckReport, ClaimRow } from './report.js';
import { runClaim, type ClaimResult, type RunClaimOptions } from './runClaim.js';
import { runInWorkers } from './runInWorkers.js';
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
  /** Called with each generated instance of each claim, its verdict and its run index (claim by claim, in order, with any `jobs`). */
  readonly onInstance?: (claim: Claim, instance: Instance, verdict: Verdict, runIndex: number) => void;
  /**
   * Worker threads to run claims on (default 1: in this thread, one after the other). Each claim
   * still runs whole in one thread, so the report is the same for every `jobs` (but for `ms`). The
   * workers find each claim by id in the built-in catalog and in `claimsFiles`: with jobs > 1 every
   * claim must be in one of them.
   */
  readonly jobs?: number;
  /** The claims files (`--claims`) the workers load: those of the claims not built in. */
  readonly claimsFiles?: readonly string[];
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
 * Runs claims, one after the other or on `jobs` worker threads, and builds the `check --json`
 * report, rows in the order of `claims` either way. After a signal the report holds the claims run
 * so far, each one cut mid-run `interrupted`, and `interrupted: true`; in a shard, verdicts only
 * the whole run decides are `partial`.
 */
export async function runCheck(claims: readonly Claim[], o: RunCheckOptions): Promise<CheckRun> {
  const shard = o.shard ?? NO_SHARD;
  const fixtures = o.storeDir ?? o.fixturesDir;
  const { results: raw, interrupted } = (o.jobs ?? 1) > 1 && claims.length > 1 ? await inWorkers(claims, o) : await inOrder(claims, o);
  const results = raw.map((r) => ({ ...r, row: rowInRun(r, shard, fixtures) }));
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

interface Ran {
  readonly results: ClaimResult[];
  readonly interrupted: boolean;
}

/** The claims in this thread, in order, until the first one a stop cuts. */
async function inOrder(claims: readonly Claim[], o: RunCheckOptions): Promise<Ran> {
  const results: ClaimResult[] = [];
  let interrupted = false;
  for (let i = 0; i < claims.length; i++) {
    const claim = claims[i];
    if (o.stop?.requested === true) {
      interrupted = true;
      break;
    }
    const { onProgress, onInstance, runsFixed, jobs, claimsFiles, ...rest } = o;
    const r = await runClaim(claim, {
      ...rest,
      runs: runsFor(claim, o.runs, runsFixed === true),
      mode: 'claim',
      ...(onProgress !== undefined ? { onProgress: (d: number, t: number) => onProgress(claim, i, d, t) } : {}),
      ...(onInstance !== undefined ? { onInstance: (inst: Instance, v: Verdict, k: number) => onInstance(claim, inst, v, k) } : {}),
    });
    results.push(r);
    if (r.interrupted) {
      interrupted = true;
      break;
    }
  }
  return { results, interrupted };
}

/**
 * The claims on worker threads: the results of those finished or cut, in the order of `claims`.
 * The run is interrupted when a stop left a claim cut or not run.
 */
async function inWorkers(claims: readonly Claim[], o: RunCheckOptions): Promise<Ran> {
  const { onProgress, onInstance, runsFixed, jobs, claimsFiles, stop, onCounterexample, ...options } = o;
  if (onCounterexample !== undefined) throw new TypeError('runCheck: onCounterexample is not supported with jobs > 1');
  const todo = claims.map((c) => ({ id: c.id, runs: runsFor(c, o.runs, runsFixed === true) }));
  const got = await runInWorkers(
    jobs ?? 1,
    todo,
    { claimsFiles: claimsFiles ?? [], options, progress: onProgress !== undefined, instances: onInstance !== undefined },
    {
      ...(stop !== undefined ? { stop } : {}),
      ...(onProgress !== undefined ? { onProgress: (i: number, d: number, t: number) => onProgress(claims[i], i, d, t) } : {}),
      ...(onInstance !== undefined ? { onInstance: (i: number, inst: Instance, v: Verdict, k: number) => onInstance(claims[i], inst, v, k) } : {}),
    },
  );
  const results = claims.flatMap((_, i) => got.get(i) ?? []);
  return { results, interrupted: results.length < claims.length || results.some((r) => r.interrupted) };
}
