import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { EoscheckError, UsageError } from '../errors.js';
import { canonicalJson } from './canonicalJson.js';
import { claimDirOf, readFixture } from './fixtureStore.js';
import type { ReportCounterexample } from './htmlReport.js';
import type { CheckReport } from './report.js';

/** Simplest first: the shortest instance (as canonical JSON), then by file; unreadable ones last. */
function bySimplicity(a: ReportCounterexample, b: ReportCounterexample): number {
  const size = (c: ReportCounterexample) => (c.fixture === undefined ? Number.POSITIVE_INFINITY : canonicalJson(c.fixture.instance).length);
  return size(a) - size(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}

/**
 * The fixtures directory a report records, found as `check` saw it: from the working directory (where
 * `check` ran), else from the results file's directory.
 */
function fixturesDirOf(report: CheckReport, resultsFile: string | undefined, where: string): string | undefined {
  if (report.fixtures === undefined) return undefined;
  if (typeof report.fixtures !== 'string' || report.fixtures === '')
    throw new UsageError(`${where}: "fixtures" must be the fixtures directory, got ${JSON.stringify(report.fixtures)}`);
  const candidates = isAbsolute(report.fixtures)
    ? [report.fixtures]
    : [resolve(report.fixtures), ...(resultsFile !== undefined ? [resolve(dirname(resultsFile), report.fixtures)] : [])];
  return candidates.find((d) => existsSync(d)) ?? candidates[0];
}

/**
 * Checks one counterexample entry of a results file: it must be `<claim-id>/<name>.json` relative to
 * the recorded fixtures directory (no absolute path, no `..`, nothing else), so a results file can
 * only make `report` read fixtures of the run — never /etc/passwd. A violation is a UsageError.
 */
function confined(entry: unknown, claimId: string, where: string): string {
  const parts = typeof entry === 'string' ? entry.split('/') : [];
  if (
    typeof entry !== 'string' ||
    isAbsolute(entry) ||
    /[\\\0]/.test(entry) ||
    parts.length !== 2 ||
    parts[0] !== claimId ||
    parts[1].startsWith('.') ||
    !parts[1].endsWith('.json')
  ) {
    throw new UsageError(
      `${where}: counterexample ${JSON.stringify(entry)} of claim ${claimId} is not "${claimId}/<name>.json" inside the recorded fixtures directory; refusing to read it`,
    );
  }
  return entry;
}

/**
 * Reads the counterexample fixtures a report lists, per claim, from the fixtures directory the report
 * records and from nowhere else (a file reached through a symbolic link that leads out of it is
 * refused too). A missing or malformed fixture is recorded with the reason (the report says so)
 * rather than failing the report; an entry pointing outside the directory is a UsageError. Each
 * claim's list comes simplest first (the report draws the first ones).
 */
export function readCounterexamples(report: CheckReport, resultsFile?: string): Map<string, ReportCounterexample[]> {
  const where = resultsFile ?? 'the report';
  const dir = fixturesDirOf(report, resultsFile, where);
  const out = new Map<string, ReportCounterexample[]>();
  for (const row of report.claims) {
    const entries = row.counterexamples.map((e) => confined(e, row.id, where));
    if (entries.length > 0 && dir === undefined) {
      throw new UsageError(
        `${where}: lists counterexamples but records no fixtures directory to read them from (written by an older eoscheck? run check again)`,
      );
    }
    out.set(
      row.id,
      entries
        .map((file) => {
          // claimDirOf refuses an id such as ".." that would step out of the directory.
          const path = join(claimDirOf(dir!, row.id), file.slice(row.id.length + 1));
          if (!existsSync(path)) return { file, error: 'no such file' };
          const real = realpathSync(path);
          const root = realpathSync(dir!);
          if (!real.startsWith(root + sep))
            throw new UsageError(`${where}: counterexample ${file} leads out of the fixtures directory ${dir} (to ${real}); refusing to read it`);
          try {
            return { file, fixture: readFixture(path) };
          } catch (e) {
            if (e instanceof EoscheckError) return { file, error: e.message };
            throw e;
          }
        })
        .sort(bySimplicity),
    );
  }
  return out;
}
