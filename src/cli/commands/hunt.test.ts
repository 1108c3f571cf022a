import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFixture } from '../../harness/fixtureStore.js';
import { run } from '../run.js';
import { parseDuration } from './hunt.js';

const root = join(import.meta.dirname, '../../..');
const falseClaim = join(root, 'properties/examples/falseClaim.ts');
const ID = 'example.quadratic.monotone-below-3-over-lambda';

describe('eoscheck hunt', () => {
  it('Ctrl-C after counterexamples were found: every fixture on disk is complete, the summary is printed, exit 130', async () => {
    const out = mkdtempSync(join(tmpdir(), 'eoscheck-sigint-'));
    const child = spawn(process.execPath, [join(root, 'bin/eoscheck.js'), 'hunt', ID, '--claims', falseClaim, '--time', '5m', '--out', out, '--seed', '3'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    const dir = join(out, ID);
    const fixtures = () => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json') && !f.startsWith('.')) : []);
    const t0 = Date.now();
    while (fixtures().length === 0 && Date.now() - t0 < 60_000 && child.exitCode === null) await new Promise((r) => setTimeout(r, 50));
    expect(fixtures().length, `no fixture appeared; stderr: ${stderr}`).toBeGreaterThan(0);
    child.kill('SIGINT');
    const { code, signal } = await exited;
    expect(signal).toBeNull();
    expect(code).toBe(130);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/interrupted after \d+ climb\(s\)/);
    expect(stdout).toMatch(/counterexample\(s\):/);
    // Written as found, atomically: nothing half-written, no temporary file left behind.
    expect(readdirSync(dir).filter((f) => !f.endsWith('.json'))).toEqual([]);
    for (const f of fixtures()) expect(readFixture(join(dir, f))).toMatchObject({ claim: ID, verdict: 'violated' });
  }, 90_000);

  it('prints one line per new counterexample, and only counts the ones already stored', async () => {
    const out = mkdtempSync(join(tmpdir(), 'eoscheck-hunt-'));
    const hunt = async () => {
      let text = '';
      const code = await run(
        ['hunt', ID, '--claims', falseClaim, '--runs', '4', '--out', out, '--seed', '3'],
        { write: (s: string) => (text += s) },
        { write: () => 0 },
      );
      return { code, text };
    };
    const first = await hunt();
    expect(first.code).toBe(1);
    const stored = readdirSync(join(out, ID)).filter((f) => f.endsWith('.json'));
    expect(stored.length).toBeGreaterThan(0);
    expect(first.text.match(/^found /gm)).toHaveLength(stored.length);
    expect(first.text).toContain(`${stored.length} new counterexample(s):`);
    const second = await hunt();
    expect(second.code).toBe(1);
    expect(second.text).not.toMatch(/^found /m);
    expect(second.text).toMatch(/no new counterexample; \d+ already known found again\n/);
  }, 90_000);

  it('a check that threw is counted apart in the summary (no fixture, exit 3), never a counterexample', async () => {
    const out = mkdtempSync(join(tmpdir(), 'eoscheck-hunt-'));
    let text = '';
    const code = await run(
      ['hunt', 'example.buggy-check', '--claims', join(root, 'properties/examples/throwingClaim.ts'), '--runs', '2', '--out', out],
      { write: (s: string) => (text += s) },
      { write: () => 0 },
    );
    expect(code).toBe(3);
    expect(text).not.toMatch(/^found /m);
    expect(text).toContain('no counterexample found\n');
    expect(text).toMatch(
      /^the check threw on \d+ candidate\(s\): a bug in the check, not a counterexample \(none stored; exit 3\)\. First, on \{.*\}:\nTypeError: /m,
    );
    expect(existsSync(join(out, 'example.buggy-check'))).toBe(false);
  });

  it('reads durations', () => {
    expect([parseDuration('500ms'), parseDuration('30s'), parseDuration('10m'), parseDuration('1.5h')]).toEqual([500, 30_000, 600_000, 5_400_000]);
    expect(() => parseDuration('0s')).toThrow(/--time: must be positive/);
    expect(() => parseDuration('soon')).toThrow(/--time: "soon" is not a duration/);
  });
});
