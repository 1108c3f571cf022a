import { existsSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { EoscheckError } from '../errors.js';
import { canonicalJson } from './canonicalJson.js';
import { readFixture } from './fixtureStore.js';
import type { ReportCounterexample } from './htmlReport.js';
import type { CheckReport } from './report.js';

/** Simplest first: the shortest instance (as canonical JSON), then by file; unreadable ones last. */
function bySimplicity(a: ReportCounterexample, b: ReportCounterexample): number {
  const size = (c: ReportCounterexample) => (c.fixture === undefined ? Number.POSITIVE_INFINITY : canonicalJson(c.fixture.instance).length);
  return size(a) - size(b) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0);
}

/**
 * Reads the counterexample fixtures a report lists, per claim, simplest first (the report draws
 * the first ones). A relative path is taken from the
 * working directory (where `check` wrote it), else from the results file's directory; a missing or
 * malformed fixture is recorded with the reason (the report says so) rather than failing the report.
 */
export function readCounterexamples(report: CheckReport, resultsFile?: string): Map<string, ReportCounterexample[]> {
  const out = new Map<string, ReportCounterexample[]>();
  for (const row of report.claims) {
    out.set(row.id, row.counterexamples.map((file) => {
      const candidates = isAbsolute(file) ? [file] : [resolve(file), ...(resultsFile !== undefined ? [resolve(dirname(resultsFile), file)] : [])];
      const found = candidates.find((f) => existsSync(f));
      if (found === undefined) return { file, error: 'no such file' };
      try {
        return { file, fixture: readFixture(found) };
      } catch (e) {
        if (e instanceof EoscheckError) return { file, error: e.message };
        throw e;
      }
    }).sort(bySimplicity));
  }
  return out;
}
