import { describe, expect, it } from 'vitest';
import { UsageError } from '../errors.js';
import { mergeReports } from './mergeReports.js';
import type { CheckReport, ClaimRow } from './report.js';

const row = (id: string, holds: number, violated: number, files: string[], ms: number): ClaimRow => ({
  id,
  verdict: violated > 0 ? 'violated' : 'holds',
  kind: 'forall',
  runs: 10,
  instances: { holds, violated, artifact: 0, inconclusive: 1, diverged: 0, error: 0, uncertified: 0 },
  exercised: holds + violated,
  fixtures: 0,
  evaluations: 10 * (holds + violated + 1),
  counterexamples: files,
  ms,
});
const rep = (shard: string, rows: ClaimRow[], over: Partial<CheckReport> = {}): CheckReport => ({
  seed: 7,
  runs: 10,
  shard,
  version: '0.1.0',
  interrupted: false,
  claims: rows,
  ...over,
});

describe('mergeReports', () => {
  it('sums counts, unites counterexamples, recomputes verdicts, and writes shard 1/1', () => {
    const m = mergeReports([
      { file: 'b', report: rep('2/2', [row('a.x', 4, 1, ['f/a.x/2.json'], 5), row('b.y', 5, 0, [], 1)]) },
      { file: 'a', report: rep('1/2', [row('a.x', 5, 0, [], 7), row('b.y', 4, 0, [], 2)]) },
    ]);
    expect(m).toEqual(
      rep('1/1', [
        {
          ...row('a.x', 9, 1, ['f/a.x/2.json'], 12),
          instances: { holds: 9, violated: 1, artifact: 0, inconclusive: 2, diverged: 0, error: 0, uncertified: 0 },
          evaluations: 120,
        },
        {
          ...row('b.y', 9, 0, [], 3),
          instances: { holds: 9, violated: 0, artifact: 0, inconclusive: 2, diverged: 0, error: 0, uncertified: 0 },
          evaluations: 110,
        },
      ]),
    );
  });

  it("decides the shards' partial rows on the summed counts; a claim cut by a signal in any shard stays interrupted", () => {
    const stat = (holds: number, violated: number, verdict: ClaimRow['verdict']): ClaimRow => ({
      ...row('s.t', holds, violated, [], 1),
      kind: 'statistical',
      minHoldFraction: 0.8,
      verdict,
    });
    // 2 of 3 held in one shard (below 0.8 there), 40 of 41 overall: the Wilson interval's lower end
    // (0.87) clears 0.8, so the whole run holds.
    const whole = mergeReports([
      { file: 'a', report: rep('1/2', [stat(2, 1, 'partial')]) },
      { file: 'b', report: rep('2/2', [stat(38, 0, 'partial')]) },
    ]);
    expect(whole.claims[0]).toMatchObject({ verdict: 'holds', instances: { holds: 40, violated: 1 } });
    // 5 of 13 overall: the interval's upper end (0.64) is below 0.8.
    expect(
      mergeReports([
        { file: 'a', report: rep('1/2', [stat(2, 8, 'partial')]) },
        { file: 'b', report: rep('2/2', [stat(3, 0, 'partial')]) },
      ]).claims[0].verdict,
    ).toBe('violated');
    const cut = mergeReports([
      { file: 'a', report: rep('1/2', [row('a.x', 5, 0, [], 1), { ...row('b.y', 2, 0, [], 1), verdict: 'interrupted' }], { interrupted: true }) },
      { file: 'b', report: rep('2/2', [row('a.x', 5, 0, [], 1), row('b.y', 5, 0, [], 1), row('c.z', 5, 0, [], 1)]) },
    ]);
    expect(cut.interrupted).toBe(true);
    expect(cut.claims.map((c) => [c.id, c.verdict])).toEqual([
      ['a.x', 'holds'],
      ['b.y', 'interrupted'],
      ['c.z', 'interrupted'],
    ]);
    // A ∀ claim's violation stands although the run was cut.
    expect(
      mergeReports([
        { file: 'a', report: rep('1/2', [{ ...row('a.x', 1, 1, ['a.x/1.json'], 1), verdict: 'violated' }], { interrupted: true }) },
        { file: 'b', report: rep('2/2', [row('a.x', 5, 0, [], 1)]) },
      ]).claims[0].verdict,
    ).toBe('violated');
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
      [[{ ...ok, fixtures: 'fx' }, rep('2/2', [row('a.x', 1, 0, [], 1)], { fixtures: 'other' })], /f1: fixtures "other" differs from "fx" in f0/],
    ];
    for (const [reports, re] of cases) {
      expect(() => mergeReports(reports.map((report, i) => ({ file: `f${i}`, report })))).toThrow(UsageError);
      expect(() => mergeReports(reports.map((report, i) => ({ file: `f${i}`, report })))).toThrow(re);
    }
  });
});
