import { existsSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** Fails early (before a long run) when FILE cannot be written: its directory must exist. */
export function checkWritable(file: string, option: string): void {
  const dir = dirname(resolve(file));
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`cannot write "${file}": directory ${dir} does not exist`, option);
}

/** Writes a report (text, or the bytes of an image) atomically (temporary file + rename), so a reader never sees half of it. */
export function writeOutput(file: string, text: string | Uint8Array, option: string): void {
  const tmp = `${resolve(file)}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, text);
    renameSync(tmp, file);
  } catch (e) {
    throw new UsageError(`cannot write "${file}": ${(e as NodeJS.ErrnoException).code ?? String(e)}`, option);
  } finally {
    rmSync(tmp, { force: true });
  }
}
