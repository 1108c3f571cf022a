import { describe, expect, it } from 'vitest';
import { BUILTIN_CLAIMS } from '../claims/registry.js';
import { closestCalls } from './closestCalls.js';
import { htmlReport } from './htmlReport.js';
import { runCheck } from './runCheck.js';
import { runClaim } from './runClaim.js';

const classical = BUILTIN_CLAIMS.filter((c) => c.id.startsWith('classical.'));

describe('closest calls', () => {
  it('keeps, per claim, the held instance of smallest margin and every margin, as runClaim reports them', async () => {
    const cc = closestCalls();
    await runCheck(classical, { seed: 2, runs: 15, onInstance: cc.onInstance });
    const got = cc.result();
    expect([...got.keys()]).toEqual(classical.map((c) => c.id));
    for (const claim of classical) {
      // The same run, instance by instance: its held margins, independently collected.
      const margins: number[] = [];
      await runClaim(claim, {
        seed: 2,
        runs: 15,
        onInstance: (_i, v) => {
          if (v.verdict === 'holds' && Number.isFinite(v.evidence.margin)) margins.push(v.evidence.margin);
        },
      });
      const c = got.get(claim.id);
      expect(c?.margins).toEqual([...margins].sort((a, b) => a - b));
      expect(c?.evidence.margin).toBe(Math.min(...margins));
    }
  });

  it('the report of an all-holds run shows one closest call per claim, with its trajectory plot and margins', async () => {
    const cc = closestCalls();
    const { report } = await runCheck(classical, { seed: 2, runs: 15, onInstance: cc.onInstance });
    const input = { report, source: 'test', claims: classical, counterexamples: new Map(), claimsFiles: [], closestCalls: cc.result() };
    const html = await htmlReport(input);
    const sections = html.split('<section class="cx closest"').slice(1);
    expect(sections).toHaveLength(3);
    for (const [i, s] of sections.entries()) {
      expect(s).toContain(`<code>${classical[i].id}</code></a> · closest call`);
      // Every instance that held has its margin (15 runs; an exact tie of the descent lemma is inconclusive, not a pass).
      const held = report.claims[i].instances.holds;
      expect(held).toBeGreaterThanOrEqual(14);
      expect(s).toContain(`<dt>margins</dt><dd>${held} instance(s): min `);
      expect(s).toContain('<svg class="margins"');
      expect(s).toMatch(/<figure class="plot"><svg/);
    }
    // Deterministic: the same input gives the same bytes.
    expect(await htmlReport(input)).toBe(html);
  }, 120_000);
});
