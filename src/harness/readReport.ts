import { UsageError } from '../errors.js';
import { readTextFile } from './readTextFile.js';
import { zeroCounts, type CheckReport } from './report.js';

/** Counts a results file written before they existed lacks: they are 0 there. */
const LATER_COUNTS: ReadonlySet<string> = new Set(['error', 'uncertified']);

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isWhole = (x: unknown) => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

/**
 * A `check --json` report read back (merge, report, list --results), validated against the shape
 * `reportJson` writes: every field the readers use is checked, so a hand-edited or truncated file is
 * one UsageError naming the file, the field and the rule (never a TypeError later on).
 * `option` names the CLI option (or positional) the file came from.
 */
export function readReport(file: string, option?: string): CheckReport {
  const text = readTextFile(file, option);
  let j: unknown;
  try {
    j = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: invalid JSON (${(e as Error).message})`, option);
  }
  const bad = (field: string, rule: string): never => {
    throw new UsageError(`${file}: ${field} ${rule}`, option);
  };
  if (!isObject(j) || !('claims' in j) || !('seed' in j)) {
    throw new UsageError(`${file}: not a \`check --json\` report (needs seed, runs, shard, claims)`, option);
  }
  if (!Number.isSafeInteger(j.seed)) bad('"seed"', 'must be an integer');
  if (!isWhole(j.runs) || (j.runs as number) < 1) bad('"runs"', 'must be a whole number ≥ 1');
  if (typeof j.shard !== 'string' || !/^\d+\/\d+$/.test(j.shard)) bad('"shard"', 'must be "i/n"');
  if (typeof j.version !== 'string') bad('"version"', 'must be the eoscheck version that wrote it (a string)');
  if (j.interrupted !== undefined && typeof j.interrupted !== 'boolean') bad('"interrupted"', 'must be true or false');
  if (!Array.isArray(j.claims)) bad('"claims"', 'must be an array');
  (j.claims as unknown[]).forEach((c, i) => {
    const at = `"claims"[${i}]`;
    if (!isObject(c)) return bad(at, "must be an object (one claim's row)");
    if (typeof c.id !== 'string' || c.id === '') bad(`${at}.id`, 'must be a claim id (a non-empty string)');
    if (typeof c.verdict !== 'string' || c.verdict === '') bad(`${at}.verdict`, 'must be a verdict name (a string)');
    if (c.kind !== 'identity' && c.kind !== 'forall' && c.kind !== 'statistical') bad(`${at}.kind`, 'must be one of identity, forall, statistical');
    if (c.minHoldFraction !== undefined && !(typeof c.minHoldFraction === 'number' && c.minHoldFraction >= 0 && c.minHoldFraction <= 1)) {
      bad(`${at}.minHoldFraction`, 'must be a number in [0, 1]');
    }
    for (const k of ['runs', 'exercised', 'fixtures', 'evaluations'] as const) if (!isWhole(c[k])) bad(`${at}.${k}`, 'must be a whole number ≥ 0');
    if (!(typeof c.ms === 'number' && Number.isFinite(c.ms) && c.ms >= 0)) bad(`${at}.ms`, 'must be a number ≥ 0');
    if (!isObject(c.instances)) return bad(`${at}.instances`, 'must be an object of counts per verdict');
    for (const k of Object.keys(zeroCounts())) {
      // Counts added after the first release (error, uncertified) read as 0 when a file lacks them.
      if (c.instances[k] === undefined && LATER_COUNTS.has(k)) (c.instances as Record<string, unknown>)[k] = 0;
      if (!isWhole(c.instances[k])) bad(`${at}.instances.${k}`, 'must be a whole number ≥ 0');
    }
    if (!Array.isArray(c.counterexamples)) return bad(`${at}.counterexamples`, 'must be an array of file names');
    c.counterexamples.forEach((f, k) => {
      if (typeof f !== 'string' || f === '') bad(`${at}.counterexamples[${k}]`, 'must be a file name (a non-empty string)');
    });
  });
  return { ...j, interrupted: j.interrupted === true } as unknown as CheckReport;
}
