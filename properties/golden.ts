import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Recorded runs of the claim suite: for each claim, the digest of every generated instance and its
 * verdict (code, numbers, step, details, message, certificate) at seed 1, in run order, for the claim
 * and for its negative control. A change to a check, a generator or a guard that moves any verdict of
 * these runs, even one that stays `holds`, fails the suite until it is re-recorded on purpose
 * (`npm run golden`): the catalog's numbers cannot drift unnoticed, and the suite also pins the
 * determinism the CLI promises (same seed, same bytes).
 */

/** JSON with sorted keys at every depth; a non-finite number is written as its name (JSON would write null for both). */
export function stableJson(x: unknown): string {
  if (typeof x === 'number') return Number.isFinite(x) ? JSON.stringify(x) : JSON.stringify(String(x));
  if (x === undefined) return 'null';
  if (x === null || typeof x !== 'object') return JSON.stringify(x);
  if (Array.isArray(x)) return `[${x.map(stableJson).join(',')}]`;
  const o = x as Record<string, unknown>;
  return `{${Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
    .join(',')}}`;
}

/** 16 hex digits of the SHA-256 of an instance and its verdict. */
export function runDigest(instance: unknown, verdict: unknown): string {
  return createHash('sha256').update(stableJson({ instance, verdict })).digest('hex').slice(0, 16);
}

export interface GoldenRuns {
  readonly claim: readonly string[];
  readonly control: readonly string[];
  /**
   * The control's instances alone (digest of the instance with verdict null), drawn in the claim's test: the test a
   * mutation run credits with a module's top level, where the control's generator is built.
   */
  readonly controlDraws: readonly string[];
}

export const GOLDEN_DIR = join(import.meta.dirname, '../fixtures/golden/seed-1');

const fileOf = (dir: string, id: string) => join(dir, `${id}.json`);

export function readGolden(id: string, dir = GOLDEN_DIR): GoldenRuns | undefined {
  const f = fileOf(dir, id);
  return existsSync(f) ? (JSON.parse(readFileSync(f, 'utf8')) as GoldenRuns) : undefined;
}

/** Written through a temporary file and a rename: an interrupted re-recording leaves the old record whole. */
export function writeGolden(id: string, runs: GoldenRuns, dir = GOLDEN_DIR): void {
  mkdirSync(dir, { recursive: true });
  const f = fileOf(dir, id);
  writeFileSync(`${f}.tmp`, `${JSON.stringify(runs, null, 1)}\n`);
  renameSync(`${f}.tmp`, f);
}

/**
 * The first run whose digest differs from the record, among the runs both have (a suite at fewer
 * runs, or a control stopped at its first violation, compares its prefix): undefined when they agree.
 */
export function firstDifference(recorded: readonly string[], now: readonly (string | undefined)[]): number | undefined {
  for (let k = 0; k < Math.min(recorded.length, now.length); k++) if (now[k] !== undefined && now[k] !== recorded[k]) return k;
  return undefined;
}
