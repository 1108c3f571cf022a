import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCounterexamples } from './readCounterexamples.js';
import type { CheckReport } from './report.js';

const root = join(import.meta.dirname, '../..');
const sample = JSON.parse(readFileSync(join(root, 'fixtures/counterexamples/kreisler.gfs-sharpness.monotone/77e952b183fa.json'), 'utf8'));

describe('readCounterexamples', () => {
  it('orders each claim\'s counterexamples simplest first (shortest instance), unreadable ones last', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoscheck-cx-'));
    const write = (name: string, theta: string[]) => {
      const file = join(dir, name);
      writeFileSync(file, JSON.stringify({ ...sample, instance: { ...sample.instance, theta } }));
      return file;
    };
    const long = write('a.json', ['1.23456', '0.123456', '2.5']);
    const short = write('b.json', ['1.2', '0.1']);
    const middle = write('c.json', ['1.25', '0.125']);
    const missing = join(dir, '0-missing.json');
    const report = { claims: [{ id: sample.claim, counterexamples: [missing, long, short, middle] }] } as unknown as CheckReport;
    const got = readCounterexamples(report).get(sample.claim) ?? [];
    expect(got.map((c) => c.file)).toEqual([short, middle, long, missing]);
    expect(got[3].error).toBe('no such file');
  });
});
