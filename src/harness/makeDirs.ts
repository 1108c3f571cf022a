import { mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** Path components created at most (far beyond any real layout; a bound, so nothing can spin). */
const MAX_DEPTH = 256;

/**
 * Creates DIR and its missing parents, one mkdir per component, and checks DIR is a directory.
 * Node's recursive mkdir spins forever on procfs (mkdir gives ENOENT where the parent exists); here
 * every failure is a UsageError naming `option` and the path, and the work is bounded by the depth.
 */
export function makeDirs(dir: string, option?: string): void {
  const missing: string[] = [];
  let p = resolve(dir);
  for (;;) {
    let isDir: boolean | undefined;
    try {
      isDir = statSync(p).isDirectory();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
        throw new UsageError(`cannot create "${dir}": ${(e as NodeJS.ErrnoException).code ?? String(e)} at ${p}`, option);
    }
    if (isDir === true) break;
    if (isDir === false) throw new UsageError(`cannot create "${dir}": ${p} is not a directory`, option);
    missing.push(p);
    if (missing.length > MAX_DEPTH) throw new UsageError(`cannot create "${dir}": more than ${MAX_DEPTH} missing directories`, option);
    const up = dirname(p);
    if (up === p) break;
    p = up;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (e) {
      const c = (e as NodeJS.ErrnoException).code;
      // Another process (a shard next to this one) made it meanwhile.
      if (c === 'EEXIST' && statSync(d).isDirectory()) continue;
      throw new UsageError(`cannot create "${dir}": ${c ?? String(e)} at ${d}`, option);
    }
  }
}
