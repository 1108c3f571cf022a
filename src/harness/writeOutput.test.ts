import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { makeDirs } from './makeDirs.js';
import { checkOneStdout, checkWritable, writeOutput } from './writeOutput.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'eoscheck-out-'));
const root = join(import.meta.dirname, '../..');
const tsx = join(root, 'node_modules/.bin/tsx');

const usageError = (f: () => void): UsageError => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(UsageError);
    return e as UsageError;
  }
  throw new Error('no error thrown');
};

describe('writeOutput', () => {
  it('replaces a regular file atomically: no temporary file left, its permissions kept', () => {
    const dir = tmp();
    const f = join(dir, 'r.json');
    writeOutput(f, 'one\n', '--json');
    expect(readFileSync(f, 'utf8')).toBe('one\n');
    chmodSync(f, 0o640);
    const before = statSync(f).ino;
    writeOutput(f, new Uint8Array([1, 2, 3]), '--json');
    expect([...readFileSync(f)]).toEqual([1, 2, 3]);
    expect(statSync(f).ino).not.toBe(before); // a new file renamed onto the name, not a rewrite in place
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(readdirSync(dir)).toEqual(['r.json']);
  });

  it('writes through a symbolic link (also a dangling one): the target changes, the link stays a link', () => {
    const dir = tmp();
    mkdirSync(join(dir, 'real'));
    writeFileSync(join(dir, 'real/t.json'), 'old');
    symlinkSync('real/t.json', join(dir, 'link.json'));
    writeOutput(join(dir, 'link.json'), 'new', '--out');
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true);
    expect(readlinkSync(join(dir, 'link.json'))).toBe('real/t.json');
    expect(readFileSync(join(dir, 'real/t.json'), 'utf8')).toBe('new');
    symlinkSync(join(dir, 'real/fresh.json'), join(dir, 'dangling.json'));
    checkWritable(join(dir, 'dangling.json'), '--out');
    writeOutput(join(dir, 'dangling.json'), 'made', '--out');
    expect(lstatSync(join(dir, 'dangling.json')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'real/fresh.json'), 'utf8')).toBe('made');
    expect(readdirSync(join(dir, 'real')).sort()).toEqual(['fresh.json', 't.json']);
    symlinkSync('loop-b', join(dir, 'loop-a'));
    symlinkSync('loop-a', join(dir, 'loop-b'));
    expect(usageError(() => checkWritable(join(dir, 'loop-a'), '--out')).message).toContain('more than 40 symbolic links');
  });

  it('writes straight into /dev/null, which stays a character device', () => {
    checkWritable('/dev/null', '--csv');
    writeOutput('/dev/null', 'x'.repeat(100_000), '--csv');
    const st = statSync('/dev/null');
    expect(st.isCharacterDevice()).toBe(true);
    expect(st.rdev).toBe(259); // major 1, minor 3
  });

  it('writes into a FIFO (read by another process), which stays a FIFO', async () => {
    const dir = tmp();
    const fifo = join(dir, 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const closed = new Promise<void>((r) => reader.on('close', () => r()));
    checkWritable(fifo, '--json');
    writeOutput(fifo, 'through the pipe\n', '--json');
    await closed;
    expect(got).toBe('through the pipe\n');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['pipe']);
  });

  it('`-` and /dev/stdout are standard output (a pipe here), written whole', () => {
    const dir = tmp();
    const script = join(dir, 'w.ts');
    writeFileSync(
      script,
      `import { writeOutput } from ${JSON.stringify(join(root, 'src/harness/writeOutput.ts'))};\n` +
        `writeOutput('-', 'a'.repeat(200000) + '\\n', '--json'); writeOutput('/dev/stdout', 'end\\n', '--json'); writeOutput('/dev/fd/1', 'fd\\n', '--json');\n`,
    );
    const r = spawnSync(tsx, [script], { encoding: 'utf8', maxBuffer: 1 << 22 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('a'.repeat(200000) + '\nend\nfd\n');
  });

  it('refuses a directory, a missing directory, and a place where no file can be made, naming the option and the path', () => {
    const dir = tmp();
    expect(usageError(() => checkWritable(dir, '--json')).message).toBe(`--json: cannot write "${dir}": it is a directory`);
    expect(usageError(() => writeOutput(dir, 'x', '--json')).message).toContain('it is a directory');
    expect(usageError(() => checkWritable(join(dir, 'no/such.json'), '--junit')).message).toMatch(
      /^--junit: cannot write ".*no\/such\.json": directory .* does not exist$/,
    );
    expect(usageError(() => checkWritable('/proc/eoscheck.json', '--summary')).message).toMatch(
      /^--summary: cannot write "\/proc\/eoscheck\.json": E[A-Z]+ in \/proc$/,
    );
    expect(usageError(() => checkWritable('', '--csv')).message).toContain('needs a file name');
    expect(usageError(() => checkWritable('/dev/fd/987', '--csv')).message).toBe('--csv: cannot write "/dev/fd/987": EBADF (descriptor 987 is not open)');
    expect(readdirSync(dir)).toEqual([]); // the probe left nothing behind
  });

  it('refuses two outputs on standard output', () => {
    expect(() =>
      checkOneStdout([
        ['--json', '-'],
        ['--junit', 'x.xml'],
        ['--summary', undefined],
      ]),
    ).not.toThrow();
    expect(
      usageError(() =>
        checkOneStdout([
          ['--json', '-'],
          ['--summary', '/dev/stdout'],
        ]),
      ).message,
    ).toContain('--json and --summary both go to standard output');
  });
});

describe('makeDirs', () => {
  it('creates missing parents one by one, accepts an existing directory, refuses a path through a file', () => {
    const dir = tmp();
    makeDirs(join(dir, 'a/b/c'), '--report');
    expect(statSync(join(dir, 'a/b/c')).isDirectory()).toBe(true);
    makeDirs(join(dir, 'a/b/c'), '--report');
    writeFileSync(join(dir, 'file'), '');
    expect(usageError(() => makeDirs(join(dir, 'file/sub'), '--report')).message).toMatch(/^--report: cannot create ".*file\/sub": ENOTDIR/);
    expect(usageError(() => makeDirs(join(dir, 'file'), '--report')).message).toContain('is not a directory');
  });

  it('fails at once under /proc (where a recursive mkdir spins forever)', () => {
    const t0 = performance.now();
    expect(usageError(() => makeDirs('/proc/eoscheck/a/b', '--out')).message).toMatch(
      /^--out: cannot create "\/proc\/eoscheck\/a\/b": E[A-Z]+ at \/proc\/eoscheck$/,
    );
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
