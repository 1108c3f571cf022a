import { readFileSync } from 'node:fs';
import { UsageError } from '../errors.js';
import type { CheckReport } from './report.js';

/** A `check --json` report read back (merge, list --results); a missing or foreign file is a UsageError naming `option`. */
export function readReport(file: string, option?: string): CheckReport {
  let j: unknown;
  try {
    j = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new UsageError(code !== undefined ? `cannot read "${file}": ${code}` : `${file}: invalid JSON (${(e as Error).message})`, option);
  }
  const r = j as Partial<CheckReport> | null;
  if (r === null || typeof r !== 'object' || typeof r.seed !== 'number' || typeof r.runs !== 'number' || typeof r.shard !== 'string' || !Array.isArray(r.claims)) {
    throw new UsageError(`${file}: not a \`check --json\` report (needs seed, runs, shard, claims)`, option);
  }
  return { ...r, interrupted: r.interrupted === true } as CheckReport;
}
