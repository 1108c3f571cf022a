import {
  accessSync,
  chmodSync,
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  openSync,
  readlinkSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../errors.js';

/** The output path that means standard output. */
export const STDOUT = '-';

/** Symbolic links followed before giving up (the kernel's own limit is 40). */
const MAX_LINKS = 40;

const PROC_FD = /^\/proc\/([^/]+)\/fd\/(\d+)$/;

let tmpCounter = 0;

const code = (e: unknown): string => (e as NodeJS.ErrnoException).code ?? String(e);

const statOrUndefined = (path: string, follow: boolean): Stats | undefined => {
  try {
    return follow ? statSync(path) : lstatSync(path);
  } catch (e) {
    if (code(e) === 'ENOENT') return undefined;
    throw e;
  }
};

/** Where an output really goes: standard output (`-`, /dev/stdout), a file descriptor path, or FILE with its symbolic links followed. */
type Target = { kind: 'fd'; fd: number } | { kind: 'special'; path: string } | { kind: 'file'; path: string; mode?: number };

/**
 * Follows FILE's symbolic links, a dangling one included (its target is then the file to create),
 * so an output written through a link updates what the link points to and the link stays a link.
 */
function followLinks(file: string, option: string): string {
  let path = resolve(file);
  for (let i = 0; i < MAX_LINKS; i++) {
    // The directory's own links first (/dev/fd → /proc/self/fd), so the last component is seen as it is.
    try {
      path = join(realpathSync(dirname(path)), basename(path));
    } catch {
      // A missing directory: checkWritable names it.
    }
    const st = statOrUndefined(path, false);
    if (st === undefined || !st.isSymbolicLink()) return path;
    // /proc/PID/fd/N (what /dev/fd/N and /dev/stdout lead to) names an open file, not a path to replace.
    if (PROC_FD.test(path)) return path;
    path = resolve(dirname(path), readlinkSync(path));
  }
  throw new UsageError(`cannot write "${file}": more than ${MAX_LINKS} symbolic links`, option);
}

function targetOf(file: string, option: string): Target {
  if (file === STDOUT || file === '/dev/stdout') return { kind: 'fd', fd: 1 };
  if (file === '/dev/stderr') return { kind: 'fd', fd: 2 };
  if (file === '') throw new UsageError('needs a file name (or - for standard output)', option);
  const path = followLinks(file, option);
  // One of this process's own descriptors (/dev/fd/N): written to as such (a socket cannot be reopened).
  const own = PROC_FD.exec(path);
  if (own !== null && (own[1] === 'self' || own[1] === String(process.pid))) return { kind: 'fd', fd: Number(own[2]) };
  const st = statOrUndefined(path, true);
  if (st === undefined) return { kind: 'file', path };
  if (st.isDirectory()) throw new UsageError(`cannot write "${file}": it is a directory`, option);
  if (st.isFile() && !PROC_FD.test(path)) return { kind: 'file', path, mode: st.mode & 0o7777 };
  // A device, a FIFO, a socket: written in place, never replaced by a renamed file.
  return { kind: 'special', path };
}

const tmpNameFor = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.${tmpCounter++}.tmp`);

/**
 * Fails early (before a long run) when FILE cannot be written, with a UsageError naming `option`
 * and the path: a directory, a missing parent directory, or a place where no file can be created
 * (a read-only file system, /proc). For a regular file this creates and removes a temporary file
 * next to it — exactly what the write will do — so permissions, mounts and quotas all answer.
 */
export function checkWritable(file: string, option: string): void {
  const t = targetOf(file, option);
  if (t.kind === 'fd') {
    try {
      fstatSync(t.fd);
    } catch (e) {
      throw new UsageError(`cannot write "${file}": ${code(e)} (descriptor ${t.fd} is not open)`, option);
    }
    return;
  }
  if (t.kind === 'special') {
    try {
      accessSync(t.path, constants.W_OK);
    } catch (e) {
      throw new UsageError(`cannot write "${file}": ${code(e)}`, option);
    }
    return;
  }
  const dir = dirname(t.path);
  const d = statOrUndefined(dir, true);
  if (d === undefined || !d.isDirectory()) throw new UsageError(`cannot write "${file}": directory ${dir} does not exist`, option);
  const tmp = tmpNameFor(t.path);
  try {
    closeSync(openSync(tmp, 'wx'));
  } catch (e) {
    throw new UsageError(`cannot write "${file}": ${code(e)} in ${dir}`, option);
  } finally {
    rmSync(tmp, { force: true });
  }
}

/** Throws a UsageError when two outputs go to standard output: their bytes would interleave. */
export function checkOneStdout(outputs: readonly (readonly [option: string, file: string | undefined])[]): void {
  const onStdout = outputs.filter(([, f]) => isStdout(f));
  if (onStdout.length > 1) throw new UsageError(`${onStdout.map(([o]) => o).join(' and ')} both go to standard output; give one of them a file`);
}

/** True when FILE names standard output (so the command keeps its own messages off it). */
export const isStdout = (file: string | undefined): boolean => file === STDOUT || file === '/dev/stdout';

/** Writes all of `data` to fd, waiting out EAGAIN (a non-blocking pipe whose reader is slow). */
function writeAll(fd: number, data: Uint8Array): void {
  let off = 0;
  while (off < data.length) {
    try {
      off += writeSync(fd, data, off, data.length - off);
    } catch (e) {
      if (code(e) !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5);
    }
  }
}

/**
 * Writes an output (text, or the bytes of an image). A regular file (or one to be created) is
 * written atomically — a temporary file next to it, then renamed onto it — so a reader or a killed
 * run never sees half of it; through a symbolic link the link's target is written that way and the
 * link stays. A device, a FIFO or /dev/stdout is written in place (renaming onto /dev/full would
 * replace the device with a plain file); `-` is standard output.
 */
export function writeOutput(file: string, text: string | Uint8Array, option: string): void {
  const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
  const t = targetOf(file, option);
  try {
    if (t.kind === 'fd') return writeAll(t.fd, data);
    if (t.kind === 'special') {
      const fd = openSync(t.path, 'w');
      try {
        writeAll(fd, data);
      } finally {
        closeSync(fd);
      }
      return;
    }
    const tmp = tmpNameFor(t.path);
    try {
      const fd = openSync(tmp, 'wx');
      try {
        writeAll(fd, data);
      } finally {
        closeSync(fd);
      }
      // The replaced file keeps its permissions.
      if (t.mode !== undefined) chmodSync(tmp, t.mode);
      renameSync(tmp, t.path);
    } finally {
      rmSync(tmp, { force: true });
    }
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot write "${file}": ${code(e)}`, option);
  }
}
