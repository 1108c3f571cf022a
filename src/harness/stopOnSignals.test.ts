import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFixture } from './fixtureStore.js';
import { exitCodeOf, STOP_SIGNALS, type StopSignal } from './stopOnSignals.js';

const root = join(import.meta.dirname, '../..');

/** The bin as npm installs it: node_modules/.bin/eoscheck, a symbolic link run through its #! line. */
function installedBin(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'eoscheck-bin-')), 'node_modules', '.bin');
  mkdirSync(dir, { recursive: true });
  symlinkSync(join(root, 'bin/eoscheck.js'), join(dir, 'eoscheck'));
  return join(dir, 'eoscheck');
}
const bin = installedBin();
const falseClaim = join(root, 'properties/examples/falseClaim.ts');
const FALSE_ID = 'example.quadratic.monotone-below-3-over-lambda';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * True once the process has installed its handlers: Node catches SIGHUP only when asked to, so bit
 * 0 of SigCgt in /proc/PID/status says stopOnSignals ran (no output or test hook needed).
 */
function handlersInstalled(pid: number): boolean {
  try {
    const m = /^SigCgt:\s*([0-9a-f]+)$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m !== null && (BigInt(`0x${m[1]}`) & 1n) === 1n;
  } catch {
    return false;
  }
}

/** Runs the installed bin with `args`, sends `signal` `settle` ms after its handlers are in and `ready()`, returns how it ended. */
async function interrupt(args: string[], signal: StopSignal, ready: () => boolean, settle = 0) {
  const child = spawn(bin, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, s) => resolve({ code, signal: s })));
  const t0 = Date.now();
  while (!(handlersInstalled(child.pid!) && ready()) && Date.now() - t0 < 90_000 && child.exitCode === null) await sleep(50);
  await sleep(settle);
  child.kill(signal);
  const end = await exited;
  return { ...end, stdout, stderr };
}

describe('stopOnSignals', () => {
  it('exit codes are 128 + the signal number', () => {
    expect(STOP_SIGNALS).toEqual({ SIGHUP: 1, SIGINT: 2, SIGTERM: 15 });
    expect([
      exitCodeOf({ requested: true, signal: 'SIGINT' }),
      exitCodeOf({ requested: true, signal: 'SIGTERM' }),
      exitCodeOf({ requested: true, signal: 'SIGHUP' }),
    ]).toEqual([130, 143, 129]);
  });

  for (const [signal, code] of [
    ['SIGTERM', 143],
    ['SIGHUP', 129],
  ] as const) {
    it(`${signal} stops check at the next instance: exit ${code}, the partial report written, the claim cut mid-run interrupted with its counts, never holds`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'eoscheck-signal-'));
      const json = join(dir, 'partial.json');
      // A claim that holds on every instance: cut, it would have read "holds" on the runs so far.
      const r = await interrupt(
        ['check', 'classical.descent-lemma', '--runs', '10000000', '--fixtures', join(dir, 'fx'), '--json', json, '--junit', join(dir, 'j.xml')],
        signal,
        () => true,
        1000,
      );
      expect(r.signal, r.stderr).toBeNull();
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).toBe('');
      const report = JSON.parse(readFileSync(json, 'utf8'));
      expect(report.interrupted).toBe(true);
      expect(report.claims).toHaveLength(1);
      const row = report.claims[0];
      expect(row.verdict).toBe('interrupted');
      expect(row.instances.holds).toBeGreaterThan(0);
      expect(row.instances.holds).toBeLessThan(10_000_000);
      expect(row.exercised).toBe(row.instances.holds);
      expect(r.stdout).toContain('⏸️ interrupted');
      expect(r.stdout).toContain(`Interrupted (${signal}): the report above is partial`);
      expect(r.stdout).not.toMatch(/✅ holds/);
      expect(readFileSync(join(dir, 'j.xml'), 'utf8')).toMatch(/<skipped message="interrupted after \d+ exercised instance\(s\)"\/>/);
    }, 120_000);
  }

  // SIGINT: src/cli/commands/hunt.test.ts and check.test.ts.
  for (const [signal, code] of [['SIGTERM', 143]] as const) {
    it(`${signal} stops hunt after counterexamples were found: exit ${code}, every fixture on disk complete`, async () => {
      const out = mkdtempSync(join(tmpdir(), 'eoscheck-signal-'));
      const dir = join(out, FALSE_ID);
      const fixtures = () => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('.')) : []);
      const r = await interrupt(
        ['hunt', FALSE_ID, '--claims', falseClaim, '--time', '5m', '--out', out, '--seed', '3', '--json'],
        signal,
        () => fixtures().length > 0,
      );
      expect(r.signal, r.stderr).toBeNull();
      expect(r.code, r.stderr).toBe(code);
      expect(r.stderr).toBe('');
      const summary = JSON.parse(r.stdout);
      expect(summary.interrupted).toBe(true);
      expect(summary.counterexamples.length).toBeGreaterThan(0);
      expect(readdirSync(dir).filter((f) => !f.endsWith('.json'))).toEqual([]);
      for (const f of fixtures()) expect(readFixture(join(dir, f))).toMatchObject({ claim: FALSE_ID, verdict: 'violated' });
    }, 120_000);
  }
});
