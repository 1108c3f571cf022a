import { readFileSync, statSync } from 'node:fs';
import { UsageError } from '../errors.js';

/** Largest input file read (a results file of the whole catalog is well under a megabyte). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;

/**
 * The text of an input file (`--data`, a results file, a fixture), or a UsageError naming
 * `option` and the reason: missing, a directory, not a regular file (a device or a FIFO would
 * block or never end), too large, or unreadable.
 */
export function readTextFile(file: string, option?: string): string {
  let st;
  try {
    st = statSync(file);
  } catch (e) {
    throw new UsageError(`cannot read "${file}": ${reason(e)}`, option);
  }
  if (st.isDirectory()) throw new UsageError(`cannot read "${file}": it is a directory, not a file`, option);
  if (!st.isFile()) throw new UsageError(`cannot read "${file}": not a regular file`, option);
  if (st.size > MAX_INPUT_BYTES) throw new UsageError(`cannot read "${file}": ${st.size} bytes is more than the ${MAX_INPUT_BYTES} read at most`, option);
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read "${file}": ${reason(e)}`, option);
  }
}

function reason(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? String(e);
}
