import { statSync } from 'node:fs';
import { UsageError } from '../errors.js';

/**
 * Checks up front that a directory option (`--fixtures`, `--out`) names a directory, or nothing yet
 * (it is created when the first counterexample is written): a file or a device there is exit 2 now,
 * not an ENOTDIR from deep inside a run.
 */
export function checkDirectory(path: string, option: string): void {
  let st;
  try {
    st = statSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    throw new UsageError(`cannot use "${path}": ${code === 'ENOTDIR' ? 'a part of the path is not a directory' : (code ?? String(e))}`, option);
  }
  if (!st.isDirectory()) throw new UsageError(`"${path}" is not a directory`, option);
}
