import type { Certificate, Instance, VerdictKind } from '../claims/claim.js';

/**
 * A counterexample on disk (README, Verdicts and counterexamples), at
 * `<dir>/<claim-id>/<first 12 hex of sha256 of the canonical instance JSON>.json`.
 * The first twelve fields are the public contract; `code`, `message`, `step`, `expected` and `why`
 * are ours. Evidence numbers that are not finite are stored as the strings "NaN", "Infinity", "-Infinity".
 */
export interface Fixture {
  readonly claim: string;
  readonly version: string;
  readonly instance: Instance;
  readonly verdict: VerdictKind;
  /** The highest precision the verdict was confirmed at. */
  readonly precision: string;
  readonly observed: number | string;
  readonly bound: number | string;
  readonly margin: number | string;
  /** Base seed and fast-check style path "runIndex:shrink:shrink…"; null for hand-written fixtures. */
  readonly seed: number | null;
  readonly path: string | null;
  readonly shrinks: number;
  readonly createdAt: string;
  readonly code?: string;
  readonly message?: string;
  readonly step?: number;
  /** How the verdict was certified: the enclosure of the margin in interval arithmetic. */
  readonly certificate?: Certificate;
  /** The verdict replay must give; a fixture of a claim expected to fail says `why`. */
  readonly expected?: VerdictKind;
  readonly why?: string;
}

export const VERDICT_KINDS: readonly VerdictKind[] = ['holds', 'violated', 'artifact', 'inconclusive', 'diverged'];

/** A double as a JSON value that survives a round trip (JSON has no NaN or Infinity). */
export function jsonNumber(x: number): number | string {
  return Number.isFinite(x) ? x : String(x);
}
