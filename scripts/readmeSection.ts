import { readFileSync } from 'node:fs';
import { writeOutput } from '../src/harness/writeOutput.js';

/**
 * Replaces the README text between the lines `start` and `end` (markers kept) with `body`,
 * atomically; throws when the markers are missing. Used by `npm run catalog` and `npm run bench`.
 */
export function writeReadmeSection(readme: string, start: string, end: string, body: string): void {
  const text = readFileSync(readme, 'utf8');
  const a = text.indexOf(start);
  const b = text.indexOf(end);
  if (a < 0 || b < a) throw new Error(`README.md has no ${start} … ${end} section`);
  writeOutput(readme, `${text.slice(0, a + start.length)}\n${body}\n${text.slice(b)}`, 'README.md');
}
