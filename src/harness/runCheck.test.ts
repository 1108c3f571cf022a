import { describe, expect, it } from 'vitest';
import { descentLemmaQuadratic } from '../claims/classical/classical.js';
import { defineClaim } from '../claims/defineClaim.js';
import { markdownSummary } from './markdownSummary.js';
import { mergeReports } from './mergeReports.js';
import { runCheck, runsFor } from './runCheck.js';

// The same claim, once declaring its own default of 3 instances (as a costly claim does).
const costly = defineClaim({ ...descentLemmaQuadratic, id: 'test.costly.descent-lemma', runs: 3 });

describe('per-claim runs', () => {
  it("a claim's own runs replace the default, never a --runs the user gave", () => {
    expect(runsFor(costly, 100, false)).toBe(3);
    expect(runsFor(costly, 7, true)).toBe(7);
    expect(runsFor(descentLemmaQuadratic, 100, false)).toBe(100);
  });

  it('the report rows carry the runs each claim used; the summary shows them; shards merge', async () => {
    const { report, results } = await runCheck([descentLemmaQuadratic, costly], { seed: 5, runs: 6 });
    expect(report.runs).toBe(6);
    expect(report.claims.map((r) => [r.id, r.runs, r.instances.holds + r.instances.inconclusive + r.instances.violated])).toEqual([
      ['classical.descent-lemma', 6, 6],
      ['test.costly.descent-lemma', 3, 3],
    ]);
    const md = markdownSummary(report, results);
    expect(md).toMatch(/6 runs per claim \(1 costly claim\(s\) use their own default\)/);
    expect(md).toMatch(/\| `test.costly.descent-lemma` \| ✅ holds \| 3 \|/);
    const fixed = await runCheck([costly], { seed: 5, runs: 4, runsFixed: true });
    expect(fixed.report.claims[0].runs).toBe(4);
    const shards = await Promise.all(
      ['1/2', '2/2'].map(async (s) => {
        const [i, n] = s.split('/').map(Number);
        return { file: s, report: (await runCheck([descentLemmaQuadratic, costly], { seed: 5, runs: 6, shard: { index: i, count: n } })).report };
      }),
    );
    const merged = mergeReports(shards);
    expect(merged.claims.map((r) => ({ ...r, ms: 0 }))).toEqual(report.claims.map((r) => ({ ...r, ms: 0 })));
  });

  it('defineClaim refuses runs that are not a positive whole number', () => {
    expect(() => defineClaim({ ...descentLemmaQuadratic, runs: 0 })).toThrow(/runs.*positive whole number/);
    expect(() => defineClaim({ ...descentLemmaQuadratic, runs: 2.5 })).toThrow(/runs/);
  });
});
