import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { mergeReports } from './mergeReports.js';
import type { CheckReport, ClaimRow } from './report.js';

const row = (id: string, holds: number, violated: number, files: string[], ms: number): ClaimRow => ({
  id, verdict: violated > 0 ? 'violated' : 'holds', kind: 'forall', runs: 10, instances: { holds, violated, artifact: 0, inconclusive: 1, diverged: 0, error: 0, uncertified: 0 },
  exercised: holds + violated, fixtures: 0, evaluations: 10 * (holds + violated + 1), counterexamples: files, ms,
});
const rep = (shard: string, rows: ClaimRow[], over: Partial<CheckReport> = {}): CheckReport =>
  ({ seed: 7, runs: 10, shard, version: '0.1.0', interrupted: false, claims: rows, ...over });

describe('mergeReports', () => {
  it('sums counts, unites counterexamples, recomputes verdicts, and writes shard 1/1', () => {
    const m = mergeReports([
      { file: 'b', report: rep('2/2', [row('a.x', 4, 1, ['f/a.x/2.json'], 5), row('b.y', 5, 0, [], 1)]) },
      { file: 'a', report: rep('1/2', [row('a.x', 5, 0, [], 7), row('b.y', 4, 0, [], 2)]) },
    ]);
    expect(m).toEqual(rep('1/1', [
      { ...row('a.x', 9, 1, ['f/a.x/2.json'], 12), instances: { holds: 9, violated: 1, artifact: 0, inconclusive: 2, diverged: 0, error: 0, uncertified: 0 }, evaluations: 120 },
      { ...row('b.y', 9, 0, [], 3), instances: { holds: 9, violated: 0, artifact: 0, inconclusive: 2, diverged: 0, error: 0, uncertified: 0 }, evaluations: 110 },
    ]));
  });

  it('refuses shards of different runs, duplicates and gaps, naming the file', () => {
    const ok = rep('1/2', [row('a.x', 1, 0, [], 1)]);
    const cases: [CheckReport[], RegExp][] = [
      [[ok, rep('2/2', [row('a.x', 1, 0, [], 1)], { seed: 8 })], /f1: seed 8 differs from 7 in f0/],
      [[ok, rep('1/2', [row('a.x', 1, 0, [], 1)])], /f1: shard 1\/2 is given twice/],
      [[ok], /shard 2\/2 missing/],
      [[ok, rep('2/3', [])], /f1: shard 2\/3 is not one of 2/],
      [[ok, rep('2/2', [row('b.y', 1, 0, [], 1)])], /f1: its claims differ/],
      [[ok, rep('x', [])], /f1: "x" is not a shard/],
    ];
    for (const [reports, re] of cases) {
      expect(() => mergeReports(reports.map((report, i) => ({ file: `f${i}`, report })))).toThrow(UsageError);
      expect(() => mergeReports(reports.map((report, i) => ({ file: `f${i}`, report })))).toThrow(re);
    }
  });
});
