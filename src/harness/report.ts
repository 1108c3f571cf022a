import type { ClaimKind, VerdictKind } from '../claims/claim.js';

/** Instances per verdict (fixture replays included). */
export interface Counts {
  holds: number;
  violated: number;
  artifact: number;
  inconclusive: number;
  diverged: number;
  /** Instances on which the check threw: a bug, counted apart from every verdict about the claim. */
  error: number;
}

export const zeroCounts = (): Counts => ({ holds: 0, violated: 0, artifact: 0, inconclusive: 0, diverged: 0, error: 0 });

/** The keys of Counts, in report order. */
export const COUNT_KEYS: readonly (keyof Counts)[] = ['holds', 'violated', 'artifact', 'inconclusive', 'diverged', 'error'];

/**
 * One claim's line of `check --json FILE` (architecture §3: id, verdict, instances,
 * counterexamples, ms; the rest is ours). Every field but `ms` is a function of (seed, runs,
 * fixtures on disk), summed over shards, so merged shards equal an unsharded run.
 */
export interface ClaimRow {
  readonly id: string;
  readonly verdict: VerdictKind;
  readonly kind: ClaimKind;
  readonly minHoldFraction?: number;
  /** Generated instances this claim was run with (all shards together): `--runs`, or the claim's own default. */
  readonly runs: number;
  readonly instances: Counts;
  /** Instances that exercised the claim: holds + violated + artifact (not inconclusive, not diverged). */
  readonly exercised: number;
  /** How many of the instances were fixture replays. */
  readonly fixtures: number;
  /** Model evaluations spent, shrinking included. */
  readonly evaluations: number;
  /** Fixture files of violated instances, sorted. */
  readonly counterexamples: readonly string[];
  readonly ms: number;
}

/** `check --json FILE` (architecture §3). `shard` is "i/n" ("1/1" unsharded). */
export interface CheckReport {
  readonly seed: number;
  readonly runs: number;
  readonly shard: string;
  readonly version: string;
  /** True when Ctrl-C stopped the run early: the counts are partial. */
  readonly interrupted: boolean;
  readonly claims: readonly ClaimRow[];
}

/** Instances that exercised the claim. */
export const exercisedOf = (c: Counts): number => c.holds + c.violated + c.artifact;

/**
 * A claim's verdict over a run, from its counts alone (so `merge` can recompute it):
 * - any instance on which the check threw: `error` (the run says nothing reliable about the claim),
 *   unless a certified violation already refutes it;
 * - identity/forall: violated if any instance is; else artifact if any f64 failure was an artifact;
 *   else holds if any instance exercised it; else inconclusive (nothing was tested, never a pass);
 * - statistical: holds when holds/exercised ≥ minHoldFraction (artifacts count as holds), else violated.
 */
export function claimVerdict(kind: ClaimKind, c: Counts, minHoldFraction = 0.8): VerdictKind {
  const exercised = exercisedOf(c);
  if ((c.error ?? 0) > 0 && !(kind !== 'statistical' && c.violated > 0)) return 'error';
  if (exercised === 0) return 'inconclusive';
  if (kind === 'statistical') return (c.holds + c.artifact) / exercised >= minHoldFraction ? 'holds' : 'violated';
  if (c.violated > 0) return 'violated';
  if (c.artifact > 0) return 'artifact';
  return 'holds';
}

/** The report as written to disk: stable key order, two-space indent, final newline. */
export function reportJson(r: CheckReport): string {
  return JSON.stringify(r, null, 2) + '\n';
}
