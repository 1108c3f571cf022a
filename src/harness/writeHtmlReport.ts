import { join } from 'node:path';
import { makeDirs } from './makeDirs.js';
import { checkWritable, writeOutput } from './writeOutput.js';

/** The page a report directory holds. */
export const REPORT_PAGE = 'index.html';

/**
 * Makes sure DIR can take a report (created with its parents when missing; it must be a directory),
 * before any long work: a path through a file or an unwritable place is a UsageError naming `option`.
 */
export function prepareReportDir(dir: string, option: string): void {
  makeDirs(dir, option);
  checkWritable(join(dir, REPORT_PAGE), option);
}

/** Writes the report page as DIR/index.html, atomically; returns its path. */
export function writeHtmlReport(dir: string, html: string, option: string): string {
  prepareReportDir(dir, option);
  const file = join(dir, REPORT_PAGE);
  writeOutput(file, html, option);
  return file;
}
