import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import type { Fixture } from './fixture.js';
import { writeFixture } from './fixtureStore.js';
import { readCounterexamples } from './readCounterexamples.js';
import { zeroCounts, type CheckReport } from './report.js';

const ID = 'classical.descent-lemma';
const fixture: Fixture = {
  claim: ID,
  version: '0.1.0',
  instance: { model: 'quadratic', theta: ['1'] },
  verdict: 'violated',
  precision: 'f64',
  observed: 1,
  bound: 0,
  margin: -1,
  seed: 1,
  path: '0',
  shrinks: 0,
  createdAt: '2026-01-01T00:00:00.000Z',
};
const report = (fixtures: string | undefined, counterexamples: string[]): CheckReport => ({
  seed: 1,
  runs: 1,
  shard: '1/1',
  version: '0.1.0',
  ...(fixtures !== undefined ? { fixtures } : {}),
  interrupted: false,
  claims: [
    {
      id: ID,
      verdict: 'violated',
      kind: 'forall',
      runs: 1,
      instances: { ...zeroCounts(), violated: 1 },
      exercised: 1,
      fixtures: 0,
      evaluations: 1,
      counterexamples,
      ms: 0,
    },
  ],
});

describe('readCounterexamples', () => {
  it('reads `<claim-id>/<name>.json` from the recorded fixtures directory, relative to the working directory or the results file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoscheck-cx-'));
    const file = writeFixture(join(dir, 'fx'), fixture).file;
    const entry = relative(join(dir, 'fx'), file);
    expect(entry).toMatch(new RegExp(`^${ID.replace(/\./g, '\\.')}/[0-9a-f]{12}\\.json$`));
    expect(readCounterexamples(report(join(dir, 'fx'), [entry])).get(ID)).toEqual([{ file: entry, fixture }]);
    // A relative fixtures directory, from the results file's directory (check ran elsewhere).
    expect(readCounterexamples(report('fx', [entry]), join(dir, 'r.json')).get(ID)?.[0].fixture).toEqual(fixture);
    expect(readCounterexamples(report('fx', [`${ID}/0123456789ab.json`]), join(dir, 'r.json')).get(ID)).toEqual([
      { file: `${ID}/0123456789ab.json`, error: 'no such file' },
    ]);
  });

  it('refuses, with a UsageError naming the results file, any entry that is not inside the fixtures directory', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoscheck-cx-'));
    const fx = join(dir, 'fx');
    mkdirSync(join(fx, ID), { recursive: true });
    writeFileSync(join(dir, 'secret.json'), '{"claim": "x"}');
    symlinkSync(join(dir, 'secret.json'), join(fx, ID, 'link.json'));
    for (const entry of [
      '/etc/passwd',
      '../../../../etc/hostname',
      `${ID}/../../secret.json`,
      `${ID}/../${ID}/x.json`,
      'other.claim/x.json',
      `${ID}/x.txt`,
      `${ID}/.x.json`,
      `${ID}/a/b.json`,
      `${ID}\\..\\x.json`,
    ]) {
      expect(() => readCounterexamples(report(fx, [entry]), join(dir, 'r.json')), entry).toThrow(UsageError);
      expect(() => readCounterexamples(report(fx, [entry]), join(dir, 'r.json')), entry).toThrow(/r\.json: counterexample .* refusing to read it/);
    }
    // An id that is itself a step out, and a fixtures directory that is not a path.
    const dotdot: CheckReport = { ...report(fx, ['../x.json']), claims: [{ ...report(fx, []).claims[0], id: '..', counterexamples: ['../x.json'] }] };
    expect(() => readCounterexamples(dotdot)).toThrow(UsageError);
    expect(() => readCounterexamples({ ...report(fx, []), fixtures: 7 as unknown as string })).toThrow(/"fixtures" must be the fixtures directory/);
    // A symbolic link in the store that leads out of it.
    expect(() => readCounterexamples(report(fx, [`${ID}/link.json`]))).toThrow(/leads out of the fixtures directory/);
    // A report that records no fixtures directory has nowhere to read from.
    expect(() => readCounterexamples(report(undefined, [`${ID}/x.json`]), 'old.json')).toThrow(
      /old\.json: lists counterexamples but records no fixtures directory/,
    );
  });

  it("orders each claim's counterexamples simplest first (shortest instance), unreadable ones last", () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoscheck-cx-'));
    mkdirSync(join(dir, ID));
    const write = (name: string, theta: string[]) => {
      writeFileSync(join(dir, ID, name), JSON.stringify({ ...fixture, instance: { ...fixture.instance, theta } }));
      return `${ID}/${name}`;
    };
    const long = write('a.json', ['1.23456', '0.123456', '2.5']);
    const short = write('b.json', ['1.2', '0.1']);
    const middle = write('c.json', ['1.25', '0.125']);
    const missing = `${ID}/0-missing.json`;
    const got = readCounterexamples(report(dir, [missing, long, short, middle])).get(ID) ?? [];
    expect(got.map((c) => c.file)).toEqual([short, middle, long, missing]);
    expect(got[3].error).toBe('no such file');
  });
});
