import type { ClaimKind, VerdictKind } from '../claims/claim.js';

/** Instances per verdict (fixture replays included: the verdict is decided on all of them). */
export interface Counts {
  holds: number;
  violated: number;
  artifact: number;
  inconclusive: number;
  diverged: number;
  /** Instances on which the check threw: a bug, counted apart from every verdict about the claim. */
  error: number;
  /**
   * Of the inconclusive ones: failures that survived the precision ladder but that the interval
   * re-run could not certify (nor refute). A suspected violation: the claim does not read `holds`.
   */
  uncertified: number;
}

export const zeroCounts = (): Counts => ({ holds: 0, violated: 0, artifact: 0, inconclusive: 0, diverged: 0, error: 0, uncertified: 0 });

/** The verdict keys of Counts, in report order (`uncertified` is a part of `inconclusive`). */
export const COUNT_KEYS: readonly (keyof Counts)[] = ['holds', 'violated', 'artifact', 'inconclusive', 'diverged', 'error'];

/**
 * One claim's line of `check --json FILE` (README, Reports: id, verdict, instances,
 * counterexamples, ms; the rest is ours). Every field but `ms` is a function of (seed, runs,
 * fixtures on disk), summed over shards, so merged shards equal an unsharded run.
 */
/**
 * A row's verdict: a claim's own verdict over the whole run, or `partial` (a shard's share of a
 * claim that only the whole run decides; `merge` decides it) or `interrupted` (the run was cut
 * while this claim was running: its counts are those so far). See verdictInRun.
 */
export type RowVerdict = VerdictKind | 'partial' | 'interrupted';

export interface ClaimRow {
  readonly id: string;
  readonly verdict: RowVerdict;
  readonly kind: ClaimKind;
  readonly minHoldFraction?: number;
  /** Statistical claims: the fraction of exercised instances that held, with its 95% Wilson interval (what the verdict is decided on). */
  readonly holdFraction?: HoldFraction;
  /** Generated instances this claim was run with (all shards together): `--runs`, or the claim's own default. */
  readonly runs: number;
  readonly instances: Counts;
  /**
   * Generated instances that exercised the claim: holds + violated + artifact (not inconclusive,
   * not diverged), fixture replays not included, so it never exceeds `runs`.
   */
  readonly exercised: number;
  /** How many of the instances were fixture replays (counted in `instances`, not in `exercised`). */
  readonly fixtures: number;
  /** Model evaluations spent, shrinking included. */
  readonly evaluations: number;
  /** Fixture files of violated instances, relative to the report's `fixtures` directory (`<claim-id>/<name>.json`), sorted. */
  readonly counterexamples: readonly string[];
  readonly ms: number;
}

/** `check --json FILE` (README, Reports). `shard` is "i/n" ("1/1" unsharded). */
export interface CheckReport {
  readonly seed: number;
  readonly runs: number;
  readonly shard: string;
  readonly version: string;
  /**
   * The fixtures directory of the run, as given: counterexamples are read from it and nowhere else.
   * Absent in reports written before it was recorded (their counterexamples are then not read).
   */
  readonly fixtures?: string;
  /** True when a signal (Ctrl-C, SIGTERM, SIGHUP) stopped the run early: the counts are partial. */
  readonly interrupted: boolean;
  readonly claims: readonly ClaimRow[];
}

/** Instances that exercised the claim (of a row's `instances`: fixture replays included). */
export const exercisedOf = (c: Counts): number => c.holds + c.violated + c.artifact;

/** A hold fraction k/n with its 95% confidence interval. */
export interface HoldFraction {
  readonly held: number;
  readonly of: number;
  readonly lo: number;
  readonly hi: number;
}

/** z of a two-sided 95% normal interval. */
const Z95 = 1.959963984540054;

/**
 * The Wilson score interval (95%) of a binomial proportion k/n: unlike the normal approximation it
 * stays inside [0, 1] and is sensible at k = 0 or k = n and for small n (so 19 of 20 is not read
 * as proof of a fraction ≥ 0.95). n = 0 gives [0, 1].
 */
export function wilsonInterval(k: number, n: number): HoldFraction {
  if (n === 0) return { held: 0, of: 0, lo: 0, hi: 1 };
  const p = k / n;
  const z2 = Z95 * Z95;
  const d = 1 + z2 / n;
  const c = p + z2 / (2 * n);
  const h = Z95 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  // Clamped: rounding must not push an end past 0 or 1 (k = 0 gives exactly lo = 0).
  return { held: k, of: n, lo: Math.max(0, (c - h) / d), hi: Math.min(1, (c + h) / d) };
}

/** "19/20 held, 95% interval [0.764, 0.991]". */
export function formatHoldFraction(f: HoldFraction): string {
  return `${f.held}/${f.of} held, 95% interval [${f.lo.toFixed(3)}, ${f.hi.toFixed(3)}]`;
}

/** The hold fraction of a statistical claim's counts (artifacts count as holds). */
export const holdFractionOf = (c: Counts): HoldFraction => wilsonInterval(c.holds + c.artifact, exercisedOf(c));

/**
 * A claim's verdict over a run, from its counts alone (so `merge` can recompute it):
 * - statistical: decided on the 95% Wilson interval of the hold fraction: holds when its lower end
 *   reaches minHoldFraction, violated when its upper end is below it, inconclusive otherwise;
 * - any instance on which the check threw: `error` (the run says nothing reliable about the claim),
 *   unless a certified violation already refutes it;
 * - identity/forall: violated if any instance is (certified); else inconclusive if a failure could
 *   not be certified; else artifact if any f64 failure was an artifact;
 *   else holds if any instance exercised it; else inconclusive (nothing was tested, never a pass);
 */
export function claimVerdict(kind: ClaimKind, c: Counts, minHoldFraction = 0.8): VerdictKind {
  const exercised = exercisedOf(c);
  if ((c.error ?? 0) > 0 && !(kind !== 'statistical' && c.violated > 0)) return 'error';
  if (exercised === 0) return 'inconclusive';
  if (kind === 'statistical') {
    const f = holdFractionOf(c);
    return f.lo >= minHoldFraction ? 'holds' : f.hi < minHoldFraction ? 'violated' : 'inconclusive';
  }
  if (c.violated > 0) return 'violated';
  if ((c.uncertified ?? 0) > 0) return 'inconclusive';
  if (c.artifact > 0) return 'artifact';
  return 'holds';
}

/** The report as written to disk: stable key order, two-space indent, final newline. */
export function reportJson(r: CheckReport): string {
  return JSON.stringify(r, null, 2) + '\n';
}
