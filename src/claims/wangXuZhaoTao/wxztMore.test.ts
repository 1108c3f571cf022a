import { describe, expect, test } from 'vitest';
import { runClaim } from '../../harness/runClaim.js';
import { wxztConvergenceRate, wxztGapBelowEdge } from './wxztMore.js';
import { WXZT_MORE_CLAIMS } from './index.js';

const SEED = 424242;

describe('More WXZT claims (convergence rate, gap below the edge on matrix factorization)', () => {
  test('the array holds both claims', () => {
    expect(WXZT_MORE_CLAIMS.map((c) => c.id)).toEqual(['wxzt.convergence-rate', 'wxzt.eos.gap-below-edge']);
    expect(wxztConvergenceRate.status).toBe('open constants');
  });

  test('wxzt.convergence-rate holds on 100 instances', async () => {
    const r = await runClaim(wxztConvergenceRate, { seed: SEED, runs: 100, shrink: false });
    expect(r.row.instances.violated, JSON.stringify(r.counterexamples[0]?.verdict.evidence)).toBe(0);
    expect(r.row.verdict).toBe('holds');
    expect(r.row.exercised).toBeGreaterThanOrEqual(90);
  });

  test('wxzt.eos.gap-below-edge holds on 100 instances (statistical, ≥ 50%)', async () => {
    const r = await runClaim(wxztGapBelowEdge, { seed: SEED, runs: 100, shrink: false });
    expect(r.row.verdict).toBe('holds');
    expect(r.row.exercised).toBeGreaterThanOrEqual(80);
    expect(r.row.instances.holds / r.row.exercised).toBeGreaterThanOrEqual(0.5);
  });

  for (const claim of WXZT_MORE_CLAIMS) {
    test(`${claim.id}: negative control is flagged`, async () => {
      const r = await runClaim(claim, { seed: SEED, runs: 10, mode: 'control' });
      expect(r.row.instances.violated).toBeGreaterThan(0);
    });
  }
});
