import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The files below `dir` (recursively, depth first in directory order) whose name passes `keep`. */
export function filesUnder(dir: string, keep: (name: string) => boolean): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? filesUnder(p, keep) : keep(e.name) ? [p] : [];
  });
}
