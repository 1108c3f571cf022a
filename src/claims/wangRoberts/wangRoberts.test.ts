import { describe, expect, it } from 'vitest';
import { evaluate } from '../../harness/evaluate.js';
import { runClaim } from '../../harness/runClaim.js';
import {
  depth1NoRotation, lrFor, type GdRunInstance } from './wangRoberts.js';
import { WANG_ROBERTS_CLAIMS } from './index.js';
import { swapIsNotRotation, type UvRunInstance } from './swapIsNotRotation.js';
import { depth2RotationUnderInstability, flattening, type UvBatchInstance, type UvFlatInstance } from './depth2.js';

const SEED = 20260523;

describe('WANG_ROBERTS_CLAIMS through the harness (pinned seed)', () => {
  for (const claim of WANG_ROBERTS_CLAIMS) {
    it(`${claim.id} holds on 100 instances`, async () => {
      const r = await runClaim(claim, { seed: SEED, runs: 100 });
      expect(r.row.instances.violated).toBe(0);
      expect(r.row.verdict).toBe('holds');
      expect(r.row.exercised).toBeGreaterThanOrEqual(50);
    });
    it(`${claim.id}: negative control is flagged`, async () => {
      const r = await runClaim(claim, { seed: SEED, runs: 10, mode: 'control' });
      expect(r.row.instances.violated).toBeGreaterThan(0);
    });
  }
});

const uv = (u: string, v: string) => ({ model: 'uv' as const, params: { target: '1' }, theta: [u, v] as [string, string] });

describe('wr.depth1.no-rotation', () => {
  it('a divergent 1-D-top quadratic run (κ = 3) is exercised and holds; the same check on uv is flagged', () => {
    const quad: GdRunInstance = {
      model: 'quadratic', params: {}, data: { A: [['0.68', '0.24'], ['0.24', '0.82']], b: ['0', '0'] },
      eigen: { values: ['1', '0.5'], vectors: [['0.6', '0.8'], ['-0.8', '0.6']] }, thetaStar: ['0', '0'],
      theta: ['1', '1'], lr: '3', steps: 40,
    };
    const v = evaluate(depth1NoRotation, quad, { mode: 'claim' }).verdict;
    expect(v).toMatchObject({ verdict: 'holds', evidence: { code: 'no_rotation', observed: 0 } });
    expect(Number(v.evidence.details?.growth)).toBeGreaterThan(1e10);
    const c = evaluate(depth1NoRotation, { ...uv('2', '0.3'), lr: lrFor('2', '0.3', '2.6'), steps: 20 }, { mode: 'control' }).verdict;
    expect(c).toMatchObject({ verdict: 'violated', evidence: { code: 'eigenvector_rotated' } });
  });
});

describe('wr.depth2.rotation-under-instability', () => {
  const batch = (u: string, v: string): UvBatchInstance => ({
    ...uv(u, v), kappaStable: ['0.8', '1.5'], kappaUnstable: ['2.2', '2.6', '3'],
    lrStable: ['0.8', '1.5'].map((k) => lrFor(u, v, k)), lrUnstable: ['2.2', '2.6', '3'].map((k) => lrFor(u, v, k)), steps: 400,
  });
  it('holds from (2, 0.3), the claims.md [E] start, and is flagged on the balanced set (caveat 5)', () => {
    const v = evaluate(depth2RotationUnderInstability, batch('2', '0.3'), { mode: 'claim' }).verdict;
    expect(v.verdict).toBe('holds');
    expect(v.evidence.observed).toBeGreaterThan(3 * Number(v.evidence.details?.meanStable));
    const c = evaluate(depth2RotationUnderInstability, batch('0.5', '0.5'), { mode: 'control' }).verdict;
    expect(c).toMatchObject({ verdict: 'violated', evidence: { code: 'no_rotation_gain' } });
    // The naive top-vector angle does see "rotation" there: the 90° eigenvalue swaps.
    expect(Number(c.evidence.details?.naiveMeanUnstable)).toBeGreaterThan(1e-3);
    expect(Number(c.evidence.details?.swapsUnstable)).toBeGreaterThan(0);
  });
});

describe('wr.flattening', () => {
  const flat = (kappa: string): UvFlatInstance => ({ ...uv('2', '0.3'), kappa, lr: lrFor('2', '0.3', kappa), steps: 3000 });
  it('η·λ_GFS = 2.6 ends below 2/η and well below λ_GFS; η·λ_GFS = 0.8 does not flatten', () => {
    const v = evaluate(flattening, flat('2.6'), { mode: 'claim' }).verdict;
    expect(v).toMatchObject({ verdict: 'holds', evidence: { code: 'flatter' } });
    expect(Number(v.evidence.details?.etaS)).toBeLessThanOrEqual(2);
    const c = evaluate(flattening, flat('0.8'), { mode: 'control' }).verdict;
    expect(c).toMatchObject({ verdict: 'violated', evidence: { code: 'no_flattening' } });
    expect(c.evidence.observed).toBeGreaterThan(0.99);
  });
});

describe('wr.swap-is-not-rotation (documented counterexample to "depth > 1 ⇒ rotation")', () => {
  it('balanced uv: fixed frame, the naive angle jumps 90° at the swaps; unbalanced: the frame moves', () => {
    const run: UvRunInstance = { ...uv('0.22', '0.22'), lr: '1.37', steps: 114 };
    const v = evaluate(swapIsNotRotation, run, { mode: 'claim' }).verdict;
    expect(v).toMatchObject({ verdict: 'holds', evidence: { code: 'fixed_frame' } });
    expect(Number(v.evidence.details?.swaps)).toBeGreaterThan(10);
    const c = evaluate(swapIsNotRotation, { ...run, theta: ['0.22', '0.5'] }, { mode: 'control' }).verdict;
    expect(c).toMatchObject({ verdict: 'violated', evidence: { code: 'frame_moved' } });
  });
});
